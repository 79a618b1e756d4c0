/**
 * The target that applies to a unit for a month: its own if set, else the
 * nearest ancestor's, else the national one (unit NULL). Says where it came from.
 * One query resolves a whole grid of units × months (a league table, a trend).
 */
import { db, type Prisma } from "../db";
import type { TargetInfo } from "../dashboard/indicator-figures";

export interface ResolvedTarget extends TargetInfo {
  indicatorId: number;
}

/** Key of the grid: the unit (null for the whole country, which has only national targets) and the month. */
export const gridKey = (unitId: number | null, periodId: number) => `${unitId ?? "VN"}:${periodId}`;

/** `client`: a transaction that must see its own changes (a reorganisation keeps each unit's targets across a move). */
export async function resolveTargetGrid(
  unitIds: (number | null)[],
  periodIds: number[],
  client: Prisma.TransactionClient = db,
): Promise<Map<string, Map<number, ResolvedTarget>>> {
  const grid = new Map<string, Map<number, ResolvedTarget>>();
  if (unitIds.length === 0 || periodIds.length === 0) return grid;
  const rows = await client.$queryRaw<
    { for_unit: number | null; period_id: number; indicator_id: number; value: string; unit_id: number | null; unit_code: string | null; unit_name: string | null; reason: string; source: string | null; to_period_id: number | null }[]
  >`
    SELECT DISTINCT ON (u.for_unit, m.period_id, t.indicator_id)
           u.for_unit, m.period_id, t.indicator_id, t.value::text, t.unit_id, tu.code AS unit_code, tu.name AS unit_name, t.reason, t.source, t.to_period_id
    FROM unnest(${unitIds}::int[]) AS u(for_unit)
    CROSS JOIN unnest(${periodIds}::int[]) AS m(period_id)
    JOIN target t ON (t.from_period_id IS NULL OR t.from_period_id <= m.period_id) AND (t.to_period_id IS NULL OR t.to_period_id >= m.period_id)
    LEFT JOIN admin_unit_closure c ON c.ancestor_id = t.unit_id AND c.descendant_id = u.for_unit
    LEFT JOIN admin_unit tu ON tu.id = t.unit_id
    WHERE t.unit_id IS NULL OR c.descendant_id IS NOT NULL
    -- nearest first: depth 0 is the unit itself; the national target (no closure row) comes last; then the newest
    ORDER BY u.for_unit, m.period_id, t.indicator_id, coalesce(c.depth, 2147483647), t.created_at DESC, t.id DESC`;
  for (const row of rows) {
    const key = gridKey(row.for_unit, row.period_id);
    if (!grid.has(key)) grid.set(key, new Map());
    grid.get(key)!.set(row.indicator_id, {
      indicatorId: row.indicator_id,
      value: Number(row.value),
      unitId: row.unit_id,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      reason: row.reason,
      source: row.source,
      toPeriodId: row.to_period_id,
    });
  }
  return grid;
}

export async function resolveTargets(unitId: number, periodId: number): Promise<Map<number, ResolvedTarget>> {
  return (await resolveTargetGrid([unitId], [periodId])).get(gridKey(unitId, periodId)) ?? new Map();
}
