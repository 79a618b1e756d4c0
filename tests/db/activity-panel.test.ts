/**
 * Every activity figure a reader sees — the dashboard's activity panel at
 * every level, the read API, and the raw-figures sheets of the CSV and XLSX
 * exports — against an independent computation from the records logged, on
 * random trees: groups with and without teams, commune-level teams at their
 * ward, records of all zeros, trainings with attendees, records moved to
 * another month, a team that moves to another group after logging (its old
 * records stay where the work was done), and a group whose only figure in a
 * month comes from its activities (not counted as having reported).
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/authorize";
import { seedDatabase } from "@/prisma/seed/seed";
import { SeededRandom } from "@/prisma/seed/random";
import { createUnits, type UnitSpec } from "../setup/create-units";
import { editActivity, logActivity } from "@/lib/activities/log-activity";
import { getActivityPanel, SILENT_DAYS, SILENT_LISTED, type ActivityPanel } from "@/lib/activities/get-activity-panel";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import { importValues } from "@/lib/imports/import-values";
import { verifyRollups } from "@/lib/dashboard/verify-rollups";
import { issueApiToken } from "@/lib/api/api-tokens";
import { HELPED_FIELDS, ELEMENT_OF_COUNT } from "@/lib/schemas/activity-options";
import { GET as activitiesRoute } from "@/app/api/v1/units/[code]/activities/route";
import { GET as csvRoute } from "@/app/api/v1/units/[code]/report.csv/route";
import { GET as xlsxRoute } from "@/app/api/v1/units/[code]/report.xlsx/route";

const NOW = new Date("2026-08-28T10:00:00+07:00");
const TODAY = "2026-08-28";
const MONTHS = ["2026-06", "2026-07", "2026-08"];
const CODES = ["ACTIVITIES", ...HELPED_FIELDS.map((field) => ELEMENT_OF_COUNT[field]), "PROCEDURES_SUPPORTED", "APPS_INSTALLED", "TRAINING_ATTENDEES"];
let admin: Actor & { id: number };
let token: string;

type Route = (request: Request, context: { params: Promise<{ code: string }> }) => Promise<Response>;
const call = (route: Route, code: string, query: string) =>
  route(new Request(`http://localhost/api/v1/units/${encodeURIComponent(code)}/x?${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ code }) });

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  const user = await db.user.create({ data: { username: "admin.panel", fullName: "Quản trị", role: "ADMIN", passwordHash: "x" } });
  admin = { id: user.id, username: user.username, role: "ADMIN", scopeUnitId: null };
  token = (await issueApiToken(admin, user.id, "kiểm tra")).token;
});

interface Logged {
  unitCode: string;
  teamCode: string;
  month: string;
  day: string;
  figures: Record<string, number>;
  memberIds: number[];
}

/** Units and their parents, by code. */
type Tree = Map<string, string | null>;
const isBelow = (tree: Tree, unit: string, ancestor: string) => {
  for (let at: string | null | undefined = unit; at; at = tree.get(at)) if (at === ancestor) return true;
  return false;
};

async function buildWorld(random: SeededRandom, prefix: string) {
  const specs: UnitSpec[] = [[`${prefix}P`, "PROVINCE", "Tỉnh", null]];
  // Districts, or wards right under the province (two-tier government).
  const wardParents = random.chance(0.5) ? [`${prefix}P`] : [`${prefix}D1`, `${prefix}D2`];
  for (const parent of wardParents) if (parent !== `${prefix}P`) specs.push([parent, "DISTRICT", "Huyện", `${prefix}P`]);
  const groups: string[] = [];
  const wards: string[] = [];
  for (const parent of wardParents) {
    for (let w = 1; w <= random.int(1, 3); w += 1) {
      const ward = `${parent}W${w}`;
      wards.push(ward);
      specs.push([ward, "WARD", "Xã", parent]);
      for (let g = 1; g <= random.int(1, 4); g += 1) {
        groups.push(`${ward}G${g}`);
        specs.push([`${ward}G${g}`, "RESIDENTIAL_GROUP", "Thôn", ward]);
      }
    }
  }
  const ids = await createUnits(specs);
  const tree: Tree = new Map(specs.map(([code, , , parent]) => [code, parent]));
  // Teams: most groups, and a commune-level team in some wards.
  const teamUnits = [...groups.filter(() => random.chance(0.75)), ...wards.filter(() => random.chance(0.4))];
  const teams = new Map<string, { unitCode: string; memberIds: number[] }>();
  for (const unitCode of teamUnits) {
    const code = `T-${unitCode}`;
    const team = await db.team.create({ data: { code, name: `Tổ ${unitCode}`, unitId: ids[unitCode], foundedOn: new Date("2025-01-01T00:00:00Z") } });
    const memberIds: number[] = [];
    for (let m = 0; m < random.int(1, 4); m += 1) {
      memberIds.push((await db.teamMember.create({ data: { teamId: team.id, fullName: `Thành viên ${unitCode} ${m}`, role: m === 0 ? "LEADER" : "MEMBER", affiliation: "YOUTH_UNION", phone: `09${String(team.id).padStart(4, "0")}${String(m).padStart(4, "0")}` } })).id);
    }
    teams.set(code, { unitCode, memberIds });
  }
  return { ids, tree, groups, wards, teams };
}

/** What the records add up to below `unit` in `month` (or over every month): the independent computation. */
function expectedFigures(records: Logged[], tree: Tree, unit: string, month?: string): Record<string, number | null> {
  const here = records.filter((record) => isBelow(tree, record.unitCode, unit) && (month === undefined || record.month === month));
  return Object.fromEntries(
    CODES.map((code) => {
      const figures = here.map((record) => record.figures[code]).filter((value) => value !== undefined);
      return [code, figures.length > 0 ? figures.reduce((sum, value) => sum + value, 0) : null];
    }),
  );
}
const helpedOf = (figures: Record<string, number | null>) => (figures.ACTIVITIES === null ? null : HELPED_FIELDS.reduce((sum, field) => sum + (figures[ELEMENT_OF_COUNT[field]] ?? 0), 0));

function checkPanel(panel: ActivityPanel, records: Logged[], tree: Tree, unit: string) {
  for (const month of panel.months) {
    const expected = MONTHS.includes(month.period) ? expectedFigures(records, tree, unit, month.period) : Object.fromEntries(CODES.map((code) => [code, null]));
    expect({ unit, month: month.period, figures: month.figures, helped: month.helped }).toEqual({ unit, month: month.period, figures: expected, helped: helpedOf(expected) });
  }
  const total = expectedFigures(records, tree, unit);
  expect({ unit, totals: panel.totals, helped: panel.helped }).toEqual({ unit, totals: total, helped: helpedOf(total) });
}

describe("the activity figures every reader sees", () => {
  it("match an independent computation at every level: the panel, the dashboard, the API, the CSV and XLSX raw figures", async () => {
    for (let round = 1; round <= 4; round += 1) {
      const random = new SeededRandom(20261206 + round);
      const prefix = `R${round}`;
      const world = await buildWorld(random, prefix);
      const records: Logged[] = [];
      const teamCodes = [...world.teams.keys()];
      for (let n = 0; n < random.int(8, 30); n += 1) {
        const teamCode = random.pick(teamCodes);
        const team = world.teams.get(teamCode)!;
        const month = random.pick(MONTHS);
        const day = String(random.int(1, month === "2026-08" ? 28 : 30)).padStart(2, "0");
        const training = random.chance(0.2);
        // A quarter of the counts are 0, and some records are all zeros: a reported 0 is a figure.
        const zeros = random.chance(0.15);
        const counts = Object.fromEntries([...HELPED_FIELDS, "procedures", "appsInstalled"].map((field) => [field, zeros || random.chance(0.25) ? 0 : random.int(1, 40)]));
        const memberIds = team.memberIds.filter(() => random.chance(0.6));
        const input = { occurredOn: `${month}-${day}`, kind: training ? "TRAINING" : "HOME_VISITS", place: "Nhà văn hóa", memberIds, attendees: training ? String(random.int(0, 50)) : "", ...Object.fromEntries(Object.entries(counts).map(([field, value]) => [field, String(value)])) };
        const logged = await logActivity(admin, teamCode, input, { now: NOW });
        if (!logged.ok) throw new Error(JSON.stringify(logged));
        const figures: Record<string, number> = { ACTIVITIES: 1, ...Object.fromEntries(Object.entries(counts).map(([field, value]) => [ELEMENT_OF_COUNT[field as keyof typeof ELEMENT_OF_COUNT], value])) };
        if (training) figures.TRAINING_ATTENDEES = Number(input.attendees);
        const record: Logged = { unitCode: team.unitCode, teamCode, month, day, figures, memberIds };
        records.push(record);
        if (random.chance(0.2)) {
          const moved = random.pick(MONTHS);
          const edited = await editActivity(admin, logged.activityId, { ...input, occurredOn: `${moved}-05` }, { now: NOW });
          if (!edited.ok) throw new Error(JSON.stringify(edited));
          record.month = moved;
          record.day = "05";
        }
      }
      // A team serving a group moves to another group of the province: what it logged before stays on the first group.
      const mover = teamCodes.find((code) => world.groups.includes(world.teams.get(code)!.unitCode));
      const destination = world.groups.find((group) => ![...world.teams.values()].some((team) => team.unitCode === group));
      if (mover && destination) {
        await db.team.update({ where: { code: mover }, data: { unitId: world.ids[destination] } });
        world.teams.get(mover)!.unitCode = destination;
        const logged = await logActivity(admin, mover, { occurredOn: "2026-08-20", kind: "ONE_STOP_DUTY", place: "Bộ phận một cửa", memberIds: [], helpedVneid: "7" }, { now: NOW });
        expect(logged).toMatchObject({ ok: true });
        records.push({ unitCode: destination, teamCode: mover, month: "2026-08", day: "20", figures: { ACTIVITIES: 1, ...Object.fromEntries(CODES.slice(1, -1).map((code) => [code, code === "HELPED_VNEID" ? 7 : 0])) }, memberIds: [] });
      }

      // Every unit of the tree, with the panel read for the window ending August 2026.
      for (const unit of world.tree.keys()) {
        const panel = await getActivityPanel(admin, unit, { period: "2026-08" }, NOW);
        checkPanel(panel, records, world.tree, unit);
        for (const child of panel.children) {
          const expected = expectedFigures(records, world.tree, child.code);
          expect({ child: child.code, activities: child.activities, helped: child.helped }).toEqual({ child: child.code, activities: expected.ACTIVITIES, helped: helpedOf(expected) });
        }
        if (panel.teamLists) {
          // Ranked teams: by activities, then residents helped, then code, counted from the records.
          const byTeam = new Map<string, { activities: number; helped: number }>();
          for (const record of records.filter((candidate) => isBelow(world.tree, candidate.unitCode, unit))) {
            const entry = byTeam.get(record.teamCode) ?? { activities: 0, helped: 0 };
            entry.activities += 1;
            entry.helped += helpedOf(record.figures)!;
            byTeam.set(record.teamCode, entry);
          }
          const ranked = [...byTeam].sort(([a, x], [b, y]) => y.activities - x.activities || y.helped - x.helped || (a < b ? -1 : 1)).slice(0, 10);
          expect(panel.teamLists.ranked.map((team) => [team.code, { activities: team.activities, helped: team.helped }])).toEqual(ranked);
          // Members by participation.
          const byMember = new Map<number, number>();
          for (const record of records.filter((candidate) => isBelow(world.tree, candidate.unitCode, unit))) for (const id of record.memberIds) byMember.set(id, (byMember.get(id) ?? 0) + 1);
          expect(panel.teamLists.members.map((member) => member.activities)).toEqual([...byMember.values()].sort((a, b) => b - a).slice(0, 10));
          // Silent: teams in force below the unit today with no record in the last 60 days.
          const cutoff = new Date(Date.parse(`${TODAY}T00:00:00Z`) - SILENT_DAYS * 86_400_000).toISOString().slice(0, 10);
          // Listed longest silent first (never logged, then the oldest last day), then by code; a district names only the first few.
          const lastDayOf = (code: string) => records.filter((record) => record.teamCode === code && `${record.month}-${record.day}` <= TODAY).map((record) => `${record.month}-${record.day}`).sort().at(-1) ?? null;
          const silent = [...world.teams]
            .filter(([, team]) => isBelow(world.tree, team.unitCode, unit))
            .filter(([code]) => !records.some((record) => record.teamCode === code && `${record.month}-${record.day}` > cutoff))
            .map(([code]) => ({ code, last: lastDayOf(code) }))
            .sort((a, b) => (a.last === b.last ? (a.code < b.code ? -1 : 1) : a.last === null ? -1 : b.last === null ? 1 : a.last < b.last ? -1 : 1));
          const listed = /D\d$/.test(unit) ? SILENT_LISTED.ABOVE_WARD : SILENT_LISTED.WARD;
          expect(panel.teamLists.silent.map((team) => [team.code, team.lastOn])).toEqual(silent.slice(0, listed).map((team) => [team.code, team.last]));
          expect(panel.teamLists.silentCount).toBe(silent.length);
        }
      }

      // The dashboard shows the same panel; the API answers it as JSON.
      const province = `${prefix}P`;
      const dashboard = await getDashboard(admin, province, { period: "2026-08" }, NOW);
      if (!dashboard.ok) throw new Error("dashboard");
      checkPanel(dashboard.activities, records, world.tree, province);
      const response = await call(activitiesRoute, province, "period=2026-08");
      expect(response.status).toBe(200);
      checkPanel((await response.json()) as ActivityPanel, records, world.tree, province);

      // The exports' raw figures: each ward's and group's own records, month by month.
      const ownFigures = (unit: string, month: string) => expectedFigures(records.filter((record) => record.unitCode === unit), world.tree, unit, month);
      const csv = parse((Buffer.from(await (await call(csvRoute, province, "from=2026-06&to=2026-08&table=values")).arrayBuffer())).toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
      const column = (code: string) => Object.keys(csv[0]).find((name) => name.endsWith(`(${code})`))!;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await (await call(xlsxRoute, province, "from=2026-06&to=2026-08")).arrayBuffer()) as ArrayBuffer);
      const sheet = workbook.getWorksheet("Số liệu theo tổ dân phố")!;
      const header = (sheet.getRow(1).values as string[]).slice(1);
      const sheetRows = [...Array(sheet.rowCount - 1).keys()].map((index) => sheet.getRow(index + 2));
      for (const unit of [...world.wards, ...world.groups]) {
        for (const month of MONTHS) {
          const label = month.split("-").reverse().join("/");
          const expected = ownFigures(unit, month);
          const line = csv.find((row) => row["Mã đơn vị"] === unit && row["Tháng"] === label)!;
          const cells = sheetRows.find((row) => row.getCell(1).value === unit && row.getCell(5).value === label)!;
          for (const code of CODES) {
            const inCsv = line[column(code)] === "" ? null : Number(line[column(code)]);
            const inXlsx = cells.getCell(header.findIndex((name) => name.endsWith(`(${code})`)) + 1).value;
            expect({ unit, month, code, csv: inCsv, xlsx: inXlsx ?? null }).toEqual({ unit, month, code, csv: expected[code], xlsx: expected[code] });
          }
        }
      }
    }
    expect((await verifyRollups()).differences).toEqual([]);
  });

  it("counts a group as reported only for the figures people entered, not for a residents-helped its activities made", async () => {
    const ids = await createUnits([["C-P", "PROVINCE", "Tỉnh", null], ["C-W", "WARD", "Phường", "C-P"], ["C-G1", "RESIDENTIAL_GROUP", "Tổ dân phố", "C-W"], ["C-G2", "RESIDENTIAL_GROUP", "Tổ dân phố", "C-W"]]);
    await db.team.create({ data: { code: "C-T1", name: "Tổ C1", unitId: ids["C-G1"] } });
    await db.team.create({ data: { code: "C-T2", name: "Tổ C2", unitId: ids["C-G2"] } });
    const reported = async () => (await db.rollupReporting.findUnique({ where: { unitId_periodId: { unitId: ids["C-W"], periodId: 202608 } } }))?.groupsReported ?? 0;
    // Group 1 logs a day of work: its RESIDENTS_HELPED comes from the activity, and nobody reported its month.
    await logActivity(admin, "C-T1", { occurredOn: "2026-08-03", kind: "HOME_VISITS", place: "Kiệt 3", memberIds: [], helpedVneid: "4" }, { now: NOW });
    expect(await reported()).toBe(0);
    const dashboard = await getDashboard(admin, "C-W", { period: "2026-08" }, NOW);
    expect(dashboard.ok && dashboard.completeness).toMatchObject({ groupsReported: 0, groupsTotal: 2 });
    expect(dashboard.ok && dashboard.completeness.notReported.map((group) => group.code).sort()).toEqual(["C-G1", "C-G2"]);
    // Group 2's ward types its adults: that group reported; group 1 still has not.
    const save = await savePeriodReport(admin, { unitCode: "C-G2", period: "2026-08", version: 0, requestId: crypto.randomUUID(), values: { PEOPLE: "700", ADULTS: "500" }, reasons: {}, confirmed: [] });
    expect(save).toMatchObject({ ok: true });
    expect(await reported()).toBe(1);
    // Then group 1 reports too: the activities' figure stays, and the group counts once.
    const version = (await db.periodReport.findUniqueOrThrow({ where: { unitId_periodId: { unitId: ids["C-G1"], periodId: 202608 } } })).version;
    expect(await savePeriodReport(admin, { unitCode: "C-G1", period: "2026-08", version, requestId: crypto.randomUUID(), values: { PEOPLE: "400", ADULTS: "300", RESIDENTS_HELPED: "4" }, reasons: {}, confirmed: [] })).toMatchObject({ ok: true });
    expect(await reported()).toBe(2);
    expect((await verifyRollups()).differences).toEqual([]);
  });

  it("never takes an activity figure typed: the import names the column, and the database refuses a direct write", async () => {
    const file = Buffer.from("unit_code,period,element_code,value\nC-G2,2026-08,HELPED_VNEID,12\n");
    const result = await importValues(admin, file, { commit: true, now: NOW });
    expect(result).toMatchObject({ ok: false, errors: [{ column: "element_code", message: expect.stringContaining("HELPED_VNEID được tính từ nhật ký hoạt động của tổ") }] });
    const element = await db.dataElement.findUniqueOrThrow({ where: { code: "HELPED_VNEID" } });
    const unit = await db.adminUnit.findUniqueOrThrow({ where: { code: "C-G2" } });
    await expect(db.$executeRaw`INSERT INTO data_value (unit_id, period_id, element_id, value, updated_at) VALUES (${unit.id}, 202608, ${element.id}, 12, now())`).rejects.toThrow(/HELPED_VNEID is added up from the activity records/);
    expect(await db.dataValue.count({ where: { elementId: element.id } })).toBe(0);
  });

  it("answers 404 outside the reader's scope and names a malformed month", async () => {
    const official = await db.user.create({ data: { username: "canbo.cw", fullName: "Cán bộ", role: "WARD_OFFICIAL", scopeUnitId: (await db.adminUnit.findUniqueOrThrow({ where: { code: "C-W" } })).id, passwordHash: "x" } });
    const actor: Actor = { id: official.id, username: official.username, role: "WARD_OFFICIAL", scopeUnitId: official.scopeUnitId };
    await expect(getActivityPanel(actor, "R1P", {}, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getActivityPanel(actor, "C-W", { period: "2026-8" }, NOW)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const panel = await getActivityPanel(actor, "C-W", {}, NOW);
    expect(panel).toMatchObject({ from: "2025-09", to: "2026-08", throughToday: true, asOf: TODAY });
    expect(panel.teamLists?.silent).toEqual([expect.objectContaining({ code: "C-T2", lastOn: null })]);
    // Sixty days without an activity is silent; fifty-nine is not.
    await logActivity(admin, "C-T2", { occurredOn: "2026-06-29", kind: "HOME_VISITS", place: "Kiệt 9", memberIds: [] }, { now: NOW });
    expect((await getActivityPanel(actor, "C-W", {}, NOW)).teamLists?.silent).toEqual([expect.objectContaining({ code: "C-T2", lastOn: "2026-06-29" })]);
    await logActivity(admin, "C-T2", { occurredOn: "2026-06-30", kind: "HOME_VISITS", place: "Kiệt 9", memberIds: [] }, { now: NOW });
    expect((await getActivityPanel(actor, "C-W", {}, NOW)).teamLists?.silent).toEqual([]);
  });
});
