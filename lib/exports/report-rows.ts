/**
 * The large parts of a report, read in bounded batches so that a province with
 * all its residential groups and 12 months never sits in memory at once: the
 * raw figures of every reporting unit below, and every team member.
 */
import { db } from "../db";

const UNIT_BATCH = 100; // 1,200 rows a batch for 12 months: memory stays flat however large the province

export interface ValueRow {
  unitCode: string;
  unitName: string;
  parentName: string;
  level: string;
  period: number;
  /** By element id. */
  values: Map<number, number>;
}

/** Reporting units (wards and groups) below the unit, month by month, in unit-code order. */
export async function* valueRows(unitId: number, from: number, to: number): AsyncGenerator<ValueRow[]> {
  let afterCode = "";
  for (;;) {
    const units = await db.$queryRaw<{ id: number; code: string; name: string; level: string; parent_name: string | null }[]>`
      SELECT u.id, u.code, u.name, u.level::text, p.name AS parent_name
      FROM admin_unit_closure c JOIN admin_unit u ON u.id = c.descendant_id AND u.level IN ('WARD', 'RESIDENTIAL_GROUP')
      LEFT JOIN admin_unit p ON p.id = u.parent_id
      WHERE c.ancestor_id = ${unitId} AND u.code > ${afterCode}
      ORDER BY u.code LIMIT ${UNIT_BATCH}`;
    if (units.length === 0) return;
    afterCode = units.at(-1)!.code;
    const values = await db.$queryRaw<{ unit_id: number; period_id: number; element_id: number; value: number }[]>`
      SELECT unit_id, period_id, element_id, value FROM data_value
      WHERE unit_id = ANY(${units.map((unit) => unit.id)}::int[]) AND period_id BETWEEN ${from} AND ${to}`;
    const byKey = new Map<string, Map<number, number>>();
    for (const value of values) {
      const key = `${value.unit_id}:${value.period_id}`;
      if (!byKey.has(key)) byKey.set(key, new Map());
      byKey.get(key)!.set(value.element_id, value.value);
    }
    const rows: ValueRow[] = [];
    for (const unit of units) {
      for (let period = from; period <= to; period = period % 100 === 12 ? period + 89 : period + 1) {
        const figures = byKey.get(`${unit.id}:${period}`);
        // A unit that has not reported a month still gets its row: a gap is information too.
        rows.push({ unitCode: unit.code, unitName: unit.name, parentName: unit.parent_name ?? "", level: unit.level, period, values: figures ?? new Map() });
      }
    }
    yield rows;
  }
}

export interface MemberRow {
  teamCode: string;
  teamName: string;
  unitName: string;
  teamActive: boolean;
  fullName: string;
  role: string;
  affiliation: string;
  birthYear: number | null;
  gender: string | null;
  phone: string | null;
  trainedOn: Date | null;
}

/** Active members of the teams below the unit, team by team. Phones are personal data: only inside the scope, which the caller has checked. */
export async function* memberRows(unitId: number): AsyncGenerator<MemberRow[]> {
  let afterTeam = "";
  let afterId = 0;
  for (;;) {
    const rows = await db.$queryRaw<(MemberRow & { id: number })[]>`
      SELECT m.id, t.code AS "teamCode", t.name AS "teamName", u.name AS "unitName", t.active AS "teamActive",
             m.full_name AS "fullName", m.role::text AS role, m.affiliation::text AS affiliation, m.birth_year AS "birthYear",
             m.gender::text AS gender, m.phone, m.trained_on AS "trainedOn"
      FROM admin_unit_closure c JOIN team t ON t.unit_id = c.descendant_id JOIN admin_unit u ON u.id = t.unit_id
      JOIN team_member m ON m.team_id = t.id AND m.active
      WHERE c.ancestor_id = ${unitId} AND (t.code, m.id) > (${afterTeam}, ${afterId})
      ORDER BY t.code, m.id LIMIT 2000`;
    if (rows.length === 0) return;
    afterTeam = rows.at(-1)!.teamCode;
    afterId = rows.at(-1)!.id;
    yield rows;
  }
}
