/**
 * Reporting where the work happens: a team leader enters their own group's
 * month (with "same as last month" for the stocks), the ward reviews the whole
 * ward in one grid saved all or nothing, fills the ward's workbook in Excel,
 * reminds the groups still missing, and hands out the leaders' accounts.
 */
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/authorize";
import { createUnits } from "../setup/create-units";
import { seedDatabase } from "@/prisma/seed/seed";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { getEntryForm } from "@/lib/reports/get-entry-form";
import { getWardGrid, saveWardGrid } from "@/lib/reports/ward-grid";
import { getWardCompleteness } from "@/lib/reports/get-ward-completeness";
import { remindGroup } from "@/lib/reports/remind-group";
import { importValues } from "@/lib/imports/import-values";
import { wardWorkbook } from "@/lib/exports/ward-workbook";
import { createLeaderAccounts, listLeaderAccounts, resetLeaderPassword, setLeaderActive } from "@/lib/users/leader-accounts";
import { authenticate } from "@/lib/auth/authenticate";
import { verifyRollups } from "@/lib/dashboard/verify-rollups";

const MONTH = "2026-10";
const BEFORE = "2026-09";
const GROUPS = Array.from({ length: 12 }, (_, index) => `W-${String(index + 1).padStart(2, "0")}`);
const STOCK_CODES = ["ADULTS", "ADULTS_DIGITAL_SIGNATURE", "ADULTS_VNEID_L2", "ADULTS_SMARTPHONE", "ADULTS_CASHLESS", "ADULTS_ONLINE_PUBLIC_SERVICE", "ADULTS_BANK_ACCOUNT", "PEOPLE", "PEOPLE_EHEALTH", "HOUSEHOLDS", "HOUSEHOLDS_FIBRE", "MERCHANTS", "MERCHANTS_QR"];

let ids: Record<string, number>;
let official: Actor & { id: number };
let outsider: Actor & { id: number };
let leader: Actor & { id: number };

/** A plausible month of one group; `shift` moves every figure a little. */
function figures(shift = 0): Record<string, string> {
  const base: Record<string, number> = {
    PEOPLE: 1200, ADULTS: 900, ADULTS_DIGITAL_SIGNATURE: 300, ADULTS_VNEID_L2: 700, ADULTS_SMARTPHONE: 750, ADULTS_CASHLESS: 500, ADULTS_ONLINE_PUBLIC_SERVICE: 400,
    ADULTS_BANK_ACCOUNT: 600, PEOPLE_EHEALTH: 800, HOUSEHOLDS: 350, HOUSEHOLDS_FIBRE: 300, MERCHANTS: 40, MERCHANTS_QR: 30, RESIDENTS_HELPED: 25, TRAINING_SESSIONS: 2,
  };
  return Object.fromEntries(Object.entries(base).map(([code, value]) => [code, String(value + shift)]));
}

const version = async (code: string, period = MONTH) =>
  (await db.periodReport.findFirst({ where: { unit: { code }, periodId: Number(period.replace("-", "")) }, select: { version: true } }))?.version ?? 0;

const stored = async (code: string, period = MONTH) =>
  Object.fromEntries(
    (await db.dataValue.findMany({ where: { unit: { code }, periodId: Number(period.replace("-", "")) }, select: { value: true, element: { select: { code: true } } } })).map((row) => [row.element.code, row.value]),
  );

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null, "Tỉnh P"],
    ["W", "WARD", "Phường", "P", "Phường W"],
    ...GROUPS.map((code, index) => [code, "RESIDENTIAL_GROUP", "Tổ dân phố", "W", `Tổ dân phố ${index + 1}`] as [string, "RESIDENTIAL_GROUP", string, string, string]),
    ["V", "WARD", "Xã", "P", "Xã V"],
    ["V-01", "RESIDENTIAL_GROUP", "Thôn", "V", "Thôn Một"],
  ]);
  const team = await db.team.create({ data: { code: "T-W-01", name: "Tổ CNS 1", unitId: ids["W-01"] } });
  await db.teamMember.create({ data: { teamId: team.id, fullName: "Phạm Văn Dũng", role: "LEADER", phone: "0905123456" } });
  const account = async (username: string, role: "WARD_OFFICIAL" | "TEAM_LEADER", scope: string, teamId: number | null = null) => {
    const created = await db.user.create({ data: { username, fullName: `Người ${username}`, role, scopeUnitId: ids[scope], teamId, passwordHash: "x" } });
    return { id: created.id, username, role, scopeUnitId: created.scopeUnitId, teamId };
  };
  official = await account("canbo.w", "WARD_OFFICIAL", "W");
  outsider = await account("canbo.v", "WARD_OFFICIAL", "V");
  leader = await account("totruong.w01", "TEAM_LEADER", "W-01", team.id);
  // Last month, entered by the ward for every group.
  for (const code of GROUPS) {
    const saved = await savePeriodReport(official, { unitCode: code, period: BEFORE, version: 0, requestId: randomUUID(), values: figures(), reasons: {} });
    expect(saved).toMatchObject({ ok: true });
  }
});

describe("a team leader reports their own group", () => {
  it("confirms the stocks as unchanged, types the flows, and the ward sees who did it", async () => {
    const form = await getEntryForm(leader, "W-01", MONTH);
    expect(form.canSubmit).toBe(false);
    const values = { ...Object.fromEntries(STOCK_CODES.map((code) => [code, figures()[code]])), RESIDENTS_HELPED: "31", TRAINING_SESSIONS: "1" };
    const saved = await savePeriodReport(leader, { unitCode: "W-01", period: MONTH, version: form.report.version, requestId: randomUUID(), values, reasons: {}, confirmed: STOCK_CODES });
    expect(saved).toMatchObject({ ok: true, changed: 15 });
    const rows = await db.dataValue.findMany({ where: { unitId: ids["W-01"], periodId: 202610 }, select: { confirmed: true, updatedById: true, element: { select: { code: true } } } });
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      expect(row.updatedById).toBe(leader.id);
      expect(row.confirmed).toBe(STOCK_CODES.includes(row.element.code));
    }
    const audit = await db.auditLog.groupBy({ by: ["action"], where: { entityId: { startsWith: `W-01/${MONTH}/` } }, _count: true });
    expect(Object.fromEntries(audit.map((entry) => [entry.action, entry._count]))).toEqual({ "values.confirm": 13, "values.save": 2 });

    // The ward's view: who entered each figure, and the completeness row names the leader.
    const wardForm = await getEntryForm(official, "W-01", MONTH);
    expect(wardForm.authors.ADULTS).toMatchObject({ confirmed: true, name: "Người totruong.w01", role: "TEAM_LEADER" });
    expect(wardForm.authors.RESIDENTS_HELPED).toMatchObject({ confirmed: false, name: "Người totruong.w01" });
    const completeness = await getWardCompleteness(official, "W", MONTH);
    expect(completeness.rows.find((row) => row.code === "W-01")?.updatedBy).toEqual({ fullName: "Người totruong.w01", role: "TEAM_LEADER" });

    // The ward corrects a figure; the leader sees the correction and who made it.
    const corrected = await savePeriodReport(official, { unitCode: "W-01", period: MONTH, version: wardForm.report.version, requestId: randomUUID(), values: { RESIDENTS_HELPED: "29" }, reasons: {} });
    expect(corrected).toMatchObject({ ok: true, changed: 1 });
    const seen = await getEntryForm(leader, "W-01", MONTH);
    expect(seen.authors.RESIDENTS_HELPED).toMatchObject({ name: "Người canbo.w", confirmed: false });
    expect(seen.history.RESIDENTS_HELPED[0]).toMatchObject({ actor: "canbo.w", before: 31, after: 29 });
  });

  it("never confirms a flow, a field without last month, or a figure that differs from it", async () => {
    const base = { unitCode: "W-02", period: MONTH, version: await version("W-02"), reasons: {} };
    const flow = await savePeriodReport(official, { ...base, requestId: randomUUID(), values: { RESIDENTS_HELPED: "25" }, confirmed: ["RESIDENTS_HELPED"] });
    expect(flow).toMatchObject({ ok: false, status: 400, fieldErrors: { RESIDENTS_HELPED: [expect.stringMatching(/phát sinh trong tháng/)] } });
    const differs = await savePeriodReport(official, { ...base, requestId: randomUUID(), values: { ...figures(), PEOPLE: "1201" }, confirmed: ["PEOPLE"] });
    expect(differs).toMatchObject({ ok: false, fieldErrors: { PEOPLE: [expect.stringMatching(/khác số tháng trước \(1\.200\)/)] } });
    // August: July has no figures to confirm.
    const nothingBefore = await savePeriodReport(official, { unitCode: "W-02", period: "2026-08", version: 0, reasons: {}, requestId: randomUUID(), values: { PEOPLE: "10" }, confirmed: ["PEOPLE"] });
    expect(nothingBefore).toMatchObject({ ok: false, fieldErrors: { PEOPLE: [expect.stringMatching(/chưa có số để xác nhận/)] } });
    expect(await stored("W-02")).toEqual({});
  });

  it("may not touch another group, the ward's own figures, or an approved month", async () => {
    const input = (unitCode: string) => ({ unitCode, period: MONTH, version: 0, requestId: randomUUID(), values: { PEOPLE: "100" }, reasons: {} });
    await expect(savePeriodReport(leader, input("W-02"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(savePeriodReport(leader, { ...input("W"), values: { DOSSIERS_TOTAL: "10" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getEntryForm(leader, "W-02", MONTH)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeReportStatus(leader, { unitCode: "W-01", period: MONTH, step: "submit" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveWardGrid(leader, { wardCode: "W", period: MONTH, rows: [{ unitCode: "W-01", version: 0, requestId: randomUUID(), values: {} }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Approved above: the leader's later save is refused and nothing changes.
    await changeReportStatus(official, { unitCode: "W-01", period: BEFORE, step: "submit" });
    await changeReportStatus({ id: null, username: "system", role: "ADMIN", scopeUnitId: null }, { unitCode: "W-01", period: BEFORE, step: "approve" });
    await expect(savePeriodReport(leader, { ...input("W-01"), period: BEFORE, version: await version("W-01", BEFORE) })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await stored("W-01", BEFORE)).PEOPLE).toBe(1200);
  });
});

describe("the ward's grid", () => {
  it("saves ten groups × fifteen figures in one transaction, each group with its own version", async () => {
    const grid = await getWardGrid(official, "W", MONTH);
    expect(grid.rows.map((row) => row.code)).toEqual(["W", ...GROUPS]);
    expect(grid.columns.filter((column) => column.level === "RESIDENTIAL_GROUP")).toHaveLength(15);
    const targets = GROUPS.slice(2, 12);
    const versions = Object.fromEntries(await Promise.all(targets.map(async (code) => [code, await version(code)])));
    // Spreadsheet spellings: thousands with a comma or a dot, a non-breaking space.
    const rows = targets.map((code, index) => ({
      unitCode: code,
      version: versions[code],
      requestId: randomUUID(),
      values: { ...figures(index), PEOPLE: index % 2 ? "1,2" + String(index).padStart(2, "0") : `1\u00a02${String(index).padStart(2, "0")}` },
    }));
    const result = await saveWardGrid(official, { wardCode: "W", period: MONTH, rows });
    expect(result).toMatchObject({ ok: true, rows: 10, changed: 150 });
    for (const [index, code] of targets.entries()) {
      expect(await stored(code)).toMatchObject({ PEOPLE: 1200 + index, ADULTS: 900 + index, TRAINING_SESSIONS: 2 + index });
      expect(await version(code)).toBe(versions[code] + 1);
    }
    expect(await verifyRollups()).toMatchObject({ differences: [] });
    // A retry of the same save (its answer was lost) is recognised and applies nothing twice.
    const retried = await saveWardGrid(official, { wardCode: "W", period: MONTH, rows });
    expect(retried).toMatchObject({ ok: true, changed: 0 });
  });

  it("writes nothing when one group was saved by someone else in between, and returns that group's figures", async () => {
    const read = await getWardGrid(official, "W", MONTH);
    const versionOf = (code: string) => read.rows.find((row) => row.code === code)!.version;
    // The team leader saves W-01 from a phone after the official opened the grid.
    const phone = await savePeriodReport(leader, { unitCode: "W-01", period: MONTH, version: versionOf("W-01"), requestId: randomUUID(), values: { TRAINING_SESSIONS: "3" }, reasons: {} });
    expect(phone).toMatchObject({ ok: true });
    const before = await db.dataValue.findMany({ orderBy: { id: "asc" }, select: { id: true, value: true, version: true } });
    const result = await saveWardGrid(official, {
      wardCode: "W",
      period: MONTH,
      rows: ["W-03", "W-01", "W-04"].map((code) => ({ unitCode: code, version: versionOf(code), requestId: randomUUID(), values: { ...figures(7), TRAINING_SESSIONS: "5" } })),
    });
    expect(result).toMatchObject({ ok: false, status: 409, conflicts: { "W-01": { values: expect.objectContaining({ TRAINING_SESSIONS: 3 }), updatedBy: "Người totruong.w01" } } });
    expect(result.ok === false && "conflicts" in result && Object.keys(result.conflicts)).toEqual(["W-01"]);
    expect(await db.dataValue.findMany({ orderBy: { id: "asc" }, select: { id: true, value: true, version: true } })).toEqual(before);
  });

  it("keeps a leader's confirmations of the figures it did not change, and refuses an approved group by name", async () => {
    const grid = await getWardGrid(official, "W", MONTH);
    const row = grid.rows.find((candidate) => candidate.code === "W-01")!;
    expect(grid.authors[row.authors.ADULTS]).toMatchObject({ confirmed: true });
    const values = { ...Object.fromEntries(Object.entries(row.values).map(([code, value]) => [code, String(value)])), ADULTS: String(row.values.ADULTS + 1) };
    const saved = await saveWardGrid(official, { wardCode: "W", period: MONTH, rows: [{ unitCode: "W-01", version: row.version, requestId: randomUUID(), values, reasons: {} }] });
    expect(saved).toMatchObject({ ok: true, changed: 1 });
    const flags = Object.fromEntries((await db.dataValue.findMany({ where: { unitId: ids["W-01"], periodId: 202610 }, select: { confirmed: true, element: { select: { code: true } } } })).map((value) => [value.element.code, value.confirmed]));
    expect(flags).toMatchObject({ ADULTS: false, PEOPLE: true, HOUSEHOLDS: true, RESIDENTS_HELPED: false });
    // The figures import's change of a confirmed figure makes it a typed one too.
    const file = new TextEncoder().encode(`unit_code,period,element_code,value\nW-01,${MONTH},PEOPLE,1210\n`);
    expect(await importValues(official, file, { commit: true })).toMatchObject({ ok: true, changed: 1 });
    expect((await db.dataValue.findFirstOrThrow({ where: { unitId: ids["W-01"], periodId: 202610, element: { code: "PEOPLE" } } })).confirmed).toBe(false);

    // Approved since the grid was opened: the whole save is refused, naming the group.
    const fresh = await getWardGrid(official, "W", MONTH);
    const twelve = fresh.rows.find((candidate) => candidate.code === "W-12")!;
    await changeReportStatus(official, { unitCode: "W-12", period: MONTH, step: "submit" });
    await changeReportStatus({ id: null, username: "system", role: "ADMIN", scopeUnitId: null }, { unitCode: "W-12", period: MONTH, step: "approve" });
    const before = await db.dataValue.findMany({ orderBy: { id: "asc" }, select: { id: true, value: true } });
    const rows = ["W-11", "W-12"].map((code) => ({ unitCode: code, version: fresh.rows.find((candidate) => candidate.code === code)!.version, requestId: randomUUID(), values: { ...figures(5) } }));
    expect(twelve.status).toBe("DRAFT");
    await expect(saveWardGrid(official, { wardCode: "W", period: MONTH, rows })).rejects.toThrow(/Tháng của Tổ dân phố 12 đã được duyệt/);
    expect(await db.dataValue.findMany({ orderBy: { id: "asc" }, select: { id: true, value: true } })).toEqual(before);
  });

  it("names the group and the column of every bad cell, and writes nothing", async () => {
    const before = await db.dataValue.count();
    const row = (code: string, values: Record<string, string>) => ({ unitCode: code, version: 0, requestId: randomUUID(), values });
    const result = await saveWardGrid(official, {
      wardCode: "W",
      period: MONTH,
      rows: [row("W-02", { ...figures(), PEOPLE: "abc", ADULTS: "-5", HOUSEHOLDS: "=SUM(A1:A3)", MERCHANTS: "1.234,5" }), row("W", { DOSSIERS_TOTAL: "10", DOSSIERS_ONLINE: "12" })],
    });
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      cellErrors: {
        "W-02": { PEOPLE: expect.stringMatching(/^Dân số: /), ADULTS: expect.stringMatching(/âm/), HOUSEHOLDS: expect.any(String), MERCHANTS: expect.any(String) },
        W: { DOSSIERS_ONLINE: expect.stringMatching(/không được lớn hơn/) },
      },
    });
    await expect(saveWardGrid(official, { wardCode: "W", period: MONTH, rows: [row("V-01", figures())] })).rejects.toThrow(/V-01 không thuộc phường này/);
    await expect(saveWardGrid(official, { wardCode: "W", period: MONTH, rows: [row("W", figures())] })).resolves.toMatchObject({ ok: false, cellErrors: { W: expect.objectContaining({ PEOPLE: expect.any(String) }) } });
    await expect(saveWardGrid(outsider, { wardCode: "W", period: MONTH, rows: [row("W-02", figures())] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.dataValue.count()).toBe(before);
  });
});

describe("the ward's workbook", () => {
  async function workbookBytes(period = MONTH) {
    const file = await wardWorkbook(official, "W", period);
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(Buffer.from(chunk));
    return new Uint8Array(Buffer.concat(chunks));
  }

  it("goes out with the month's figures and comes back changing only what was changed", async () => {
    const bytes = await workbookBytes();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(["unit_code", "period", "unit_name"]);
    const row = (code: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((candidate) => candidate.getCell(1).value === code)!;
    expect(row("W-05").getCell(header.indexOf("ADULTS") + 1).value).toBe(902);
    expect(book.worksheets[1].getRow(2).getCell(2).value).toBe(BEFORE);

    const untouched = await importValues(official, bytes, { commit: true, expect: { wardCode: "W", period: MONTH } });
    expect(untouched).toMatchObject({ ok: true, changed: 0 });

    row("W-05").getCell(header.indexOf("ADULTS") + 1).value = 905;
    row("W-02").getCell(header.indexOf("PEOPLE") + 1).value = 1300;
    const edited = new Uint8Array(await book.xlsx.writeBuffer());
    const checked = await importValues(official, edited, { commit: false, expect: { wardCode: "W", period: MONTH } });
    expect(checked).toMatchObject({ ok: true, committed: false, changed: 2 });
    const written = await importValues(official, edited, { commit: true, expect: { wardCode: "W", period: MONTH } });
    expect(written).toMatchObject({ ok: true, committed: true, changed: 2 });
    expect((await stored("W-05")).ADULTS).toBe(905);
    expect((await stored("W-02")).PEOPLE).toBe(1300);
  });

  it("refuses another month's workbook on this month's page, by row", async () => {
    const last = await workbookBytes(BEFORE);
    const result = await importValues(official, last, { commit: true, expect: { wardCode: "W", period: MONTH } });
    // One message per line of the workbook (the ward's own row had no figures in September), nothing written.
    expect(result).toMatchObject({ ok: false, errors: GROUPS.map((code, index) => ({ line: index + 3, column: "period", message: expect.stringMatching(new RegExp(`${code}, tháng ${BEFORE}.*chọn nhầm tệp`)) })) });
  });

  it("names the element's column for a bad figure in the wide layout", async () => {
    const csv = new TextEncoder().encode("unit_code,period,unit_name,PEOPLE,ADULTS\nW-06,2026-10,Tổ 6,1200,1300\nW-07,2026-10,Tổ 7,12a,\n");
    const result = await importValues(official, csv, { commit: false });
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2, column: "ADULTS" }, { line: 3, column: "PEOPLE" }] });
  });
});

describe("reminders and the leaders' accounts", () => {
  it("records who reminded which group, so a colleague sees it", async () => {
    await remindGroup(official, { unitCode: "W-09", period: "2026-11", channel: "sms" });
    const view = await getWardCompleteness(official, "W", "2026-11");
    expect(view.notReported.find((row) => row.code === "W-09")?.reminded).toMatchObject({ by: "Người canbo.w", channel: "sms" });
    await expect(remindGroup(outsider, { unitCode: "W-09", period: "2026-11", channel: "sms" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(remindGroup(official, { unitCode: "W-09", period: "2026-11", channel: "pigeon" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("creates an account for every team without one, with one-time passwords that sign in once", async () => {
    for (const code of GROUPS.slice(1, 4)) {
      const team = await db.team.create({ data: { code: `T-${code}`, name: `Tổ CNS ${code}`, unitId: ids[code] } });
      await db.teamMember.create({ data: { teamId: team.id, fullName: `Tổ trưởng ${code}`, role: "LEADER" } });
    }
    const listing = await listLeaderAccounts(official, "W");
    expect(listing.withoutAccount).toBe(3);
    const created = await createLeaderAccounts(official, "W", "missing");
    expect(created.sheet.map((row) => [row.fullName, row.username])).toEqual([
      ["Tổ trưởng W-02", "tt.w-02"],
      ["Tổ trưởng W-03", "tt.w-03"],
      ["Tổ trưởng W-04", "tt.w-04"],
    ]);
    const first = created.sheet[0];
    const signedIn = await authenticate(first.username, first.password, "127.0.0.1");
    expect(signedIn).toMatchObject({ name: "Tổ trưởng W-02" });
    expect(await db.user.findUniqueOrThrow({ where: { username: "tt.w-02" } })).toMatchObject({ role: "TEAM_LEADER", mustChangePassword: true, scopeUnitId: ids["W-02"] });
    await expect(createLeaderAccounts(official, "W", "missing")).rejects.toThrow(/đều đã có tài khoản/);
    await expect(createLeaderAccounts(outsider, "W", "missing")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const account = await db.user.findUniqueOrThrow({ where: { username: "tt.w-03" } });
    const reset = await resetLeaderPassword(official, account.id);
    expect(reset.sheet[0].password).not.toBe(created.sheet[1].password);
    await expect(authenticate("tt.w-03", created.sheet[1].password, "127.0.0.1")).resolves.toBeNull();
    await setLeaderActive(official, account.id, false);
    await expect(authenticate("tt.w-03", reset.sheet[0].password, "127.0.0.1")).resolves.toBeNull();
    await expect(resetLeaderPassword(outsider, account.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resetLeaderPassword(official, official.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { action: "users.create", actorName: "canbo.w" } })).toBe(3);
  });
});
