/**
 * What a dashboard or an API call is about: one unit in the user's scope, or
 * the whole country (for national administrators), whose figures are the sum
 * of its provinces'. Outside the scope a unit does not exist (404).
 */
import { db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/authorize";
import { findReadableUnitByCode } from "../units/scope";
import { findAncestors, findChildren, type UnitSummary } from "../units/tree-queries";
import { compareVietnamese } from "../text";
import { addMonths } from "../periods";
import { dayBefore, firstDayOf } from "../reorganisation/map-changes";

export interface DashboardSubject {
  /** null: the whole country. */
  unit: UnitSummary | null;
  /** The units whose roll-ups make up the subject: the unit itself, or every province. */
  rootIds: number[];
  children: UnitSummary[];
  /** From the top of the user's scope down to the parent. */
  breadcrumb: UnitSummary[];
  /** The last day of a unit that has ended (merged, split, abolished); null while it is in force. */
  closedOn: Date | null;
}

export const isNationalActor = (actor: Pick<Actor, "role" | "scopeUnitId">) => actor.role === "ADMIN" && actor.scopeUnitId === null;

const byName = (a: UnitSummary, b: UnitSummary) => compareVietnamese(a.name, b.name);

export async function findDashboardSubject(actor: Actor, code: string | null): Promise<DashboardSubject> {
  if (code === null) {
    if (!isNationalActor(actor)) throw new AppError("NOT_FOUND", "errors.nationalOnly");
    const provinces = await db.adminUnit.findMany({
      where: { parentId: null, validTo: null },
      select: { id: true, code: true, name: true, level: true, kind: true, parentId: true },
    });
    return { unit: null, rootIds: provinces.map((province) => province.id), children: provinces.sort(byName), breadcrumb: [], closedOn: null };
  }
  const unit = await findReadableUnitByCode(actor, code);
  const [ancestors, children] = await Promise.all([findAncestors(unit.id), findChildren(unit.id)]);
  // The breadcrumb starts at the top of the user's own scope, not above it.
  const scopeIndex = actor.scopeUnitId === null ? 0 : ancestors.findIndex((ancestor) => ancestor.id === actor.scopeUnitId);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level, kind: unit.kind, parentId: unit.parentId },
    rootIds: [unit.id],
    children: children.sort(byName),
    breadcrumb: ancestors.slice(Math.max(scopeIndex, 0), -1),
    closedOn: unit.validTo,
  };
}

/**
 * Residential groups below each unit that were in force in `month`: the
 * denominator of data completeness. Today's count comes from the roll-up the
 * triggers keep; a month before a reorganisation differs from it only by the
 * few groups created since (not there yet) and closed since (there then, and
 * still hanging below the unit that carries them on), so those are counted
 * apart. Without that, a group that took in two others read "3 of 1 reported"
 * for the months before the merger.
 */
export async function groupsBelow(unitIds: number[], month?: number): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ unit_id: number; groups: number }[]>`
    SELECT unit_id, groups FROM rollup_units WHERE unit_id = ANY(${unitIds}::int[]) AND groups > 0`;
  const result = new Map(rows.map((row) => [row.unit_id, row.groups]));
  if (month === undefined) return result;
  const start = firstDayOf(month);
  const end = dayBefore(addMonths(month, 1));
  const changes = await db.$queryRaw<{ unit_id: number; delta: bigint }[]>`
    SELECT c.ancestor_id AS unit_id,
           sum(CASE WHEN u.valid_to IS NULL THEN -1 WHEN u.valid_to >= ${start}::date AND u.valid_from <= ${end}::date THEN 1 ELSE 0 END) AS delta
    FROM admin_unit u JOIN admin_unit_closure c ON c.descendant_id = u.id AND c.ancestor_id = ANY(${unitIds}::int[])
    WHERE u.level = 'RESIDENTIAL_GROUP' AND (u.valid_to IS NOT NULL OR u.valid_from > ${end}::date)
    GROUP BY 1`;
  for (const change of changes) {
    const groups = (result.get(change.unit_id) ?? 0) + Number(change.delta);
    if (groups > 0) result.set(change.unit_id, groups);
    else result.delete(change.unit_id);
  }
  return result;
}
