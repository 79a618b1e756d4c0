/**
 * The freshness promise, one write path at a time: whatever a user saves shows at every level on the
 * next load. The app keeps no figures or rendered parts between requests (README, "Scaling"): every
 * dashboard reads the roll-up tables, which each writer updates in its own transaction. These tests
 * pin that down, so that a cache added later must invalidate on every path or fail here: each path
 * writes through its use case, then the ward's, the district's and the province's dashboards (read
 * as a page would, in the same process) must show the change. A restore replaces the database under
 * the app: tests/db/backup-restore.test.ts reads the restored dashboards.
 */
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { createUnits } from "../setup/create-units";
import type { Actor } from "@/lib/auth/authorize";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { getActivityPanel } from "@/lib/activities/get-activity-panel";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import { getWardGrid, saveWardGrid } from "@/lib/reports/ward-grid";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { importValues } from "@/lib/imports/import-values";
import { setTarget } from "@/lib/targets/set-target";
import { reorganise } from "@/lib/reorganisation/run-reorganisation";
import { logActivity } from "@/lib/activities/log-activity";

const NOW = new Date("2026-11-20T03:00:00Z");
const PERIOD = "2026-10";
const RATE = "DIGITAL_SIGNATURE_RATE";
const LEVELS = ["W", "D", "P"] as const;
let admin: Actor & { id: number };

async function dashboardOf(code: string) {
  const dashboard = await getDashboard(admin, code, { period: PERIOD, indicator: RATE }, NOW);
  if (!dashboard.ok) throw new Error(dashboard.error.message);
  return dashboard;
}
const cardAt = async (code: string) => (await dashboardOf(code)).cards.find((card) => card.code === RATE)!;
/** The rate, its numerator and denominator at the ward, the district and the province. */
const ratesEverywhere = async () => Promise.all(LEVELS.map(async (code) => ({ code, ...pick(await cardAt(code)) })));
const pick = (card: { value: number | null; numerator: number; denominator: number }) => ({ value: card.value, numerator: card.numerator, denominator: card.denominator });
const expectEverywhere = async (numerator: number, denominator: number) =>
  expect(await ratesEverywhere()).toEqual(LEVELS.map((code) => ({ code, value: numerator / denominator, numerator, denominator })));

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  await createUnits([
    ["P", "PROVINCE", "Tỉnh", null],
    ["D", "DISTRICT", "Huyện", "P"],
    ["W", "WARD", "Xã", "D"],
    ["W-01", "RESIDENTIAL_GROUP", "Thôn", "W"],
    ["W-02", "RESIDENTIAL_GROUP", "Thôn", "W"],
    ["W-03", "RESIDENTIAL_GROUP", "Thôn", "W"],
  ]);
  const user = await db.user.create({ data: { username: "admin.test", fullName: "Quản trị", role: "ADMIN", passwordHash: "x" } });
  admin = { id: user.id, username: user.username, role: "ADMIN", scopeUnitId: null };
  await db.team.create({ data: { code: "T-03", name: "Tổ công nghệ số thôn 3", unitId: (await db.adminUnit.findUniqueOrThrow({ where: { code: "W-03" } })).id, foundedOn: new Date("2025-01-01T00:00:00Z") } });
});

describe("a change shows at every level on the next load", () => {
  it("after a save of the entry form", async () => {
    expect((await cardAt("P")).value).toBeNull();
    const saved = await savePeriodReport(admin, { unitCode: "W-01", period: PERIOD, version: 0, requestId: randomUUID(), values: { PEOPLE: "130", ADULTS: "100", ADULTS_DIGITAL_SIGNATURE: "40" }, reasons: {} });
    expect(saved).toMatchObject({ ok: true });
    await expectEverywhere(40, 100);
  });

  it("after a save of the ward grid", async () => {
    const grid = await getWardGrid(admin, "W", PERIOD);
    const row = grid.rows.find((candidate) => candidate.code === "W-02")!;
    const saved = await saveWardGrid(admin, { wardCode: "W", period: PERIOD, rows: [{ unitCode: "W-02", version: row.version, requestId: randomUUID(), values: { PEOPLE: "130", ADULTS: "100", ADULTS_DIGITAL_SIGNATURE: "60" }, reasons: {} }] });
    expect(saved).toMatchObject({ ok: true });
    await expectEverywhere(100, 200);
  });

  it("after a figures import", async () => {
    const file = new TextEncoder().encode(["unit_code,period,element_code,value", `W-03,${PERIOD},PEOPLE,70`, `W-03,${PERIOD},ADULTS,50`, `W-03,${PERIOD},ADULTS_DIGITAL_SIGNATURE,0`].join("\n"));
    expect(await importValues(admin, file, { commit: true, now: NOW })).toMatchObject({ ok: true });
    // A reported 0 is a figure: the denominator grows, the numerator does not.
    await expectEverywhere(100, 250);
  });

  it("after an approval", async () => {
    const approvedAt = async () => Promise.all(LEVELS.map(async (code) => (await dashboardOf(code)).completeness.unitsApproved));
    expect(await approvedAt()).toEqual([0, 0, 0]);
    expect(await changeReportStatus(admin, { unitCode: "W-01", period: PERIOD, step: "submit" })).toMatchObject({ ok: true });
    expect(await changeReportStatus(admin, { unitCode: "W-01", period: PERIOD, step: "approve" })).toMatchObject({ ok: true });
    expect(await approvedAt()).toEqual([1, 1, 1]);
  });

  it("after a target is set", async () => {
    expect(await setTarget(admin, "D", { indicatorCode: RATE, percent: "30", fromPeriod: "2026-01", toPeriod: "", reason: "Lộ trình của huyện", source: "Kế hoạch 1/KH" })).toMatchObject({ ok: true });
    expect((await cardAt("W")).target).toMatchObject({ value: 0.3, unitCode: "D" });
    expect((await cardAt("D")).target).toMatchObject({ value: 0.3, unitCode: "D" });
  });

  it("after a team's activity is logged", async () => {
    const activitiesAt = async () => Promise.all(LEVELS.map(async (code) => (await getActivityPanel(admin, code, { period: PERIOD }, NOW)).totals.ACTIVITIES));
    expect(await activitiesAt()).toEqual([null, null, null]);
    expect(await logActivity(admin, "T-03", { occurredOn: `${PERIOD}-12`, kind: "HOME_VISITS", place: "Nhà văn hoá thôn", memberIds: [], helpedVneid: "3" }, { now: NOW })).toMatchObject({ ok: true });
    expect(await activitiesAt()).toEqual([1, 1, 1]);
    // The dashboard's own panel reads the same.
    expect((await dashboardOf("D")).activities.totals.ACTIVITIES).toBe(1);
  });

  it("after a reorganisation", async () => {
    const merged = await reorganise(
      admin,
      { kind: "MERGE", effectiveOn: "2026-11-01", reason: "Sáp nhập thôn theo nghị quyết", decisionRef: "5/NQ-HĐND", sourceCodes: ["W-01", "W-02"], into: { newCode: "W-12", newName: "Thôn Mới", newKind: "Thôn" } },
      { commit: true },
      NOW,
    );
    expect(merged).toMatchObject({ ok: true, committed: true });
    const ward = await getDashboard(admin, "W", { period: "2026-11", indicator: RATE }, NOW);
    if (!ward.ok) throw new Error(ward.error.message);
    expect(ward.children.map((child) => child.code).sort()).toEqual(["W-03", "W-12"]);
    // On today's map the merged group carries its sources' October.
    const october = await dashboardOf("W");
    expect(october.children.map((child) => [child.code, pick(child.figures.find((figure) => figure.code === RATE)!)]).sort()).toEqual([
      ["W-03", { value: 0, numerator: 0, denominator: 50 }],
      ["W-12", { value: 0.5, numerator: 100, denominator: 200 }],
    ]);
    await expectEverywhere(100, 250);
  });
});
