import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createUnits } from "../setup/create-units";
import type { Actor } from "@/lib/auth/authorize";
import { readFigures, savePeriodReport } from "@/lib/reports/save-period-report";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { seedDatabase } from "@/prisma/seed/seed";

let ward: Actor & { id: number };
let otherWard: Actor & { id: number };
let steering: Actor & { id: number };
let units: Record<string, number>;

const FULL = { PEOPLE: "1.400", ADULTS: "1.030", HOUSEHOLDS: "380", MERCHANTS: "20", ADULTS_DIGITAL_SIGNATURE: "412", ADULTS_VNEID_L2: "800", MERCHANTS_QR: "15" };

function save(actor: Actor, version: number, values: Record<string, string>, extra: { requestId?: string; reasons?: Record<string, string>; unitCode?: string; period?: string } = {}) {
  return savePeriodReport(actor, { unitCode: extra.unitCode ?? "W1-01", period: extra.period ?? "2026-10", version, requestId: extra.requestId ?? randomUUID(), values, reasons: extra.reasons ?? {} });
}

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  units = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null],
    ["D", "DISTRICT", "Huyện", "P"],
    ["W1", "WARD", "Xã", "D"],
    ["W1-01", "RESIDENTIAL_GROUP", "Thôn", "W1"],
    ["W2", "WARD", "Xã", "D"],
    ["W2-01", "RESIDENTIAL_GROUP", "Thôn", "W2"],
  ]);
  const user = async (username: string, role: "WARD_OFFICIAL" | "STEERING", scope: string) => {
    const created = await db.user.create({ data: { username, fullName: `Người ${username}`, role, scopeUnitId: units[scope], passwordHash: "x" } });
    return { id: created.id, username, role, scopeUnitId: created.scopeUnitId };
  };
  ward = await user("canbo.w1", "WARD_OFFICIAL", "W1");
  otherWard = await user("canbo.w1b", "WARD_OFFICIAL", "W1");
  steering = await user("bcd.d", "STEERING", "D");
});

describe("saving a month's figures", () => {
  it("stores the figures, audits each one, and moves the version on", async () => {
    const result = await save(ward, 0, FULL);
    expect(result).toEqual({ ok: true, version: 1, changed: 7, replayed: false });
    expect(await readFigures(units["W1-01"], 202610)).toMatchObject({ PEOPLE: 1400, ADULTS: 1030, ADULTS_DIGITAL_SIGNATURE: 412 });
    const audit = await db.auditLog.findMany({ where: { action: "values.save", entityId: "W1-01/2026-10/ADULTS" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: "canbo.w1", after: { value: 1030 } });
  });

  it("applies a save retried with the same id only once", async () => {
    const requestId = randomUUID();
    const first = await save(ward, 1, { ...FULL, HOUSEHOLDS: "381" }, { requestId });
    const retry = await save(ward, 1, { ...FULL, HOUSEHOLDS: "381" }, { requestId });
    expect(first).toEqual({ ok: true, version: 2, changed: 1, replayed: false });
    expect(retry).toEqual({ ok: true, version: 2, changed: 0, replayed: true });
    expect(await db.auditLog.count({ where: { action: "values.save", entityId: "W1-01/2026-10/HOUSEHOLDS" } })).toBe(2);
  });

  it("refuses a save made from an outdated version and shows the other person's values", async () => {
    // Two officials opened version 2; the first saves.
    expect(await save(otherWard, 2, { ...FULL, HOUSEHOLDS: "382", MERCHANTS: "21" })).toMatchObject({ ok: true, version: 3 });
    const late = await save(ward, 2, { ...FULL, HOUSEHOLDS: "390" });
    expect(late).toMatchObject({ ok: false, status: 409, conflict: { version: 3, updatedBy: "Người canbo.w1b", values: { HOUSEHOLDS: 382, MERCHANTS: 21 } } });
    expect((await readFigures(units["W1-01"], 202610)).HOUSEHOLDS).toBe(382);
    // After merging, the save goes through on the new version.
    expect(await save(ward, 3, { ...FULL, HOUSEHOLDS: "390", MERCHANTS: "21" })).toMatchObject({ ok: true, version: 4 });
  });

  it("lets exactly one of two simultaneous saves from the same version through", async () => {
    const results = await Promise.all([save(ward, 4, { ...FULL, MERCHANTS: "22" }), save(otherWard, 4, { ...FULL, MERCHANTS: "23" })]);
    expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
    const winner = results.find((result) => result.ok);
    expect(winner).toMatchObject({ version: 5 });
    expect([22, 23]).toContain((await readFigures(units["W1-01"], 202610)).MERCHANTS);
  });

  it.each([
    ["a part larger than its whole", { ADULTS_DIGITAL_SIGNATURE: "2000" }, "ADULTS_DIGITAL_SIGNATURE", /không được lớn hơn Người trưởng thành/],
    ["a negative number", { MERCHANTS: "-1" }, "MERCHANTS", /không được là số âm/],
    ["a decimal", { HOUSEHOLDS: "380,5" }, "HOUSEHOLDS", /số nguyên/],
    ["text", { PEOPLE: "khoảng 1400" }, "PEOPLE", /phải là số nguyên không âm/],
    ["a 10-digit number", { PEOPLE: "1400000000" }, "PEOPLE", /số quá lớn/],
  ])("refuses %s, naming the field, and writes nothing", async (_label, change, field, message) => {
    const before = await readFigures(units["W1-01"], 202610);
    const version = (await db.periodReport.findFirstOrThrow({ where: { unitId: units["W1-01"] } })).version;
    const result = await save(ward, version, { ...FULL, ...change });
    expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { [field]: [expect.stringMatching(message)] } });
    expect(await readFigures(units["W1-01"], 202610)).toEqual(before);
  });

  it("asks for a reason before accepting a change of more than half against last month", async () => {
    await save(ward, 0, FULL, { unitCode: "W1-01", period: "2026-09" });
    const report = await db.periodReport.findFirstOrThrow({ where: { unitId: units["W1-01"], periodId: 202610 } });
    const jump = { ...FULL, MERCHANTS: "22", ADULTS_DIGITAL_SIGNATURE: "900" };
    expect(await save(ward, report.version, jump)).toMatchObject({ ok: false, warnings: { ADULTS_DIGITAL_SIGNATURE: expect.stringMatching(/thay đổi 118%/) } });
    const reason = "Đợt cấp chữ ký số tập trung tại nhà văn hóa";
    expect(await save(ward, report.version, jump, { reasons: { ADULTS_DIGITAL_SIGNATURE: reason } })).toMatchObject({ ok: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: "W1-01/2026-10/ADULTS_DIGITAL_SIGNATURE" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ reason, before: { value: 412 }, after: { value: 900 } });
  });

  it.each([
    ["another ward's group", () => save(ward, 0, FULL, { unitCode: "W2-01" }), /không có quyền/],
    ["a steering committee entering raw figures", () => save(steering, 0, FULL, { unitCode: "W1-01" }), /không có quyền/],
    ["a month that has not come yet", () => save(ward, 0, FULL, { period: "2099-01" }), /tháng này chưa đến/],
    ["a malformed month", () => save(ward, 0, FULL, { period: "10/2026" }), /YYYY-MM/],
    ["an element of another level", () => save(ward, 0, { DOSSIERS_TOTAL: "5" }), /Chỉ tiêu không nhập ở cấp này: DOSSIERS_TOTAL/],
    ["a province, which enters nothing directly", () => save(steering, 0, FULL, { unitCode: "P" }), /không có quyền|không nhập số liệu trực tiếp/],
  ])("refuses %s", async (_label, attempt, message) => {
    await expect(attempt()).rejects.toThrow(message);
  });
});

describe("the report workflow", () => {
  // September had 412 signatures; 900 in October needs the reason given earlier.
  const JUMP_REASON = { ADULTS_DIGITAL_SIGNATURE: "Đợt cấp chữ ký số tập trung tại nhà văn hóa" };
  const step = (actor: Actor, name: "submit" | "approve" | "lock" | "reopen", reason?: string) =>
    changeReportStatus(actor, { unitCode: "W1-01", period: "2026-10", step: name, reason });

  it("goes draft → submitted → approved, and an approved month cannot be edited", async () => {
    await expect(step(steering, "submit")).rejects.toThrow(/không có quyền/);
    expect(await step(ward, "submit")).toMatchObject({ status: "SUBMITTED" });
    await expect(step(ward, "approve")).rejects.toThrow(/không có quyền/);
    expect(await step(steering, "approve")).toMatchObject({ status: "APPROVED" });
    const report = await db.periodReport.findFirstOrThrow({ where: { unitId: units["W1-01"], periodId: 202610 } });
    await expect(save(ward, report.version, { ...FULL, MERCHANTS: "30" })).rejects.toThrow(/đã được duyệt hoặc khóa/);
    expect(await step(steering, "lock")).toMatchObject({ status: "LOCKED" });
  });

  it("reopens only with a reason, which is kept", async () => {
    await expect(step(steering, "reopen", "")).rejects.toThrow(/Lý do mở lại/);
    expect(await step(steering, "reopen", "Số hộ kinh doanh chưa khớp với thuế phường")).toMatchObject({ status: "DRAFT" });
    const report = await db.periodReport.findFirstOrThrow({ where: { unitId: units["W1-01"], periodId: 202610 } });
    expect(report.reopenReason).toBe("Số hộ kinh doanh chưa khớp với thuế phường");
    expect(await save(ward, report.version, { ...FULL, MERCHANTS: "30", ADULTS_DIGITAL_SIGNATURE: "900" }, { reasons: JUMP_REASON })).toMatchObject({ ok: true });
  });

  it("sends an edited submitted report back to draft", async () => {
    await step(ward, "submit");
    const report = await db.periodReport.findFirstOrThrow({ where: { unitId: units["W1-01"], periodId: 202610 } });
    expect(await save(ward, report.version, { ...FULL, MERCHANTS: "29", ADULTS_DIGITAL_SIGNATURE: "900" }, { reasons: JUMP_REASON })).toMatchObject({ ok: true });
    expect((await db.periodReport.findFirstOrThrow({ where: { id: report.id } })).status).toBe("DRAFT");
  });
});
