/**
 * Many activities at once: the import (CSV, XLSX, the command line) and a
 * campaign day entered once by the ward or the district with a line per
 * team. Both check every line with the one-record form's rules and refuse the
 * whole batch by line and column, writing nothing; what they write becomes
 * figures like a record logged on a phone.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/authorize";
import { seedDatabase } from "@/prisma/seed/seed";
import { createUnits } from "../setup/create-units";
import { currentDatabaseUrl } from "../setup/database-per-file";
import { importActivities, ACTIVITY_COLUMNS } from "@/lib/imports/import-activities";
import { logCampaignDay, getCampaignTeams } from "@/lib/activities/campaign-day";
import { elementSumsOf } from "@/lib/dashboard/rollup-queries";
import { verifyRollups } from "@/lib/dashboard/verify-rollups";

const ROOT = path.resolve(__dirname, "../..");
const NOW = new Date("2026-08-28T10:00:00+07:00");
const HEADER = ACTIVITY_COLUMNS.join(",");
let ids: Record<string, number>;
let official: Actor;
let district: Actor;
let leader: Actor;
let admin: Actor;

const csv = (...rows: string[]) => Buffer.from(`${HEADER}\n${rows.join("\n")}\n`);
const activities = () => db.activity.count();
const helped = async (unit: string, period: number) =>
  (await db.dataValue.findFirst({ where: { unit: { code: unit }, periodId: period, element: { code: "RESIDENTS_HELPED" } }, select: { value: true } }))?.value ?? null;
const rolled = async (unit: string, code: string, period = 202608) => {
  const element = await db.dataElement.findUniqueOrThrow({ where: { code } });
  return (await elementSumsOf([ids[unit]], period, period)).get(element.id) ?? null;
};

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  ids = await createUnits([
    ["P", "PROVINCE", "Thành phố", null, "Hà Nội"],
    ["D", "DISTRICT", "Huyện", "P", "Thanh Oai"],
    ["W1", "WARD", "Xã", "D", "Cự Khê"],
    ["W1-01", "RESIDENTIAL_GROUP", "Thôn", "W1", "Thôn Mỹ"],
    ["W1-02", "RESIDENTIAL_GROUP", "Thôn", "W1", "Thôn Cự Đà"],
    ["W2", "WARD", "Xã", "D", "Bích Hòa"],
    ["W2-01", "RESIDENTIAL_GROUP", "Thôn", "W2", "Thôn 1"],
    ["Q", "PROVINCE", "Tỉnh", null, "Sơn La"],
    ["Q1", "WARD", "Xã", "Q", "Chiềng Xôm"],
  ]);
  const founded = new Date("2024-01-01T00:00:00Z");
  for (const [code, unit] of [["T-W1", "W1"], ["T-W1-01", "W1-01"], ["T-W1-02", "W1-02"], ["T-W2", "W2"], ["T-W2-01", "W2-01"], ["T-Q1", "Q1"]]) {
    await db.team.create({ data: { code, name: `Tổ ${unit}`, unitId: ids[unit], foundedOn: founded } });
  }
  const user = (username: string, role: Actor["role"], scope: string | null, teamCode?: string) =>
    db.user
      .create({ data: { username, fullName: username, role, scopeUnitId: scope ? ids[scope] : null, passwordHash: "x", teamId: undefined } })
      .then(async (created) => ({ id: created.id, username, role, scopeUnitId: created.scopeUnitId, teamId: teamCode ? (await db.team.findUniqueOrThrow({ where: { code: teamCode } })).id : null }));
  admin = await user("quantri", "ADMIN", null);
  official = await user("canbo.w1", "WARD_OFFICIAL", "W1");
  district = await user("bcd.d", "STEERING", "D");
  leader = await user("tt.w1-01", "TEAM_LEADER", "W1-01", "T-W1-01");
});

describe("the activities import", () => {
  it("previews, then writes every row at once as figures: labels and dd/mm/yyyy read, empty counts are 0", async () => {
    const file = csv(
      "T-W1-01,03/08/2026,Đến từng nhà,Xóm Giữa,5,2,,,,,,1,3,",
      'T-W1-01,2026-08-10,"Tập huấn, «cầm tay chỉ việc»",Nhà văn hóa thôn,0,0,4,0,0,0,0,0,0,30',
      "T-W1-02,27/08/2026,CAMPAIGN_DAY,Sân UBND xã,10,3,6,4,1,2,0,8,9,",
    );
    const preview = await importActivities(official, file, { commit: false, now: NOW });
    expect(preview).toMatchObject({ ok: true, committed: false, rows: 3, teams: 2, helped: 37 });
    expect(await activities()).toBe(0);
    const committed = await importActivities(official, file, { commit: true, now: NOW });
    expect(committed).toMatchObject({ ok: true, committed: true, rows: 3 });
    expect(await helped("W1-01", 202608)).toBe(11);
    expect(await helped("W1-02", 202608)).toBe(26);
    expect(await rolled("W1", "ACTIVITIES")).toBe(3);
    expect(await rolled("D", "HELPED_ONLINE_FILING")).toBe(10);
    expect(await rolled("W1", "TRAINING_ATTENDEES")).toBe(30);
    expect(await db.auditLog.count({ where: { action: "activities.import", actorName: "canbo.w1" } })).toBe(3);
  });

  it("refuses the whole file by line and column for each rule, writing nothing", async () => {
    const before = await activities();
    const result = await importActivities(
      official,
      csv(
        "T-W1-01,29/08/2026,HOME_VISITS,Kiệt 3,1,,,,,,,,,",
        "T-W1-01,2023-05-01,HOME_VISITS,Kiệt 3,1,,,,,,,,,",
        "T-W1-01,2026-08-02,VISITS,Kiệt 3,1,,,,,,,,,",
        "T-W1-01,2026-08-02,HOME_VISITS,Nhà bà Tư 0905 123 456,1,,,,,,,,,",
        "T-W1-01,2026-08-02,HOME_VISITS,Kiệt 3,10001,,,,,,,,,",
        "T-W1-01,2026-08-02,HOME_VISITS,Kiệt 3,-2,,,,,,,,,",
        "T-W1-01,2026-08-02,HOME_VISITS,Kiệt 3,1,,,,,,,,,12",
        "T-NONE,2026-08-02,HOME_VISITS,Kiệt 3,1,,,,,,,,,",
        "T-W1-02,2026-08-02,HOME_VISITS,Kiệt 3,1,,,,,,,,,",
      ),
      { commit: true, now: NOW },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.line, error.column])).toEqual([
      [2, "date"],
      [3, "date"],
      [4, "kind"],
      [5, "place"],
      [6, "helped_vneid"],
      [7, "helped_vneid"],
      [8, "attendees"],
      [9, "team_code"],
    ]);
    expect(result.errors[0].message).toMatch(/tương lai|sau hôm nay/);
    expect(result.errors[1].message).toContain("01/01/2024");
    expect(result.errors[3].message).toMatch(/số điện thoại/);
    expect(await activities()).toBe(before);
  });

  it("refuses a team leader's rows for another team with 403, and the ward's rows outside its scope", async () => {
    const before = await activities();
    const leaders = await importActivities(leader, csv("T-W1-02,2026-08-02,HOME_VISITS,Kiệt 3,1,,,,,,,,,"), { commit: true, now: NOW });
    expect(leaders).toMatchObject({ ok: false, status: 403, errors: [{ line: 2, column: "team_code" }] });
    const ward = await importActivities(official, csv("T-Q1,2026-08-02,HOME_VISITS,Bản Hài,1,,,,,,,,,"), { commit: true, now: NOW });
    expect(ward).toMatchObject({ ok: false, status: 403 });
    expect(await activities()).toBe(before);
    expect(await importActivities(leader, csv("T-W1-01,2026-08-04,HOME_VISITS,Kiệt 3,1,,,,,,,,,"), { commit: true, now: NOW })).toMatchObject({ ok: true, rows: 1 });
  });

  it("reads the same rows from an Excel workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Hoạt động");
    sheet.addRow([...ACTIVITY_COLUMNS]);
    sheet.addRow(["T-W2-01", new Date("2026-08-05T00:00:00Z"), "Trực ở bộ phận một cửa", "Bộ phận một cửa", 3, 0, 7, 0, 0, 0, 0, 5, 0, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await importActivities(admin, bytes, { commit: true, now: NOW })).toMatchObject({ ok: true, rows: 1, helped: 10 });
    expect(await helped("W2-01", 202608)).toBe(10);
  });

  it("runs from the command line, all or nothing, printing the errors by line", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-activities-"));
    const run = (content: string) => {
      const file = path.join(dir, `a-${Math.random()}.csv`);
      writeFileSync(file, content);
      return spawnSync(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", "lib/cli/import-activities.ts", file], { cwd: ROOT, env: { ...process.env, DATABASE_URL: currentDatabaseUrl() }, encoding: "utf8", timeout: 60_000 });
    };
    const bad = run(`${HEADER}\nT-W2,2026-08-06,HOME_VISITS,Kiệt 1,1,,,,,,,,,\nT-W2,2026-08-06,OTHER,0912345678,1,,,,,,,,,\n`);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/dòng 3, cột place/);
    const good = run(`${HEADER}\nT-W2,2026-08-06,HOME_VISITS,Kiệt 1,1,,,,,,,,,\n`);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/Đã ghi 1 hoạt động của 1 tổ/);
  });
});

describe("a campaign day entered once", () => {
  it("lists a district's commune-level teams and a ward's own teams", async () => {
    expect((await getCampaignTeams(district, "D")).teams.map((team) => team.code)).toEqual(["T-W2", "T-W1"]);
    expect((await getCampaignTeams(official, "W1")).teams.map((team) => team.code)).toEqual(["T-W1", "T-W1-02", "T-W1-01"]);
    await expect(getCampaignTeams(official, "D")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCampaignTeams(leader, "W1-01")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("writes a line per team that has a count, once per request, as CAMPAIGN_DAY records that roll up", async () => {
    const before = await rolled("D", "ACTIVITIES");
    const requestId = crypto.randomUUID();
    const input = { unitCode: "D", occurredOn: "2026-08-27", place: "Sân UBND huyện", requestId, lines: [{ teamCode: "T-W1", helpedVneid: "30", helpedOnlineFiling: "12", procedures: "31", appsInstalled: "50" }, { teamCode: "T-W2" }] };
    expect(await logCampaignDay(district, input, NOW)).toMatchObject({ ok: true, rows: 1, helped: 42, replayed: false });
    expect(await logCampaignDay(district, input, NOW)).toMatchObject({ ok: true, replayed: true });
    expect(await rolled("D", "ACTIVITIES")).toBe((before ?? 0) + 1);
    expect(await db.activity.count({ where: { kind: "CAMPAIGN_DAY", place: "Sân UBND huyện" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "activities.campaign", actorName: "bcd.d" } })).toBe(1);
  });

  it("refuses the whole day naming the field or the team's cell, writing nothing", async () => {
    const before = await activities();
    const day = (overrides: Record<string, unknown>) => logCampaignDay(official, { unitCode: "W1", occurredOn: "2026-08-20", place: "Nhà văn hóa", requestId: crypto.randomUUID(), lines: [{ teamCode: "T-W1-01", helpedVneid: "4" }], ...overrides } as never, NOW);
    expect(await day({ occurredOn: "2026-09-01" })).toMatchObject({ ok: false, fieldErrors: { occurredOn: [expect.any(String)] } });
    expect(await day({ place: "Gọi 0905123456" })).toMatchObject({ ok: false, fieldErrors: { place: [expect.stringMatching(/số điện thoại/)] } });
    expect(await day({ lines: [{ teamCode: "T-W1-01" }] })).toMatchObject({ ok: false, message: expect.stringMatching(/ít nhất một tổ/) });
    expect(await day({ lines: [{ teamCode: "T-W1-01", helpedVneid: "2" }, { teamCode: "T-W1-02", helpedSignature: "-1" }] })).toMatchObject({ ok: false, lineErrors: [{ line: 2, column: "helpedSignature" }] });
    expect(await day({ lines: [{ teamCode: "T-W2", helpedVneid: "2" }] })).toMatchObject({ ok: false, lineErrors: [{ line: 1, column: "teamCode" }] });
    // A group's month already approved: the day would change its residents helped, so none of it is written.
    await db.periodReport.create({ data: { unitId: ids["W1-02"], periodId: 202606, status: "APPROVED" } });
    await expect(day({ occurredOn: "2026-06-15", lines: [{ teamCode: "T-W1-01", helpedVneid: "2" }, { teamCode: "T-W1-02", helpedVneid: "2" }] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await activities()).toBe(before);
    expect(await helped("W1-01", 202606)).toBeNull();
    expect((await verifyRollups()).differences).toEqual([]);
  });
});
