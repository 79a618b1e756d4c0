/**
 * The roll-ups recomputed from the raw values and compared with the ones the
 * triggers keep: any difference is drift and is reported (unit, month,
 * element, expected, found). Read-only; `repairRollups` rebuilds them.
 */
import { db } from "../db";

export interface RollupDifference {
  table: "rollup_value" | "rollup_reporting" | "rollup_members" | "rollup_units";
  unitCode: string;
  /** null for the counts that have no month (members, groups, teams). */
  periodId: number | null;
  what: string;
  expected: number;
  found: number;
}

/**
 * `periodIds` limits the figures and reporting counts to those months (the
 * benchmark checks the month its concurrent writers touched: a full check
 * reads every figure, over 15 minutes at national scale).
 */
export async function verifyRollups(limit = 100, options: { periodIds?: number[] } = {}): Promise<{ differences: RollupDifference[]; checkedValues: number }> {
  const periods = options.periodIds ?? null;
  // Everything a reader depends on: each sum, each row's count of figures below, and that a row
  // exists exactly where something below reported (a reported 0 is a row of value 0, not no row).
  const values = await db.$queryRaw<{ unit_code: string; period_id: number; element_code: string; what: string; expected: bigint; found: bigint }[]>`
    WITH expected AS (
      SELECT c.ancestor_id AS unit_id, v.period_id, v.element_id, sum(v.value) AS value, sum(v.figures) AS figures
      FROM (
        SELECT unit_id, period_id, element_id, value::bigint AS value, 1 AS figures FROM data_value
        UNION ALL -- the shares of split units that today's map carries (reorganisations)
        SELECT unit_id, period_id, element_id, value, CASE WHEN received THEN 1 ELSE 0 END FROM carried_value
        UNION ALL -- each activity record's figures (the activity_figures migration)
        SELECT unit_id, period_id, element_id, value, 1 FROM activity_figure
      ) v JOIN admin_unit_closure c ON c.descendant_id = v.unit_id
      WHERE ${periods}::int[] IS NULL OR v.period_id = ANY(${periods}::int[])
      GROUP BY 1, 2, 3
      HAVING sum(v.figures) > 0
    ), found AS (
      SELECT * FROM rollup_value WHERE ${periods}::int[] IS NULL OR period_id = ANY(${periods}::int[])
    ), compared AS (
      SELECT coalesce(x.unit_id, r.unit_id) AS unit_id, coalesce(x.period_id, r.period_id) AS period_id,
             coalesce(x.element_id, r.element_id) AS element_id,
             coalesce(x.value, 0) AS ev, coalesce(r.value, 0) AS fv, coalesce(x.figures, 0) AS ef, coalesce(r.figures, 0) AS ff,
             (x.unit_id IS NOT NULL)::int AS er, (r.unit_id IS NOT NULL)::int AS fr
      FROM expected x FULL JOIN found r ON r.unit_id = x.unit_id AND r.period_id = x.period_id AND r.element_id = x.element_id
      WHERE x.unit_id IS NULL OR r.unit_id IS NULL OR x.value <> r.value OR x.figures <> r.figures
    )
    SELECT u.code AS unit_code, d.period_id, e.code AS element_code, w.what, w.expected, w.found
    FROM compared d JOIN admin_unit u ON u.id = d.unit_id JOIN data_element e ON e.id = d.element_id
    CROSS JOIN LATERAL (VALUES ('value', d.ev, d.fv), ('figures', d.ef::bigint, d.ff::bigint), ('row', d.er::bigint, d.fr::bigint)) AS w(what, expected, found)
    WHERE w.expected <> w.found
    ORDER BY u.code, d.period_id, e.code, w.what LIMIT ${limit}`;
  const reporting = await db.$queryRaw<{ unit_code: string; period_id: number; what: string; expected: number; found: number }[]>`
    WITH per_unit AS (
      SELECT coalesce(v.unit_id, p.unit_id) AS unit_id, coalesce(v.period_id, p.period_id) AS period_id,
             v.unit_id IS NOT NULL AS reported, coalesce(p.status IN ('APPROVED', 'LOCKED'), false) AS approved
      FROM (SELECT DISTINCT unit_id, period_id FROM data_value WHERE NOT from_activities AND (${periods}::int[] IS NULL OR period_id = ANY(${periods}::int[]))) v
      FULL JOIN (SELECT * FROM period_report WHERE ${periods}::int[] IS NULL OR period_id = ANY(${periods}::int[])) p
        ON p.unit_id = v.unit_id AND p.period_id = v.period_id
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
      FROM expected x FULL JOIN (SELECT * FROM rollup_reporting WHERE ${periods}::int[] IS NULL OR period_id = ANY(${periods}::int[])) r
        ON r.unit_id = x.unit_id AND r.period_id = x.period_id
    )
    SELECT u.code AS unit_code, c.period_id, w.what, w.expected, w.found
    FROM compared c JOIN admin_unit u ON u.id = c.unit_id
    CROSS JOIN LATERAL (VALUES ('units_reported', c.eu, c.fu), ('groups_reported', c.eg, c.fg), ('units_approved', c.ea, c.fa)) AS w(what, expected, found)
    WHERE w.expected <> w.found
    ORDER BY u.code, c.period_id LIMIT ${limit}`;
  const members = await db.$queryRaw<{ unit_code: string; what: string; expected: bigint; found: bigint }[]>`
    WITH expected AS (
      SELECT c.ancestor_id AS unit_id, m.affiliation::text AS affiliation, coalesce(m.birth_year, 0) AS birth_year,
             m.trained_on IS NOT NULL AS trained, count(*) AS members
      FROM team_member m JOIN team t ON t.id = m.team_id AND t.active JOIN admin_unit_closure c ON c.descendant_id = t.unit_id
      WHERE m.active GROUP BY 1, 2, 3, 4
    )
    SELECT u.code AS unit_code, d.affiliation || ' ' || d.birth_year || CASE WHEN d.trained THEN ' trained' ELSE '' END AS what,
           coalesce(d.expected, 0) AS expected, coalesce(d.found, 0) AS found
    FROM (
      SELECT coalesce(x.unit_id, r.unit_id) AS unit_id, coalesce(x.affiliation, r.affiliation) AS affiliation,
             coalesce(x.birth_year, r.birth_year) AS birth_year, coalesce(x.trained, r.trained) AS trained, x.members AS expected, r.members AS found
      FROM expected x FULL JOIN rollup_members r
        ON r.unit_id = x.unit_id AND r.affiliation = x.affiliation AND r.birth_year = x.birth_year AND r.trained = x.trained
      WHERE coalesce(x.members, 0) <> coalesce(r.members, 0)
    ) d JOIN admin_unit u ON u.id = d.unit_id
    ORDER BY 1, 2 LIMIT ${limit}`;
  const units = await db.$queryRaw<{ unit_code: string; what: string; expected: bigint; found: bigint }[]>`
    WITH expected AS (
      SELECT c.ancestor_id AS unit_id, sum(x.groups) AS groups, sum(x.teams) AS teams
      FROM (
        SELECT id AS unit_id, 1 AS groups, 0 AS teams FROM admin_unit WHERE level = 'RESIDENTIAL_GROUP' AND valid_to IS NULL
        UNION ALL SELECT unit_id, 0, 1 FROM team WHERE active
      ) x JOIN admin_unit_closure c ON c.descendant_id = x.unit_id
      GROUP BY 1
    ), compared AS (
      SELECT coalesce(x.unit_id, r.unit_id) AS unit_id, coalesce(x.groups, 0) AS eg, coalesce(r.groups, 0) AS fg,
             coalesce(x.teams, 0) AS et, coalesce(r.teams, 0) AS ft
      FROM expected x FULL JOIN rollup_units r ON r.unit_id = x.unit_id
    )
    SELECT u.code AS unit_code, w.what, w.expected, w.found
    FROM compared c JOIN admin_unit u ON u.id = c.unit_id
    CROSS JOIN LATERAL (VALUES ('groups', c.eg, c.fg), ('teams', c.et, c.ft)) AS w(what, expected, found)
    WHERE w.expected <> w.found
    ORDER BY 1, 2 LIMIT ${limit}`;
  const [{ count }] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM rollup_value WHERE ${periods}::int[] IS NULL OR period_id = ANY(${periods}::int[])`;
  return {
    checkedValues: Number(count),
    differences: [
      // "ADULTS" for a sum, "ADULTS figures" for the count of figures below, "ADULTS row" for a row missing (expected 1) or extra (found 1).
      ...values.map((row) => ({ table: "rollup_value" as const, unitCode: row.unit_code, periodId: row.period_id, what: row.what === "value" ? row.element_code : `${row.element_code} ${row.what}`, expected: Number(row.expected), found: Number(row.found) })),
      ...reporting.map((row) => ({ table: "rollup_reporting" as const, unitCode: row.unit_code, periodId: row.period_id, what: row.what, expected: row.expected, found: row.found })),
      ...members.map((row) => ({ table: "rollup_members" as const, unitCode: row.unit_code, periodId: null, what: row.what, expected: Number(row.expected), found: Number(row.found) })),
      ...units.map((row) => ({ table: "rollup_units" as const, unitCode: row.unit_code, periodId: null, what: row.what, expected: Number(row.expected), found: Number(row.found) })),
    ],
  };
}

/** Rebuilds every roll-up from the raw values in one transaction. */
export async function repairRollups(): Promise<void> {
  await db.$executeRaw`SELECT rollup_rebuild()`;
}
