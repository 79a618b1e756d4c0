/**
 * The roll-ups recomputed from the raw values and compared with the ones the
 * triggers keep: any difference is drift and is reported (unit, month,
 * element, expected, found). Read-only; `repairRollups` rebuilds them.
 */
import { db } from "../db";

export interface RollupDifference {
  table: "rollup_value" | "rollup_reporting";
  unitCode: string;
  periodId: number;
  what: string;
  expected: number;
  found: number;
}

export async function verifyRollups(limit = 100): Promise<{ differences: RollupDifference[]; checkedValues: number }> {
  const values = await db.$queryRaw<{ unit_code: string; period_id: number; element_code: string; expected: bigint; found: bigint }[]>`
    WITH expected AS (
      SELECT c.ancestor_id AS unit_id, v.period_id, v.element_id, sum(v.value) AS value
      FROM data_value v JOIN admin_unit_closure c ON c.descendant_id = v.unit_id
      GROUP BY 1, 2, 3
    )
    SELECT u.code AS unit_code, d.period_id, e.code AS element_code, coalesce(d.expected, 0) AS expected, coalesce(d.found, 0) AS found
    FROM (
      SELECT coalesce(x.unit_id, r.unit_id) AS unit_id, coalesce(x.period_id, r.period_id) AS period_id,
             coalesce(x.element_id, r.element_id) AS element_id, x.value AS expected, r.value AS found
      FROM expected x FULL JOIN rollup_value r ON r.unit_id = x.unit_id AND r.period_id = x.period_id AND r.element_id = x.element_id
      WHERE coalesce(x.value, 0) <> coalesce(r.value, 0)
    ) d
    JOIN admin_unit u ON u.id = d.unit_id JOIN data_element e ON e.id = d.element_id
    ORDER BY u.code, d.period_id, e.code LIMIT ${limit}`;
  const reporting = await db.$queryRaw<{ unit_code: string; period_id: number; what: string; expected: number; found: number }[]>`
    WITH per_unit AS (
      SELECT coalesce(v.unit_id, p.unit_id) AS unit_id, coalesce(v.period_id, p.period_id) AS period_id,
             v.unit_id IS NOT NULL AS reported, coalesce(p.status IN ('APPROVED', 'LOCKED'), false) AS approved
      FROM (SELECT DISTINCT unit_id, period_id FROM data_value) v
      FULL JOIN period_report p ON p.unit_id = v.unit_id AND p.period_id = v.period_id
    ), expected AS (
      SELECT c.ancestor_id AS unit_id, x.period_id,
             count(*) FILTER (WHERE x.reported)::int AS units_reported,
             count(*) FILTER (WHERE x.reported AND u.level = 'RESIDENTIAL_GROUP')::int AS groups_reported,
             count(*) FILTER (WHERE x.approved)::int AS units_approved
      FROM per_unit x JOIN admin_unit u ON u.id = x.unit_id JOIN admin_unit_closure c ON c.descendant_id = x.unit_id
      GROUP BY 1, 2
    ), compared AS (
      SELECT coalesce(x.unit_id, r.unit_id) AS unit_id, coalesce(x.period_id, r.period_id) AS period_id,
             coalesce(x.units_reported, 0) AS eu, coalesce(r.units_reported, 0) AS fu,
             coalesce(x.groups_reported, 0) AS eg, coalesce(r.groups_reported, 0) AS fg,
             coalesce(x.units_approved, 0) AS ea, coalesce(r.units_approved, 0) AS fa
      FROM expected x FULL JOIN rollup_reporting r ON r.unit_id = x.unit_id AND r.period_id = x.period_id
    )
    SELECT u.code AS unit_code, c.period_id, w.what, w.expected, w.found
    FROM compared c JOIN admin_unit u ON u.id = c.unit_id
    CROSS JOIN LATERAL (VALUES ('units_reported', c.eu, c.fu), ('groups_reported', c.eg, c.fg), ('units_approved', c.ea, c.fa)) AS w(what, expected, found)
    WHERE w.expected <> w.found
    ORDER BY u.code, c.period_id LIMIT ${limit}`;
  const [{ count }] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM rollup_value`;
  return {
    checkedValues: Number(count),
    differences: [
      ...values.map((row) => ({ table: "rollup_value" as const, unitCode: row.unit_code, periodId: row.period_id, what: row.element_code, expected: Number(row.expected), found: Number(row.found) })),
      ...reporting.map((row) => ({ table: "rollup_reporting" as const, unitCode: row.unit_code, periodId: row.period_id, what: row.what, expected: row.expected, found: row.found })),
    ],
  };
}

/** Rebuilds every roll-up from the raw values in one transaction. */
export async function repairRollups(): Promise<void> {
  await db.$executeRaw`SELECT rollup_rebuild()`;
}
