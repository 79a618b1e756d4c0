/**
 * Reads of the roll-up tables (kept current by triggers, see the
 * dashboard_rollups migration). Each read is one index range on
 * (unit_id, period_id, …): its cost does not grow with the number of
 * residential groups below the unit.
 */
import { db, type Prisma } from "../db";

export type ElementSums = Map<number, number>;

/**
 * The element sums of each unit over months from..to: a stock figure (adults,
 * adults with a signature) takes the last month of the range, a flow figure
 * (dossiers, residents helped) the sum of its months. `client`: a transaction
 * that must see its own changes (a reorganisation's preview).
 */
export async function elementSumsByUnit(unitIds: number[], from: number, to: number, client: Prisma.TransactionClient = db, elementIds: number[] | null = null): Promise<Map<number, ElementSums>> {
  const result = new Map<number, ElementSums>(unitIds.map((id) => [id, new Map()]));
  if (unitIds.length === 0) return result;
  // elementIds: only those elements (the activity panel's), read from the same index range.
  // float8, exact for whole numbers below 2^53: the numeric a sum of bigint returns arrived as a Decimal
  // object per row, and parsing thousands of them was a large share of the whole country's dashboard in Node.
  const rows = await client.$queryRaw<{ unit_id: number; element_id: number; value: number | null }[]>`
    SELECT r.unit_id, r.element_id, (sum(r.value) FILTER (WHERE e.aggregation = 'FLOW' OR r.period_id = ${to}))::float8 AS value
    FROM rollup_value r JOIN data_element e ON e.id = r.element_id
    WHERE r.unit_id = ANY(${unitIds}::int[]) AND r.period_id BETWEEN ${from} AND ${to} AND (${elementIds}::int[] IS NULL OR r.element_id = ANY(${elementIds}::int[]))
    GROUP BY r.unit_id, r.element_id`;
  for (const row of rows) if (row.value !== null) result.get(row.unit_id)!.set(row.element_id, Number(row.value));
  return result;
}

/** The element sums of several units taken together (the whole country is the sum of its provinces). */
export async function elementSumsOf(unitIds: number[], from: number, to: number): Promise<ElementSums> {
  return addedUp(await elementSumsByUnit(unitIds, from, to));
}

/** Per-unit element sums added into one. */
export function addedUp(byUnit: Map<number, ElementSums>): ElementSums {
  const total: ElementSums = new Map();
  for (const sums of byUnit.values()) {
    for (const [element, value] of sums) total.set(element, (total.get(element) ?? 0) + value);
  }
  return total;
}

/** Month by month element sums of several units taken together, for trend charts. */
export async function monthlyElementSums(unitIds: number[], from: number, to: number, elementIds: number[] | null = null): Promise<Map<number, ElementSums>> {
  const result = new Map<number, ElementSums>();
  if (unitIds.length === 0) return result;
  const rows = await db.$queryRaw<{ period_id: number; element_id: number; value: number }[]>`
    SELECT period_id, element_id, sum(value)::float8 AS value FROM rollup_value
    WHERE unit_id = ANY(${unitIds}::int[]) AND period_id BETWEEN ${from} AND ${to} AND (${elementIds}::int[] IS NULL OR element_id = ANY(${elementIds}::int[]))
    GROUP BY period_id, element_id`;
  for (const row of rows) {
    if (!result.has(row.period_id)) result.set(row.period_id, new Map());
    result.get(row.period_id)!.set(row.element_id, Number(row.value));
  }
  return result;
}

export interface ReportingCounts {
  unitsReported: number;
  groupsReported: number;
  unitsApproved: number;
}

/** Reporting counts of each unit for one month. */
export async function reportingByUnit(unitIds: number[], periodId: number): Promise<Map<number, ReportingCounts>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.rollupReporting.findMany({ where: { unitId: { in: unitIds }, periodId } });
  return new Map(rows.map((row) => [row.unitId, { unitsReported: row.unitsReported, groupsReported: row.groupsReported, unitsApproved: row.unitsApproved }]));
}
