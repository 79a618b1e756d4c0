import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { currentDatabaseUrl } from "../setup/database-per-file";

const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-import-cli-"));

function importUnits(content: string) {
  const file = path.join(dir, `units-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", "lib/cli/import-units.ts", file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: currentDatabaseUrl() },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run import:units", () => {
  it("exits non-zero with every error by line and column, writing nothing", async () => {
    const { status, stderr } = importUnits(
      "code,name,level,kind,parent_code\n30,Hải Dương,PROVINCE,Tỉnh,\n288,TP Hải Dương,DISTRICT,Thành phố,99\n289,Kinh Môn,TOWN,Thị xã,30\n",
    );
    expect(status).toBe(1);
    expect(stderr).toContain("Có 2 lỗi; chưa ghi đơn vị nào.");
    expect(stderr).toContain('dòng 3, cột parent_code: Không có đơn vị cấp trên mã "99"');
    expect(stderr).toContain("dòng 4, cột level: Cấp phải là một trong");
    expect(await db.adminUnit.count()).toBe(0);
  });

  it("imports a good file as the system, and a second run changes nothing", async () => {
    const file = "code,name,level,kind,parent_code\n30,Hải Dương,PROVINCE,Tỉnh,\n10507,Trần Phú,WARD,Phường,30\n";
    const first = importUnits(file);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Đã thêm 2 đơn vị");
    const second = importUnits(file);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("Đã thêm 0 đơn vị; 2 đơn vị đã có");
    expect(await db.adminUnit.count()).toBe(2);
    const audit = await db.auditLog.findMany({ where: { action: "units.import" } });
    expect(audit.map((entry) => entry.actorName)).toEqual(["system", "system"]);
  });
});
