/**
 * The figures a committee reads must be right at every level. Random trees
 * (districts and wards directly under a province, wards without groups,
 * groups without data) receive figures through every write path; then every
 * unit's dashboard is compared with an independent computation: a recursive
 * walk of parent_id summing raw values at read time, with no roll-up table and
 * no closure table involved.
 */
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { SeededRandom } from "@/prisma/seed/random";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import { importValues } from "@/lib/imports/import-values";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { periodCode } from "@/lib/periods";
import { createUnits, type UnitSpec } from "../setup/create-units";
import { issueApiToken } from "@/lib/api/api-tokens";
import { GET as unitIndicatorsRoute } from "@/app/api/v1/units/[code]/indicators/route";
import { GET as childrenIndicatorsRoute } from "@/app/api/v1/units/[code]/children/indicators/route";

const NOW = new Date("2026-11-20T03:00:00Z");
const MONTHS = [202601, 202602, 202603, 202604, 202605, 202606];
const nationalAdmin = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };

let ids: Record<string, number>;
let elements: { id: number; code: string; aggregation: string; collectionLevel: string }[];
let indicators: { code: string; numeratorElementId: number; denominatorElementId: number }[];
let apiToken: string;

/** Two provinces: one with districts (three tiers), one with wards straight under it (two tiers, since 2025). */
function randomTree(random: SeededRandom): UnitSpec[] {
  const specs: UnitSpec[] = [["PA", "PROVINCE", "Tỉnh", null], ["PB", "PROVINCE", "Tỉnh", null]];
  const wards: [string, string][] = [];
  for (let d = 1; d <= 2; d += 1) {
    specs.push([`PA-D${d}`, "DISTRICT", "Huyện", "PA"]);
    for (let w = 1; w <= random.int(1, 3); w += 1) wards.push([`PA-D${d}-W${w}`, `PA-D${d}`]);
  }
  for (let w = 1; w <= random.int(2, 3); w += 1) wards.push([`PB-W${w}`, "PB"]);
  for (const [ward, parent] of wards) {
    specs.push([ward, "WARD", "Xã", parent]);
    // Some wards have no residential groups at all.
    for (let g = 1; g <= random.int(0, 4); g += 1) specs.push([`${ward}-G${g}`, "RESIDENTIAL_GROUP", "Thôn", ward]);
  }
  return specs;
}

/** Independent computation: recursive walk of parent_id at read time; stock = last month, flow = sum. */
async function naiveSums(unitCode: string | null, from: number, to: number): Promise<Map<number, number>> {
  const rows = await db.$queryRawUnsafe<{ element_id: number; value: bigint | null }[]>(
    `WITH RECURSIVE below AS (
       SELECT id FROM admin_unit WHERE ${unitCode === null ? "parent_id IS NULL" : "code = $3"}
       UNION ALL SELECT u.id FROM admin_unit u JOIN below b ON u.parent_id = b.id
     )
     SELECT v.element_id,
            sum(v.value) FILTER (WHERE (e.aggregation = 'STOCK' AND v.period_id = $2) OR (e.aggregation = 'FLOW' AND v.period_id BETWEEN $1 AND $2)) AS value
     FROM data_value v JOIN below b ON b.id = v.unit_id JOIN data_element e ON e.id = v.element_id
     GROUP BY v.element_id`,
    from,
    to,
    ...(unitCode === null ? [] : [unitCode]),
  );
  return new Map(rows.filter((row) => row.value !== null).map((row) => [row.element_id, Number(row.value)]));
}

async function naiveGroupsReported(unitCode: string | null, month: number): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ groups: bigint }[]>(
    `WITH RECURSIVE below AS (
       SELECT id FROM admin_unit WHERE ${unitCode === null ? "parent_id IS NULL" : "code = $2"}
       UNION ALL SELECT u.id FROM admin_unit u JOIN below b ON u.parent_id = b.id
     )
     SELECT count(DISTINCT v.unit_id) AS groups FROM data_value v JOIN below b ON b.id = v.unit_id
     JOIN admin_unit u ON u.id = v.unit_id AND u.level = 'RESIDENTIAL_GROUP' WHERE v.period_id = $1`,
    month,
    ...(unitCode === null ? [] : [unitCode]),
  );
  return Number(row.groups);
}

/**
 * Random figures for a unit and month that respect the part-of-whole rules,
 * with zeros and gaps on purpose: about a quarter of the parts are exactly 0,
 * some months a whole is 0, some numerators come without their denominator
 * (and the reverse), and one unit in twelve reports nothing but zeros.
 */
function randomFigures(random: SeededRandom, level: string): Record<string, number> {
  const zeroOr = (value: number) => (random.chance(0.25) ? 0 : value);
  const withGaps = (figures: Record<string, number>) => {
    if (random.chance(1 / 12)) return Object.fromEntries(Object.keys(figures).map((code) => [code, 0]));
    // A part without its whole, or a whole without its part: the rules allow either, and so does a real month.
    for (const code of Object.keys(figures)) if (random.chance(0.1)) delete figures[code];
    return figures;
  };
  if (level === "WARD") {
    const total = random.chance(0.15) ? 0 : random.int(0, 400);
    return withGaps({ DOSSIERS_TOTAL: total, DOSSIERS_ONLINE: zeroOr(random.int(0, total)) });
  }
  const people = random.int(100, 2000);
  const adults = random.int(50, people);
  const part = () => zeroOr(random.int(0, adults));
  const households = random.int(20, 500);
  const merchants = random.chance(0.15) ? 0 : random.int(0, 40);
  return withGaps({
    PEOPLE: people,
    ADULTS: adults,
    ADULTS_DIGITAL_SIGNATURE: part(),
    ADULTS_VNEID_L2: part(),
    ADULTS_SMARTPHONE: part(),
    ADULTS_CASHLESS: part(),
    ADULTS_ONLINE_PUBLIC_SERVICE: part(),
    ADULTS_BANK_ACCOUNT: part(),
    PEOPLE_EHEALTH: random.int(0, people),
    HOUSEHOLDS: households,
    HOUSEHOLDS_FIBRE: random.int(0, households),
    MERCHANTS: merchants,
    MERCHANTS_QR: zeroOr(random.int(0, merchants)),
    RESIDENTS_HELPED: zeroOr(random.int(0, 90)),
    TRAINING_SESSIONS: random.int(0, 4),
  });
}

/** The whole each part is counted against (the entry form asks for the whole whenever a part is typed). */
const WHOLE_OF: Record<string, string> = {
  ADULTS_DIGITAL_SIGNATURE: "ADULTS", ADULTS_VNEID_L2: "ADULTS", ADULTS_SMARTPHONE: "ADULTS", ADULTS_CASHLESS: "ADULTS",
  ADULTS_ONLINE_PUBLIC_SERVICE: "ADULTS", ADULTS_BANK_ACCOUNT: "ADULTS", PEOPLE_EHEALTH: "PEOPLE", HOUSEHOLDS_FIBRE: "HOUSEHOLDS",
  MERCHANTS_QR: "MERCHANTS", DOSSIERS_ONLINE: "DOSSIERS_TOTAL", ADULTS: "PEOPLE",
};
/** What the entry form accepts: no part without its whole (a file import takes either alone). */
function withWholes<T>(figures: Record<string, T>, present: (value: T) => boolean): Record<string, T> {
  const kept = Object.fromEntries(Object.entries(figures).filter(([, value]) => present(value)));
  // Parts of parts (adults with a signature → adults → people): repeat until nothing more goes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const code of Object.keys(kept)) {
      if (WHOLE_OF[code] && !(WHOLE_OF[code] in kept)) {
        delete kept[code];
        changed = true;
      }
    }
  }
  return kept;
}

async function insertDirect(unitCode: string, month: number, figures: Record<string, number>) {
  const byCode = new Map(elements.map((element) => [element.code, element.id]));
  const entries = Object.entries(figures);
  await db.$executeRaw`
    INSERT INTO data_value (unit_id, period_id, element_id, value, updated_at)
    SELECT ${ids[unitCode]}::int, ${month}::int, e, v, now() FROM unnest(${entries.map(([code]) => byCode.get(code)!)}::int[], ${entries.map(([, value]) => value)}::int[]) AS x(e, v)
    ON CONFLICT (unit_id, period_id, element_id) DO UPDATE SET value = EXCLUDED.value`;
}

async function expectDashboardsMatchNaive(selections: { period?: string; from?: string; to?: string }[]) {
  const units = await db.adminUnit.findMany({ select: { code: true } });
  for (const selection of selections) {
    for (const code of [null, ...units.map((unit) => unit.code)]) {
      const dashboard = await getDashboard(nationalAdmin, code, selection, NOW);
      if (!dashboard.ok) throw new Error(dashboard.error.message);
      const naive = await naiveSums(code, dashboard.selection.from, dashboard.selection.to);
      for (const indicator of indicators) {
        const card = dashboard.cards.find((c) => c.code === indicator.code)!;
        const numerator = naive.get(indicator.numeratorElementId) ?? 0;
        const denominator = naive.get(indicator.denominatorElementId) ?? 0;
        const where = `${code ?? "VN"} ${JSON.stringify(selection)} ${indicator.code}`;
        expect({ where, numerator: card.numerator, denominator: card.denominator }).toEqual({ where, numerator, denominator });
        if (denominator === 0 || !naive.has(indicator.numeratorElementId)) expect({ where, value: card.value }).toEqual({ where, value: null });
        else expect(card.value).toBeCloseTo(numerator / denominator, 12);
      }
      expect({ code, groups: dashboard.completeness.groupsReported }).toEqual({ code, groups: await naiveGroupsReported(code, dashboard.selection.to) });
      if (code !== null) await expectApiMatchesNaive(code, selection, naive);
    }
  }
}

/** The read API, called as another system would (bearer token, query string), agrees with the same independent sums. */
async function expectApiMatchesNaive(code: string, selection: Record<string, string>, naive: Map<number, number>) {
  const query = new URLSearchParams(selection).toString();
  const context = { params: Promise.resolve({ code }) };
  const headers = { authorization: `Bearer ${apiToken}` };
  const response = await unitIndicatorsRoute(new Request(`http://localhost/api/v1/units/${code}/indicators?${query}`, { headers }), context);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { unit: { code: string }; indicators: { code: string; numerator: number; denominator: number; value: number | null }[] };
  expect(body.unit.code).toBe(code);
  for (const indicator of indicators) {
    const api = body.indicators.find((entry) => entry.code === indicator.code)!;
    const numerator = naive.get(indicator.numeratorElementId) ?? 0;
    const denominator = naive.get(indicator.denominatorElementId) ?? 0;
    expect({ code, indicator: indicator.code, numerator: api.numerator, denominator: api.denominator, value: api.value }).toEqual({
      code,
      indicator: indicator.code,
      numerator,
      denominator,
      value: denominator === 0 || !naive.has(indicator.numeratorElementId) ? null : expect.closeTo(numerator / denominator, 12),
    });
  }
  const children = await childrenIndicatorsRoute(new Request(`http://localhost/api/v1/units/${code}/children/indicators?${query}`, { headers }), context);
  const childBody = (await children.json()) as { children: { unit: { code: string }; indicators: { code: string; numerator: number; denominator: number }[] }[] };
  const parsed = await getDashboard(nationalAdmin, code, selection, NOW);
  if (!parsed.ok) throw new Error(parsed.error.message);
  for (const child of childBody.children) {
    const childNaive = await naiveSums(child.unit.code, parsed.selection.from, parsed.selection.to);
    const signature = child.indicators.find((entry) => entry.code === "DIGITAL_SIGNATURE_RATE")!;
    const definition = indicators.find((entry) => entry.code === "DIGITAL_SIGNATURE_RATE")!;
    expect({ child: child.unit.code, numerator: signature.numerator, denominator: signature.denominator }).toEqual({
      child: child.unit.code,
      numerator: childNaive.get(definition.numeratorElementId) ?? 0,
      denominator: childNaive.get(definition.denominatorElementId) ?? 0,
    });
  }
}

/** The roll-up tables equal a rebuild from scratch: every row (a reported 0 is a row), its sum and its count of figures. */
async function expectRollupsEqualRebuild() {
  const snapshot = async () => ({
    values: await db.$queryRaw<unknown[]>`SELECT unit_id, period_id, element_id, value, figures FROM rollup_value ORDER BY 1, 2, 3`,
    reporting: await db.$queryRaw<unknown[]>`
      SELECT unit_id, period_id, units_reported, groups_reported, units_approved FROM rollup_reporting
      WHERE units_reported <> 0 OR groups_reported <> 0 OR units_approved <> 0 ORDER BY 1, 2`,
  });
  const maintained = await snapshot();
  await db.$executeRaw`SELECT rollup_rebuild()`;
  expect(maintained).toEqual(await snapshot());
}

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  // The figures people report; the activity elements are the activity tests' (activity-figures.test.ts).
  elements = (await db.dataElement.findMany({ where: { source: "FORM" }, select: { id: true, code: true, aggregation: true, collectionLevel: true } })) as typeof elements;
  indicators = await db.indicator.findMany({ select: { code: true, numeratorElementId: true, denominatorElementId: true } });
  const admin = await db.user.create({ data: { username: "quantri.api", fullName: "Quản trị API", role: "ADMIN", passwordHash: "x" } });
  apiToken = (await issueApiToken(nationalAdmin, admin.id, "kiểm tra")).token;
});

describe("roll-ups against an independent computation on random trees", () => {
  it("agree at every level, for months, a quarter and ranges, whatever path wrote the figures", async () => {
    const random = new SeededRandom(20261124);
    const specs = randomTree(random);
    ids = await createUnits(specs);
    const reporters = specs.filter(([, level]) => level === "WARD" || level === "RESIDENTIAL_GROUP");

    // 1. Bulk inserts, as the seed and bulk loaders write (one statement, many units).
    for (const month of MONTHS.slice(0, 3)) {
      for (const [code, level] of reporters) if (random.chance(0.8)) await insertDirect(code, month, randomFigures(random, level));
    }
    // 2. Saves through the entry form's use case, including corrections of stored figures.
    for (const [code, level] of reporters.filter(() => random.chance(0.5))) {
      const period = periodCode(MONTHS[3]);
      const figures = Object.fromEntries(Object.entries(withWholes(randomFigures(random, level), () => true)).map(([key, value]) => [key, String(value)]));
      // Random figures jump by more than half against last month: each jump carries its reason.
      const reasons = Object.fromEntries(Object.keys(figures).map((key) => [key, "Số liệu thử nghiệm ngẫu nhiên"]));
      const saved = await savePeriodReport(nationalAdmin, { unitCode: code, period, version: 0, requestId: crypto.randomUUID(), values: figures, reasons });
      if (!saved.ok) throw new Error(`${code}: ${saved.message} ${JSON.stringify((saved as { fieldErrors?: unknown }).fieldErrors)} ${JSON.stringify(figures)}`);
      // Some figures cleared again after being saved (an empty field): their unit is back to "no data" for them.
      if (random.chance(0.4)) {
        const blanked = Object.fromEntries(Object.keys(figures).map((key) => [key, random.chance(0.5) ? "" : figures[key]]));
        const kept = withWholes(blanked, (value) => value !== "");
        const cleared = Object.fromEntries(Object.keys(figures).map((key) => [key, kept[key] ?? ""]));
        const again = await savePeriodReport(nationalAdmin, { unitCode: code, period, version: saved.version, requestId: crypto.randomUUID(), values: cleared, reasons });
        if (!again.ok) throw new Error(`${code}: ${again.message}`);
      }
    }
    // 3. A file import over months already entered and new ones.
    const lines = ["unit_code,period,element_code,value"];
    for (const [code, level] of reporters.filter(() => random.chance(0.6))) {
      for (const month of [MONTHS[2], MONTHS[4]]) for (const [element, value] of Object.entries(withWholes(randomFigures(random, level), () => true))) lines.push(`${code},${periodCode(month)},${element},${value}`);
    }
    const imported = await importValues(nationalAdmin, new TextEncoder().encode(lines.join("\n")), { commit: true, now: NOW });
    if (!imported.ok) throw new Error(imported.message + JSON.stringify(imported.errors.slice(0, 3)));
    // 4. Raw corrections and deletions.
    await db.$executeRaw`UPDATE data_value SET value = value + 7 WHERE id % 5 = 0 AND element_id IN (SELECT id FROM data_element WHERE code IN ('ADULTS', 'DOSSIERS_TOTAL', 'PEOPLE', 'HOUSEHOLDS', 'MERCHANTS'))`;
    await db.$executeRaw`DELETE FROM data_value WHERE period_id = ${MONTHS[1]} AND unit_id IN (SELECT id FROM admin_unit WHERE code LIKE '%-G1')`;

    await expectRollupsEqualRebuild();
    await expectDashboardsMatchNaive([{ period: "2026-03" }, { period: "2026-05" }, { period: "2026-Q1" }, { period: "2026-Q2" }, { from: "2026-02", to: "2026-05" }, { period: "2026-08" }]);
  });

  it("counts approved reports, and stays equal to a rebuild after approvals and a unit moved to another parent", async () => {
    const ward = Object.keys(ids).find((code) => /^PB-W\d$/.test(code) && Object.keys(ids).some((other) => other.startsWith(`${code}-G`)))!;
    const period = periodCode(MONTHS[3]);
    const reported = await db.dataValue.findFirst({ where: { unitId: ids[ward], periodId: MONTHS[3] } });
    if (!reported) {
      const reasons = { DOSSIERS_TOTAL: "Số liệu thử nghiệm", DOSSIERS_ONLINE: "Số liệu thử nghiệm" };
      const saved = await savePeriodReport(nationalAdmin, { unitCode: ward, period, version: 0, requestId: crypto.randomUUID(), values: { DOSSIERS_TOTAL: "10", DOSSIERS_ONLINE: "4" }, reasons });
      if (!saved.ok) throw new Error(saved.message);
    }
    await changeReportStatus(nationalAdmin, { unitCode: ward, period, step: "submit" });
    await changeReportStatus(nationalAdmin, { unitCode: ward, period, step: "approve" });
    const dashboard = await getDashboard(nationalAdmin, ward, { period }, NOW);
    if (!dashboard.ok) throw new Error(dashboard.error.message);
    expect(dashboard.completeness.unitsApproved).toBe(1);

    // A ward moves from the two-tier province into a district of the other: its totals follow it.
    await db.adminUnit.update({ where: { id: ids[ward] }, data: { parentId: ids["PA-D1"] } });
    await expectRollupsEqualRebuild();
    await expectDashboardsMatchNaive([{ period }, { period: "2026-Q2" }]);
  });

  it("shows no data as no data, never as 0%", async () => {
    const dashboard = await getDashboard(nationalAdmin, "PA", { period: "2025-01" }, NOW);
    if (!dashboard.ok) throw new Error(dashboard.error.message);
    expect(dashboard.cards.every((card) => card.value === null && card.state === "noData")).toBe(true);
  });
});
