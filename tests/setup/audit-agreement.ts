/**
 * Whether the audit log agrees with the figures: every cell that the log says
 * was written (by a form save or an import) since audit entry `sinceId` holds
 * the value of its latest entry. Writes to one cell queue on their report's
 * row lock, so the latest entry is the last committed write. Returns the
 * disagreements, one line each.
 */
import type { Client } from "pg";

export async function auditDisagreements(sql: Client, sinceId: number): Promise<string[]> {
  const { rows } = await sql.query(
    `WITH latest AS (
       SELECT DISTINCT ON (entity_id) entity_id, (after->>'value')::int AS logged FROM audit_log
       WHERE id > $1 AND action IN ('values.save', 'values.import') ORDER BY entity_id, id DESC
     ), cells AS (
       SELECT u.code || '/' || to_char(make_date(v.period_id / 100, v.period_id % 100, 1), 'YYYY-MM') || '/' || e.code AS entity_id, v.value
       FROM data_value v JOIN admin_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
     )
     SELECT l.entity_id, l.logged, c.value FROM latest l LEFT JOIN cells c USING (entity_id)
     WHERE c.value IS DISTINCT FROM l.logged`,
    [sinceId],
  );
  return rows.map((row) => `${row.entity_id}: logged ${row.logged}, stored ${row.value}`);
}

/** The id of the newest audit entry: entries after it are the test's. */
export async function lastAuditId(sql: Client): Promise<number> {
  return Number((await sql.query("SELECT coalesce(max(id), 0) AS id FROM audit_log")).rows[0].id);
}
