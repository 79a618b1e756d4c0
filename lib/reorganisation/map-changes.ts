/**
 * The primitive changes of the map, inside the reorganisation's transaction.
 * Units are never deleted: a unit that ends is closed (valid_to) and hangs
 * under the unit that carries it on, so that today's map (parent_id, the
 * closure table and the roll-ups, all kept by triggers) adds its history to
 * the receiver; the parent it had before is kept in unit_parent_history for
 * the map of that time.
 */
import type { Prisma } from "../db";
import { periodCode } from "../periods";
import type { UnitLevel } from "../generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** The first day of a month yyyymm, as a date at UTC midnight (a DATE column). */
export const firstDayOf = (period: number) => new Date(`${periodCode(period)}-01T00:00:00Z`);
/** The last day before a month yyyymm. */
export const dayBefore = (period: number) => new Date(firstDayOf(period).getTime() - 24 * 3600 * 1000);

export async function moveUnit(tx: Tx, reorganisationId: number, unit: { id: number; parentId: number | null }, newParentId: number, untilPeriod: number): Promise<void> {
  // Two changes in the same month: the first one's parent is the one that was in force.
  await tx.$executeRaw`
    INSERT INTO unit_parent_history (unit_id, until_period, parent_id, reorganisation_id)
    VALUES (${unit.id}, ${untilPeriod}, ${unit.parentId}, ${reorganisationId})
    ON CONFLICT (unit_id, until_period) DO NOTHING`;
  await tx.$executeRaw`UPDATE admin_unit SET parent_id = ${newParentId}, updated_at = now() WHERE id = ${unit.id}`;
}

export async function closeUnit(tx: Tx, unitId: number, effectivePeriod: number): Promise<void> {
  await tx.adminUnit.update({ where: { id: unitId }, data: { validTo: dayBefore(effectivePeriod) } });
}

export async function createUnit(
  tx: Tx,
  unit: { code: string; name: string; level: UnitLevel; kind: string; parentId: number | null },
  effectivePeriod: number,
): Promise<number> {
  const created = await tx.adminUnit.create({ data: { ...unit, validFrom: firstDayOf(effectivePeriod) }, select: { id: true } });
  return created.id;
}

/** The live units directly below. */
export async function liveChildren(tx: Tx, unitId: number) {
  return tx.adminUnit.findMany({ where: { parentId: unitId, validTo: null }, select: { id: true, code: true, name: true, parentId: true, level: true }, orderBy: { id: "asc" } });
}
