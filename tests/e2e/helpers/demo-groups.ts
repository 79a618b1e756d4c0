/**
 * Queries on the demo data that several browser tests share: which groups of
 * a ward have a month still to report, and what a group reported before (typed
 * again, those figures raise no "changed a lot" warning).
 */
import type { Client } from "pg";
import { LATEST, PREVIOUS } from "./demo-months";
import { addMonths } from "@/lib/periods";
import { CHANGE_WARNING_RATIO, MIN_CHANGE_FOR_REASON } from "@/lib/schemas/figure-rules";

/** Groups of the ward that reported `previous` but nothing yet for `month`, by code. A test that saves one takes it off the list. */
export async function unreportedGroups(sql: Client, wardCode = "20206", month = LATEST, previous = PREVIOUS): Promise<string[]> {
  const { rows } = await sql.query(
    `SELECT u.code FROM admin_unit u JOIN admin_unit p ON p.id = u.parent_id AND p.code = $1
     WHERE NOT EXISTS (SELECT 1 FROM data_value v WHERE v.unit_id = u.id AND v.period_id = $2)
       AND EXISTS (SELECT 1 FROM data_value v WHERE v.unit_id = u.id AND v.period_id = $3) ORDER BY u.code`,
    [wardCode, month, previous],
  );
  return rows.map((row) => row.code as string);
}

/** A unit's stored figures for a month, by element code. */
export async function storedFigures(sql: Client, unitCode: string, periodId: number): Promise<Record<string, number>> {
  const { rows } = await sql.query(
    `SELECT e.code, v.value FROM data_value v JOIN data_element e ON e.id = v.element_id JOIN admin_unit u ON u.id = v.unit_id
     WHERE u.code = $1 AND v.period_id = $2`,
    [unitCode, periodId],
  );
  return Object.fromEntries(rows.map((row) => [row.code as string, Number(row.value)]));
}

/**
 * Groups of the ward that reported every figure of `month` and of the month
 * before, with no figure that the form would ask a reason for as it stands:
 * the ones a test may open and change one figure of (which groups those are
 * depends on the demo's anchor, so tests ask instead of naming one).
 */
export async function reportedGroups(sql: Client, wardCode = "20206", month = LATEST): Promise<string[]> {
  const { rows } = await sql.query(
    `WITH elements AS (SELECT count(*) AS n FROM data_element WHERE collection_level = 'RESIDENTIAL_GROUP' AND source = 'FORM')
     SELECT u.code FROM admin_unit u JOIN admin_unit p ON p.id = u.parent_id AND p.code = $1
     WHERE u.valid_to IS NULL
       AND (SELECT count(*) FROM data_value v WHERE v.unit_id = u.id AND v.period_id = $2) = (SELECT n FROM elements)
       AND (SELECT count(*) FROM data_value v WHERE v.unit_id = u.id AND v.period_id = $3) = (SELECT n FROM elements)
       AND NOT EXISTS (
         SELECT 1 FROM data_value v JOIN data_value b ON b.unit_id = v.unit_id AND b.element_id = v.element_id AND b.period_id = $3
         WHERE v.unit_id = u.id AND v.period_id = $2 AND b.value > 0
           AND abs(v.value - b.value) > $4::float8 * b.value AND abs(v.value - b.value) >= $5::int)
     ORDER BY u.code`,
    [wardCode, month, addMonths(month, -1), CHANGE_WARNING_RATIO, MIN_CHANGE_FOR_REASON],
  );
  if (rows.length < 3) throw new Error(`only ${rows.length} groups of ${wardCode} can be re-saved as they stand in ${month}: the demo's figures jump too much`);
  return rows.map((row) => row.code as string);
}

