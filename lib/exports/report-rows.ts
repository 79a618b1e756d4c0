/**
 * The large parts of a report, read in bounded batches so that a province with
 * all its residential groups and 12 months never sits in memory at once: the
 * raw figures of every reporting unit below, and every team member.
 */
import { db } from "../db";
import { periodOfDate } from "../periods";
import { unitDisplayName } from "../units/display-name";
import { dateLabel } from "./report-labels";

const UNIT_BATCH = 100; // 1,200 rows a batch for 12 months: memory stays flat however large the province

export interface ValueRow {
  unitCode: string;
  unitName: string;
  parentName: string;
  level: string;
  period: number;
  /** By element id. */
  values: Map<number, number>;
  /** For a unit that has ended: since when, and which unit carries its figures on (on today's map they count there). */
  note: string;
}

/** "Ngừng hoạt động sau ngày 30/06/2025; số liệu do Phường Trần Phú (10507) kế thừa từ 01/07/2025." */
async function endNotes(units: { id: number; valid_to: Date | null }[]): Promise<Map<number, string>> {
  const ended = units.filter((unit) => unit.valid_to !== null);
  if (ended.length === 0) return new Map();
  const links = await db.$queryRaw<{ from_unit_id: number; code: string; name: string; kind: string; weight: string }[]>`
    SELECT l.from_unit_id, t.code, t.name, t.kind, l.weight::text FROM unit_lineage l JOIN admin_unit t ON t.id = l.to_unit_id
    WHERE l.from_unit_id = ANY(${ended.map((unit) => unit.id)}::int[]) ORDER BY l.from_unit_id, l.weight DESC, t.code`;
  return new Map(
    ended.map((unit) => {
      const successors = links.filter((link) => link.from_unit_id === unit.id);
      const next = new Date(unit.valid_to!.getTime() + 86_400_000);
      const names = successors.map((link) => `${unitDisplayName(link)} (${link.code})${Number(link.weight) < 1 ? ` ${(Number(link.weight) * 100).toLocaleString("vi-VN", { maximumFractionDigits: 2 })}%` : ""}`).join(", ");
      return [unit.id, `Ngừng hoạt động sau ngày ${dateLabel(unit.valid_to)}${names ? `; số liệu do ${names} kế thừa từ ${dateLabel(next)}` : ""}.`];
    }),
  );
}

/** Reporting units (wards and groups) below the unit, month by month, in unit-code order. */
export async function* valueRows(unitId: number, from: number, to: number): AsyncGenerator<ValueRow[]> {
  let afterCode = "";
  for (;;) {
    const units = await db.$queryRaw<{ id: number; code: string; name: string; level: string; parent_name: string | null; valid_from: Date; valid_to: Date | null }[]>`
      SELECT u.id, u.code, u.name, u.level::text, p.name AS parent_name, u.valid_from, u.valid_to
      FROM admin_unit_closure c JOIN admin_unit u ON u.id = c.descendant_id AND u.level IN ('WARD', 'RESIDENTIAL_GROUP')
      LEFT JOIN admin_unit p ON p.id = u.parent_id
      WHERE c.ancestor_id = ${unitId} AND u.code > ${afterCode}
      ORDER BY u.code LIMIT ${UNIT_BATCH}`;
    if (units.length === 0) return;
    afterCode = units.at(-1)!.code;
    const values = await db.$queryRaw<{ unit_id: number; period_id: number; element_id: number; value: number }[]>`
      SELECT unit_id, period_id, element_id, value FROM data_value
      WHERE unit_id = ANY(${units.map((unit) => unit.id)}::int[]) AND period_id BETWEEN ${from} AND ${to}
      UNION ALL -- the month's activity figures of the unit's teams (ACTIVITIES, HELPED_…)
      SELECT unit_id, period_id, element_id, sum(value)::int FROM activity_figure
      WHERE unit_id = ANY(${units.map((unit) => unit.id)}::int[]) AND period_id BETWEEN ${from} AND ${to}
      GROUP BY 1, 2, 3`;
    const byKey = new Map<string, Map<number, number>>();
    for (const value of values) {
      const key = `${value.unit_id}:${value.period_id}`;
      if (!byKey.has(key)) byKey.set(key, new Map());
      byKey.get(key)!.set(value.element_id, value.value);
    }
    const notes = await endNotes(units);
    const rows: ValueRow[] = [];
    for (const unit of units) {
      // Only the months the unit existed: none before it was formed, none after it ended.
      const first = Math.max(from, periodOfDate(unit.valid_from));
      const last = unit.valid_to ? Math.min(to, periodOfDate(unit.valid_to)) : to;
      for (let period = first; period <= last; period = period % 100 === 12 ? period + 89 : period + 1) {
        const figures = byKey.get(`${unit.id}:${period}`);
        // A unit that has not reported a month still gets its row: a gap is information too.
        rows.push({ unitCode: unit.code, unitName: unit.name, parentName: unit.parent_name ?? "", level: unit.level, period, values: figures ?? new Map(), note: notes.get(unit.id) ?? "" });
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
