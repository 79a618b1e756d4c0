import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { createUnits } from "../setup/create-units";
import type { Actor } from "@/lib/auth/authorize";
import { importValues } from "@/lib/imports/import-values";
import { readFigures } from "@/lib/reports/save-period-report";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { seedDatabase } from "@/prisma/seed/seed";

const NOW = new Date("2026-11-20T03:00:00Z");
let official: Actor & { id: number };
let ids: Record<string, number>;

const csv = (...rows: string[]) => new TextEncoder().encode(["unit_code,period,element_code,value", ...rows].join("\n"));
const run = (bytes: Uint8Array, commit = true, actor: Actor = official) => importValues(actor, bytes, { commit, now: NOW });

async function xlsx(rows: (string | number | { formula: string })[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Số liệu");
  sheet.addRow(["unit_code", "period", "element_code", "value"]);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null],
    ["W", "WARD", "Phường", "P"],
    ["W-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["W-02", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["V", "WARD", "Xã", "P"],
    ["V-01", "RESIDENTIAL_GROUP", "Thôn", "V"],
  ]);
  const user = await db.user.create({ data: { username: "canbo.w", fullName: "Cán bộ W", role: "WARD_OFFICIAL", scopeUnitId: ids.W, passwordHash: "x" } });
  official = { id: user.id, username: user.username, role: "WARD_OFFICIAL", scopeUnitId: ids.W };
});

const GOOD = csv(
  "W-01,2026-10,PEOPLE,1400",
  "W-01,2026-10,ADULTS,1.030",
  "W-01,2026-10,ADULTS_DIGITAL_SIGNATURE,412",
  "W-02,2026-10,PEOPLE,900",
  "W,2026-10,DOSSIERS_TOTAL,320",
  "W,2026-10,DOSSIERS_ONLINE,171",
);

describe("importing figures", () => {
  it("previews without writing, then commits all rows, auditing each figure", async () => {
    const preview = await run(GOOD, false);
    expect(preview).toMatchObject({ ok: true, committed: false, rows: 6, changed: 6, reports: 3 });
    expect(await db.dataValue.count()).toBe(0);

    expect(await run(GOOD)).toMatchObject({ ok: true, committed: true, rows: 6, changed: 6 });
    expect(await readFigures(ids["W-01"], 202610)).toEqual({ PEOPLE: 1400, ADULTS: 1030, ADULTS_DIGITAL_SIGNATURE: 412 });
    expect(await readFigures(ids.W, 202610)).toEqual({ DOSSIERS_TOTAL: 320, DOSSIERS_ONLINE: 171 });
    expect(await db.auditLog.count({ where: { action: "values.import", actorName: "canbo.w" } })).toBe(6);
  });

  it("changes nothing when the same file is imported again", async () => {
    const versions = await db.periodReport.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } });
    expect(await run(GOOD)).toMatchObject({ ok: true, changed: 0, unchanged: 6 });
    expect(await db.periodReport.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } })).toEqual(versions);
    expect(await db.auditLog.count({ where: { action: "values.import" } })).toBe(6);
  });

  it("reads the same figures from an XLSX file", async () => {
    const file = await xlsx([["W-02", "2026-09", "PEOPLE", 880], ["W-02", "2026-09", "ADULTS", 640]]);
    expect(await run(file)).toMatchObject({ ok: true, committed: true, rows: 2, changed: 2 });
    expect(await readFigures(ids["W-02"], 202609)).toEqual({ PEOPLE: 880, ADULTS: 640 });
  });

  describe("refuses a file with any bad row, naming the line and the column, and writes nothing", () => {
    it.each([
      ["a negative number", "W-02,2026-08,PEOPLE,-5", "value", /không được là số âm/],
      ["a decimal", "W-02,2026-08,PEOPLE,12.5", "value", /số nguyên/],
      ["text", "W-02,2026-08,PEOPLE,nhiều", "value", /số nguyên không âm/],
      ["a 10-digit number", "W-02,2026-08,PEOPLE,1234567890", "value", /số quá lớn/],
      ["an empty value", "W-02,2026-08,PEOPLE,", "value", /Thiếu giá trị/],
      ["a unit outside the scope", "V-01,2026-08,PEOPLE,100", "unit_code", /ngoài phạm vi/],
      ["an unknown unit", "X-99,2026-08,PEOPLE,100", "unit_code", /Không có đơn vị mã "X-99"/],
      ["an unknown element", "W-02,2026-08,FAX_MACHINES,1", "element_code", /Không có chỉ tiêu mã "FAX_MACHINES"/],
      ["an element of another level", "W-02,2026-08,DOSSIERS_TOTAL,10", "element_code", /nhập ở cấp Phường\/xã, không ở cấp Tổ dân phố\/thôn/],
      ["a month in the future", "W-02,2027-01,PEOPLE,100", "period", /chưa đến/],
      ["a malformed month", "W-02,10/2026,PEOPLE,100", "period", /YYYY-MM/],
      ["a part larger than its whole (with the stored figure)", "W-01,2026-10,ADULTS_DIGITAL_SIGNATURE,1100", "value", /lớn hơn Người trưởng thành \(1\.030\)/],
    ])("%s", async (_label, badRow, column, message) => {
      const before = await db.dataValue.count();
      const result = await run(csv("W-02,2026-08,ADULTS,500", badRow));
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/chưa ghi số liệu nào/) });
      if (result.ok) return;
      expect(result.errors).toEqual([expect.objectContaining({ line: 3, column, message: expect.stringMatching(message) })]);
      expect(await db.dataValue.count()).toBe(before);
    });

    it("a bad row, told in English to a user who reads English, with the figures' English names", async () => {
      const result = await run(csv("W-01,2026-10,ADULTS_DIGITAL_SIGNATURE,1100", "W-02,2027-01,PEOPLE,100"), true, { ...official, locale: "en" });
      expect(result).toMatchObject({ ok: false, message: "2 errors; no figure was saved. Fix the file and upload it again." });
      if (result.ok) return;
      expect(result.errors.map((error) => error.message)).toEqual([
        expect.stringMatching(/^Adults with a personal digital signature \(1,100\) is larger than Adults \(1,030\)/),
        "The month 2027-01 has not come yet.",
      ]);
    });

    it("duplicate rows in one file", async () => {
      const result = await run(csv("W-02,2026-08,PEOPLE,500", "W-02,2026-08,PEOPLE,501"));
      expect(result).toMatchObject({ ok: false, errors: [expect.objectContaining({ line: 3, message: expect.stringMatching(/Trùng với dòng 2/) })] });
    });

    it("a spreadsheet with formulas", async () => {
      const result = await run(await xlsx([["W-02", "2026-08", "PEOPLE", { formula: "400+100" }]]));
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Dòng 2, cột value: ô chứa công thức/) });
    });

    it("an empty file, a foreign file and a file in another encoding", async () => {
      expect(await run(new Uint8Array())).toMatchObject({ ok: false, message: expect.stringMatching(/Tệp trống/) });
      expect(await run(csv())).toMatchObject({ ok: false, message: expect.stringMatching(/chỉ có dòng tiêu đề/) });
      expect(await run(new TextEncoder().encode("ma,ky,gia_tri\n1,2,3"))).toMatchObject({ ok: false, message: expect.stringMatching(/Thiếu cột: unit_code, period, element_code, value/) });
      expect(await run(new Uint8Array(Buffer.from("unit_code,period,element_code,value\nW-02,2026-08,PEOPLE,5\n# Ph\xfa", "latin1")))).toMatchObject({ ok: false, message: expect.stringMatching(/UTF-8/) });
      expect(await run(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ ok: false, message: expect.stringMatching(/Không đọc được tệp Excel/) });
    });

    it("a file over 5 MB", async () => {
      const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x31);
      expect(await run(big)).toMatchObject({ ok: false, message: expect.stringMatching(/Tệp quá lớn .* tối đa 5 MB/) });
    });
  });

  it("refuses to write into an approved month", async () => {
    await changeReportStatus(official, { unitCode: "W-01", period: "2026-10", step: "submit" });
    const steering = await db.user.create({ data: { username: "bcd.p", fullName: "BCĐ", role: "STEERING", scopeUnitId: ids.P, passwordHash: "x" } });
    await changeReportStatus({ id: steering.id, username: "bcd.p", role: "STEERING", scopeUnitId: ids.P }, { unitCode: "W-01", period: "2026-10", step: "approve" });
    const result = await run(csv("W-01,2026-10,PEOPLE,1401"));
    expect(result).toMatchObject({ ok: false, errors: [expect.objectContaining({ line: 2, message: expect.stringMatching(/đã được duyệt hoặc khóa/) })] });
    expect((await readFigures(ids["W-01"], 202610)).PEOPLE).toBe(1400);
  });

  it("raises the version of changed reports, so an open entry form sees a conflict", async () => {
    const before = await db.periodReport.findUniqueOrThrow({ where: { unitId_periodId: { unitId: ids["W-02"], periodId: 202610 } } });
    expect(await run(csv("W-02,2026-10,PEOPLE,905"))).toMatchObject({ ok: true, changed: 1 });
    const after = await db.periodReport.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.version).toBe(before.version + 1);
  });
});
