/**
 * Property: whatever the interleaving of form saves (and their duplicate
 * clicks), imports, submissions, approvals, reopenings, and moves and mergers
 * of groups, run at once over the app's connection pool, afterwards
 *   - every roll-up equals a recomputation from the raw values,
 *   - the audit log agrees with the figures (each cell holds the value of
 *     its latest audit entry), and
 *   - no accepted write was lost: each value a save or an import reported
 *     as written is in the audit log, and a duplicate click is written once.
 * fast-check draws the operations and the order in which they start; the
 * database decides the rest. Each run gets a district of its own (two wards
 * of three groups), so that mergers in one run leave the next its groups. Every operation writes values no other one
 * writes, so that a lost write cannot hide behind an equal one.
 */
import fc from "fast-check";
import { Client } from "pg";
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { verifyRollups } from "@/lib/dashboard/verify-rollups";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { importValues } from "@/lib/imports/import-values";
import { reorganise } from "@/lib/reorganisation/run-reorganisation";
import { AppError } from "@/lib/errors";
import { createUnits, type UnitSpec } from "../setup/create-units";

/** Adds a run's units under the province created once; they exist from before the months written. */
async function createUnitsUnder(specs: UnitSpec[]): Promise<void> {
  const ids: Record<string, number> = { P: (await db.adminUnit.findUniqueOrThrow({ where: { code: "P" } })).id };
  for (const [code, level, kind, parent] of specs.slice(1)) {
    ids[code] = (await db.adminUnit.create({ data: { code, name: code, level, kind, parentId: ids[parent!], validFrom: new Date("2020-01-01") } })).id;
  }
}
import { currentDatabaseUrl } from "../setup/database-per-file";
import { auditDisagreements, lastAuditId } from "../setup/audit-agreement";

jest.setTimeout(600_000);

const WARDS = ["W1", "W2"];
const GROUPS = WARDS.flatMap((ward) => [1, 2, 3].map((n) => `${ward}-${n}`));
/** The codes of this run's district: "R7-W1-2". */
let prefix = "";
const groupCode = (index: number) => `${prefix}${GROUPS[index]}`;
const wardCode = (index: number) => `${prefix}${WARDS[index]}`;
const MONTHS = ["2026-07", "2026-08"];
const system = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };
let elements: string[];
let sql: Client;
let serial = 0;
const tally = { runs: 0, operations: 0, accepted: 0, refused: 0, duplicateClicks: 0 };

/** Figures unique to one operation, whole above part whatever operation wrote the rest of the month. */
function figuresOf(operation: number): Record<string, number> {
  const wholes: Record<string, number> = { PEOPLE: 900_000, ADULTS: 800_000, HOUSEHOLDS: 700_000, MERCHANTS: 600_000 };
  return Object.fromEntries(elements.map((code) => [code, (wholes[code] ?? 100_000) + operation]));
}

type Operation =
  | { kind: "save"; group: number; month: number; twice: boolean }
  | { kind: "import"; group: number; month: number; only: number }
  | { kind: "submit" | "approve" | "reopen"; group: number; month: number }
  | { kind: "move"; group: number; ward: number }
  | { kind: "merge"; group: number; into: number };

const cell = { group: fc.nat({ max: GROUPS.length - 1 }), month: fc.nat({ max: MONTHS.length - 1 }) };
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("save" as const), ...cell, twice: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("import" as const), ...cell, only: fc.integer({ min: 1, max: 15 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom("submit" as const, "approve" as const, "reopen" as const), ...cell }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("move" as const), group: cell.group, ward: fc.nat({ max: WARDS.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("merge" as const), group: cell.group, into: cell.group }) },
);

interface Written {
  cells: Record<string, number>;
}

/** Runs one operation; returns what it reports as written, or null when it was refused (which is allowed). */
async function run(op: Operation): Promise<Written | null> {
  const id = (serial += 1);
  const unitCode = groupCode(op.group);
  try {
    if (op.kind === "move") {
      const result = await reorganise(
        system,
        { kind: "MOVE", effectiveOn: "2026-09-01", reason: "Kiểm thử đồng thời", decisionRef: `QĐ-${id}`, unitCode, newParentCode: wardCode(op.ward) },
        { commit: true },
      );
      return result.ok ? { cells: {} } : null;
    }
    if (op.kind === "merge") {
      const result = await reorganise(
        system,
        { kind: "MERGE", effectiveOn: "2026-09-01", reason: "Kiểm thử đồng thời", decisionRef: `QĐ-${id}`, sourceCodes: [unitCode], into: { existingCode: groupCode(op.into) } },
        { commit: true },
      );
      return result.ok ? { cells: {} } : null;
    }
    const period = MONTHS[op.month];
    if (op.kind === "save") {
      // Through the app's pool: the operations run at once, and one pg Client must not carry two queries at a time.
      const [report] = await db.$queryRaw<{ version: number }[]>`SELECT r.version FROM period_report r JOIN admin_unit u ON u.id = r.unit_id WHERE u.code = ${unitCode} AND r.period_id = ${Number(period.replace("-", ""))}`;
      const figures = figuresOf(id);
      const input = {
        unitCode,
        period,
        version: report?.version ?? 0,
        requestId: crypto.randomUUID(),
        values: Object.fromEntries(Object.entries(figures).map(([code, value]) => [code, String(value)])),
        reasons: Object.fromEntries(elements.map((code) => [code, "Kiểm thử đồng thời"])),
      };
      const results = await Promise.all(op.twice ? [savePeriodReport(system, input), savePeriodReport(system, input)] : [savePeriodReport(system, input)]);
      const accepted = results.filter((result) => result.ok);
      if (accepted.length === 0) return null;
      // A duplicate click is recognised: one of the two writes, the other replays it.
      if (op.twice) {
        tally.duplicateClicks += 1;
        expect(accepted).toHaveLength(2);
        expect(accepted.filter((result) => result.ok && !result.replayed)).toHaveLength(1);
      }
      return { cells: Object.fromEntries(Object.entries(figures).map(([code, value]) => [`${unitCode}/${period}/${code}`, value])) };
    }
    if (op.kind === "import") {
      const figures = Object.entries(figuresOf(id)).slice(0, op.only);
      const csv = `unit_code,period,element_code,value\n${figures.map(([code, value]) => `${unitCode},${period},${code},${value}`).join("\n")}\n`;
      const result = await importValues(system, new TextEncoder().encode(csv), { commit: true });
      if (!result.ok) return null;
      return { cells: Object.fromEntries(figures.map(([code, value]) => [`${unitCode}/${period}/${code}`, value])) };
    }
    await changeReportStatus(system, { unitCode, period, step: op.kind, reason: "Mở lại để kiểm thử" });
    return { cells: {} };
  } catch (error) {
    // Refusals the user is told about (a final report, a step out of order, a moved-away unit) are fine; anything else is not.
    if (error instanceof AppError) return null;
    throw error;
  }
}

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  await createUnits([["P", "PROVINCE", "Tỉnh", null]]);
  elements = (await db.dataElement.findMany({ where: { collectionLevel: "RESIDENTIAL_GROUP", source: "FORM" }, select: { code: true }, orderBy: { code: "asc" } })).map((row) => row.code);
  sql = new Client({ connectionString: currentDatabaseUrl() });
  // The file's database is dropped (with its connections) before this file's afterAll runs.
  sql.on("error", () => {});
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  console.log(`concurrency property: ${tally.runs} runs, ${tally.operations} operations (${tally.accepted} accepted, ${tally.refused} refused, ${tally.duplicateClicks} duplicate clicks), nothing lost`);
});

describe("concurrent saves, imports, approvals and reorganisations", () => {
  it("keep roll-ups equal to a recomputation, the audit log in agreement and every accepted write", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 3, maxLength: 12 }), fc.scheduler(), async (operations, scheduler) => {
        tally.runs += 1;
        prefix = `R${tally.runs}-`;
        const specs: UnitSpec[] = [["P", "PROVINCE", "Tỉnh", null], [`${prefix}D`, "DISTRICT", "Huyện", "P"]];
        for (const ward of WARDS) specs.push([`${prefix}${ward}`, "WARD", "Xã", `${prefix}D`]);
        for (const group of GROUPS) specs.push([`${prefix}${group}`, "RESIDENTIAL_GROUP", "Thôn", `${prefix}${group.split("-")[0]}`]);
        await createUnitsUnder(specs);
        const since = await lastAuditId(sql);
        // fast-check picks the order in which the operations start; they then run at once.
        const outcomes = await Promise.all([
          ...operations.map((op) => scheduler.schedule(Promise.resolve(op), `${op.kind}`).then(run)),
          scheduler.waitAll().then(() => null),
        ]);
        const results = outcomes.slice(0, operations.length);
        tally.operations += operations.length;
        tally.accepted += results.filter((result) => result !== null).length;
        tally.refused += results.filter((result) => result === null).length;

        expect((await verifyRollups()).differences).toEqual([]);
        expect(await auditDisagreements(sql, since)).toEqual([]);
        const logged = await sql.query(
          `SELECT entity_id, (after->>'value')::int AS value FROM audit_log WHERE id > $1 AND action IN ('values.save', 'values.import')`,
          [since],
        );
        const trail = new Set(logged.rows.map((row) => `${row.entity_id}=${row.value}`));
        const lost = results.flatMap((result) => Object.entries(result?.cells ?? {}).filter(([key, value]) => !trail.has(`${key}=${value}`)).map(([key, value]) => `${key}=${value}`));
        expect(lost).toEqual([]);
        // No write lands in a unit after a reorganisation closed it: every accepted save, import row or
        // workflow step on a closed unit was logged (and so committed its figures) before the closing.
        const late = await sql.query(
          `WITH closing AS (
             SELECT a.unit_id, min(a.id) AS id FROM audit_log a JOIN admin_unit u ON u.id = a.unit_id AND u.valid_to IS NOT NULL
             WHERE a.id > $1 AND a.action = 'units.closed' GROUP BY a.unit_id
           )
           SELECT w.action, w.entity_id FROM audit_log w JOIN closing c ON c.unit_id = w.unit_id AND w.id > c.id
           WHERE w.action IN ('values.save', 'values.import', 'reports.submit', 'reports.approve', 'reports.reopen')`,
          [since],
        );
        expect(late.rows).toEqual([]);
      }),
      { numRuns: 60, seed: Number(process.env.FC_SEED ?? 20261124), endOnFailure: true },
    );
  });
});
