import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { createUnits } from "../setup/create-units";
import { currentDatabaseUrl } from "../setup/database-per-file";
import type { Actor } from "@/lib/auth/authorize";
import { importMembers } from "@/lib/imports/import-members";
import { MEMBER_COLUMNS } from "@/lib/imports/member-columns";

const ROOT = path.resolve(__dirname, "../..");
const NOW = new Date("2026-11-20T03:00:00Z");
const HEADER = MEMBER_COLUMNS.join(",");
let official: Actor & { id: number };
let leaderOfT1: Actor & { id: number };

const csv = (...rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join("\n"));
const run = (bytes: Uint8Array, commit = true, actor: Actor = official) => importMembers(actor, bytes, { commit, now: NOW });
const membersOf = (code: string) => db.teamMember.findMany({ where: { team: { code } }, orderBy: { id: "asc" } });

beforeAll(async () => {
  const ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null],
    ["W", "WARD", "Phường", "P"],
    ["W-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["W-02", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["V", "WARD", "Xã", "P"],
  ]);
  const t1 = await db.team.create({ data: { code: "T1", name: "Tổ 1", unitId: ids["W-01"] } });
  await db.team.create({ data: { code: "T2", name: "Tổ 2", unitId: ids["W-02"] } });
  await db.team.create({ data: { code: "TV", name: "Tổ V", unitId: ids.V } });
  await db.team.create({ data: { code: "TX", name: "Tổ cũ", unitId: ids["W-02"], active: false } });
  await db.teamMember.create({ data: { teamId: t1.id, fullName: "Phạm Văn Dũng", role: "LEADER", affiliation: "RESIDENTIAL_GROUP_HEAD", phone: "0905000001" } });
  const user = await db.user.create({ data: { username: "canbo.w", fullName: "Cán bộ W", role: "WARD_OFFICIAL", scopeUnitId: ids.W, passwordHash: "x" } });
  official = { id: user.id, username: user.username, role: "WARD_OFFICIAL", scopeUnitId: ids.W };
  const leader = await db.user.create({ data: { username: "totruong.1", fullName: "Tổ trưởng", role: "TEAM_LEADER", scopeUnitId: ids["W-01"], teamId: t1.id, passwordHash: "x" } });
  leaderOfT1 = { id: leader.id, username: leader.username, role: "TEAM_LEADER", scopeUnitId: ids["W-01"], teamId: t1.id };
});

describe("importing team members", () => {
  it("lists every bad row by line and column and writes nothing", async () => {
    const before = await db.teamMember.count();
    const result = await run(
      csv(
        "T1,Lê Thị Mai,Thành viên,Hội Phụ nữ,1958,Nữ,0905 111 222,15/09/2025",
        "T9,Nguyễn Văn A,,,,,,",
        "TV,Nguyễn Văn B,,,,,,",
        "TX,Nguyễn Văn C,,,,,,",
        "T1,X,Trưởng nhóm,Câu lạc bộ,1850,Khác,12345,31/02/2025",
        "T1,lê thị  mai,,,,,,",
        "T2,Võ Văn Tâm,Tổ trưởng,,,,,2030-01-01",
        "T1,Đỗ Thị Hạnh,Tổ trưởng,,,,,",
      ),
      false,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = (line: number) => result.errors.filter((error) => error.line === line).map((error) => `${error.column}: ${error.message}`);
    expect(at(3)).toEqual([expect.stringMatching(/^team_code: Không có tổ mã "T9"/)]);
    expect(at(4)).toEqual([expect.stringMatching(/^team_code: Tổ "TV" ngoài phạm vi/)]);
    expect(at(5)).toEqual([expect.stringMatching(/^team_code: .*ngừng hoạt động/)]);
    expect(at(6)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^full_name: Họ và tên/),
        expect.stringMatching(/^role: Vai trò/),
        expect.stringMatching(/^affiliation: Thành phần/),
        expect.stringMatching(/^birth_year: Năm sinh/),
        expect.stringMatching(/^gender: Giới tính/),
        expect.stringMatching(/^phone: Số điện thoại/),
        expect.stringMatching(/^trained_on: Ngày tập huấn/),
      ]),
    );
    expect(at(7)).toEqual([expect.stringMatching(/^full_name: Trùng với dòng 2/)]);
    expect(at(8)).toEqual([expect.stringMatching(/^trained_on: Ngày tập huấn: không được ở tương lai/)]);
    expect(at(9)).toEqual([expect.stringMatching(/^role: Tổ T1 sẽ có 2 tổ trưởng \(Phạm Văn Dũng, Đỗ Thị Hạnh\)/)]);
    expect(result.status).toBe(403);
    expect(await db.teamMember.count()).toBe(before);
    expect(await db.auditLog.count({ where: { action: "auth.denied", entityId: "members.write" } })).toBe(1);
  });

  it("adds new members with Vietnamese labels read as codes, then a re-import changes nothing", async () => {
    const file = csv(
      "T1,Lê Thị Mai,Thành viên,Hội Phụ nữ,1958,Nữ,0905 111 222,15/09/2025",
      "T1,Trần Văn Bình,to pho,doan thanh nien,2001,nam,+84 935 222 333,",
      "T2,\"Nguyễn Thị Lan, con\",MEMBER,WOMENS_UNION,,FEMALE,,2025-10-02",
    );
    const preview = await run(file, false);
    expect(preview).toMatchObject({ ok: true, committed: false, rows: 3, added: 3, updated: 0, unchanged: 0, teams: 2 });
    expect(await db.teamMember.count({ where: { fullName: "Lê Thị Mai" } })).toBe(0);

    expect(await run(file)).toMatchObject({ ok: true, committed: true, added: 3 });
    const t1 = await membersOf("T1");
    expect(t1.map((member) => member.fullName)).toEqual(["Phạm Văn Dũng", "Lê Thị Mai", "Trần Văn Bình"]);
    expect(t1[1]).toMatchObject({ role: "MEMBER", affiliation: "WOMENS_UNION", birthYear: 1958, gender: "FEMALE", phone: "0905111222" });
    expect(t1[1].trainedOn?.toISOString().slice(0, 10)).toBe("2025-09-15");
    expect(t1[2]).toMatchObject({ role: "DEPUTY", affiliation: "YOUTH_UNION", gender: "MALE", phone: "0935222333" });
    expect((await membersOf("T2"))[0].fullName).toBe("Nguyễn Thị Lan, con");
    expect(await db.auditLog.count({ where: { action: "members.import" } })).toBe(3);

    const again = await run(file);
    expect(again).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: 3 });
    expect(await db.teamMember.count()).toBe(4);
    expect(await db.auditLog.count({ where: { action: "members.import" } })).toBe(3);
  });

  it("updates a member found by team and name (NFD or other case), keeping before and after", async () => {
    const file = csv(`T1,${"LÊ THỊ MAI".normalize("NFD")},Thành viên,Hội Phụ nữ,1958,Nữ,0905 111 999,15/09/2025`);
    expect(await run(file)).toMatchObject({ ok: true, added: 0, updated: 1 });
    const mai = (await membersOf("T1")).find((member) => member.phone === "0905111999")!;
    expect(mai.fullName).toBe("LÊ THỊ MAI");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "members.import", entityId: String(mai.id), before: { not: undefined } }, orderBy: { id: "desc" } });
    expect(audit.before).toMatchObject({ phone: "0905111222" });
    expect(audit.after).toMatchObject({ phone: "0905111999" });
  });

  it("lets a leader import into their own team only", async () => {
    const result = await run(csv("T2,Người Ngoài,,,,,,"), true, leaderOfT1);
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(await run(csv("T1,Hồ Thị Xuân,,,,,,"), true, leaderOfT1)).toMatchObject({ ok: true, added: 1 });
  });

  it("reads an Excel file, refusing formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Thành viên");
    sheet.addRow([...MEMBER_COLUMNS]);
    sheet.addRow(["T2", "Đặng Văn Sơn", "Thành viên", "Công an", 1990, "Nam", "0912345678", new Date("2025-06-01")]);
    expect(await run(new Uint8Array(await workbook.xlsx.writeBuffer()))).toMatchObject({ ok: true, added: 1 });
    expect((await membersOf("T2")).find((member) => member.fullName === "Đặng Văn Sơn")).toMatchObject({ affiliation: "POLICE", phone: "0912345678" });

    sheet.addRow(["T2", { formula: 'CONCAT("A","B")' }, "", "", "", "", "", ""]);
    const refused = await run(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/công thức/) });
  });

  it("refuses a file in another encoding or with a foreign header, saying so", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEADER}\nT1,`), 0xc0, 0xe9, 0x0a]);
    expect(await run(latin1)).toMatchObject({ ok: false, message: expect.stringMatching(/UTF-8/) });
    expect(await run(new TextEncoder().encode("ten,so_dien_thoai\nA,1\n"))).toMatchObject({ ok: false, message: expect.stringMatching(/Thiếu cột: team_code/) });
  });

  it("accepts the downloadable template's shape", async () => {
    const template = readFileSync(path.join(ROOT, "public/templates/thanh-vien-mau.csv"), "utf8");
    expect(template.charCodeAt(0)).toBe(0xfeff);
    expect(template.slice(1).split("\n")[0]).toBe(HEADER);
  });
});

describe("npm run import:members", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-import-members-"));
  function importFile(content: string) {
    const file = path.join(dir, `members-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(file, content);
    return spawnSync(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", "lib/cli/import-members.ts", file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: currentDatabaseUrl() },
      encoding: "utf8",
      timeout: 60_000,
    });
  }

  it("exits 1 with the errors, then imports as the system, audited as such", async () => {
    const bad = importFile(`${HEADER}\nT9,Ai Đó,,,,,,\n`);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('dòng 2, cột team_code: Không có tổ mã "T9"');
    const good = importFile(`${HEADER}\nTV,Lò Văn Páo,Thành viên,Đoàn thanh niên,1999,Nam,,\n`);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain("1 thành viên mới");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "members.import" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorName: "system", actorId: null });
  });
});
