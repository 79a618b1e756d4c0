/**
 * The target that applies to a unit for a month: its own if set, else the
 * nearest ancestor's, else the national one (unit NULL). Says where it came from.
 */
import { db } from "../db";

export interface ResolvedTarget {
  indicatorId: number;
  value: number;
  /** The unit whose target applies; null for the national target. */
  unitId: number | null;
  unitName: string | null;
  reason: string;
  source: string | null;
}

export async function resolveTargets(unitId: number, periodId: number): Promise<Map<number, ResolvedTarget>> {
  const rows = await db.$queryRaw<
    { indicator_id: number; value: string; unit_id: number | null; unit_name: string | null; reason: string; source: string | null }[]
  >`
    SELECT DISTINCT ON (t.indicator_id) t.indicator_id, t.value::text, t.unit_id, u.name AS unit_name, t.reason, t.source
    FROM target t
    LEFT JOIN admin_unit_closure c ON c.ancestor_id = t.unit_id AND c.descendant_id = ${unitId}
    LEFT JOIN admin_unit u ON u.id = t.unit_id
    WHERE (t.unit_id IS NULL OR c.descendant_id IS NOT NULL)
      AND (t.from_period_id IS NULL OR t.from_period_id <= ${periodId})
      AND (t.to_period_id IS NULL OR t.to_period_id >= ${periodId})
    -- nearest first: depth 0 is the unit itself; the national target (no closure row) comes last; then the newest
    ORDER BY t.indicator_id, coalesce(c.depth, 2147483647), t.created_at DESC`;
  return new Map(
    rows.map((row) => [
      row.indicator_id,
      { indicatorId: row.indicator_id, value: Number(row.value), unitId: row.unit_id, unitName: row.unit_name, reason: row.reason, source: row.source },
    ]),
  );
}
