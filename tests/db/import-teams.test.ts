/**
 * Setting up a whole ward or province at once: teams from a file (page and
 * command line) with the other imports' rules, a team for every group of a
 * ward in one step, and one active team per unit even when two writers race.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/authorize";
import { createUnits } from "../setup/create-units";
import { currentDatabaseUrl } from "../setup/database-per-file";
import { seedDatabase } from "@/prisma/seed/seed";
import { importTeams } from "@/lib/imports/import-teams";
import { createMissingTeams, createTeam } from "@/lib/teams/manage-teams";

const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-import-teams-"));
const HEADER = "team_code,unit_code,name,founded_on,decision\n";
const bytes = (text: string) => new TextEncoder().encode(text);

let official: Actor;
let ids: Record<string, number>;

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null, "Tỉnh P"],
    ["W", "WARD", "Xã", "P", "Xã W"],
    ["W-1", "RESIDENTIAL_GROUP", "Thôn", "W", "Thôn Một"],
    ["W-2", "RESIDENTIAL_GROUP", "Thôn", "W", "Thôn Hai"],
    ["W-3", "RESIDENTIAL_GROUP", "Bản", "W", "Bản Ba"],
    ["W-4", "RESIDENTIAL_GROUP", "Bản", "W", "Bản Bốn"],
    ["V", "WARD", "Xã", "P", "Xã V"],
    ["V-1", "RESIDENTIAL_GROUP", "Thôn", "V", "Thôn V1"],
    ["D", "DISTRICT", "Huyện", "P", "Huyện D"],
  ]);
  const user = await db.user.create({ data: { username: "canbo.w", fullName: "Cán bộ W", role: "WARD_OFFICIAL", scopeUnitId: ids.W, passwordHash: "x" } });
  official = { id: user.id, username: user.username, role: "WARD_OFFICIAL", scopeUnitId: ids.W };
});

function runCli(content: string) {
  const file = path.join(dir, `teams-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  return spawnSync(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", "lib/cli/import-teams.ts", file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: currentDatabaseUrl() },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("the teams import", () => {
  it("refuses a file with any bad row, naming line and column, and writes nothing", async () => {
    const file = `${HEADER}TCNS-W-1,W-1,Tổ CNS Thôn Một,15/03/2025,125/QĐ-UBND\nTCNS W 2,W-2,Tổ CNS,,\nTCNS-V-1,V-1,Tổ CNS V1,,\nTCNS-D,D,Tổ CNS huyện,,\nTCNS-W-3,W-3,Tổ,31/02/2025,\nTCNS-W-3B,W-1,Tổ CNS thứ hai,,\n`;
    const result = await importTeams(official, bytes(file), { commit: true });
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      errors: [
        { line: 3, column: "team_code" },
        { line: 4, column: "unit_code", message: expect.stringMatching(/V-1/) },
        { line: 5, column: "unit_code" },
        { line: 6, column: "name" },
        { line: 6, column: "founded_on" },
        { line: 7, column: "unit_code", message: expect.stringMatching(/dòng 2/) },
      ],
    });
    expect(await db.team.count()).toBe(0);
  });

  it("creates, then changes only what changed, and a second run changes nothing", async () => {
    const file = `${HEADER}TCNS-W-1,W-1,Tổ CNS Thôn Một,15/03/2025,125/QĐ-UBND\nTCNS-W-2,W-2,Tổ CNS Thôn Hai,,\n`;
    expect(await importTeams(official, bytes(file), { commit: true })).toMatchObject({ ok: true, committed: true, added: 2, updated: 0, unchanged: 0 });
    expect(await importTeams(official, bytes(file), { commit: true })).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: 2 });
    const renamed = file.replace("Tổ CNS Thôn Hai,,", "Tổ công nghệ số Thôn Hai,2025-04-01,");
    expect(await importTeams(official, bytes(renamed), { commit: true })).toMatchObject({ ok: true, added: 0, updated: 1, unchanged: 1 });
    const team = await db.team.findUniqueOrThrow({ where: { code: "TCNS-W-2" } });
    expect(team).toMatchObject({ name: "Tổ công nghệ số Thôn Hai", foundedOn: new Date("2025-04-01") });
    expect(await db.auditLog.count({ where: { action: "teams.import" } })).toBe(3);
    // A known code at another unit is a move, which only a reorganisation makes.
    expect(await importTeams(official, bytes(`${HEADER}TCNS-W-2,W-3,Tổ CNS Thôn Hai,,\n`), { commit: false })).toMatchObject({ ok: false, errors: [{ line: 2, column: "unit_code", message: expect.stringMatching(/đơn vị khác/) }] });
  });

  it("runs from the command line as the system", () => {
    const first = runCli(`${HEADER}TCNS-V-1,V-1,Tổ CNS Thôn V1,,\n`);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("1 tổ mới");
    const bad = runCli(`${HEADER}TCNS-X,NOWHERE,Tổ,,\n`);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("dòng 2, cột unit_code");
  });
});

describe("a team for every group of a ward, once", () => {
  it("creates the missing ones only, and keeps one active team per unit when two writers race", async () => {
    const result = await createMissingTeams(official, "W");
    expect(result).toEqual({ ok: true, created: 2 });
    expect((await db.team.findMany({ where: { unit: { code: { in: ["W-3", "W-4"] } } }, select: { name: true } })).map((team) => team.name).sort()).toEqual([
      "Tổ công nghệ số cộng đồng Bản Ba",
      "Tổ công nghệ số cộng đồng Bản Bốn",
    ]);
    expect(await createMissingTeams(official, "W")).toEqual({ ok: true, created: 0 });
    // Two officials set up the same new group's team at the same moment: one team, one clear refusal.
    const group = (await db.adminUnit.create({ data: { code: "W-5", name: "Thôn Năm", level: "RESIDENTIAL_GROUP", kind: "Thôn", parentId: ids.W } })).id;
    const attempts = await Promise.allSettled([createTeam(official, "W-5", { name: "Tổ CNS Thôn Năm", foundedOn: "", foundingDecision: "" }), createTeam(official, "W-5", { name: "Tổ CNS Thôn 5", foundedOn: "", foundingDecision: "" })]);
    expect(await db.team.count({ where: { unitId: group, active: true } })).toBe(1);
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.filter((attempt) => attempt.status === "rejected");
    expect(refused).toHaveLength(1);
    for (const attempt of refused) expect((attempt as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
  });
});
