/**
 * Reads of the unit tree through the closure table: one indexed lookup each,
 * however deep the tree. Only units still in force (valid_to IS NULL) count.
 */
import { db } from "../db";
import type { UnitLevel } from "../generated/prisma/enums";

export interface UnitSummary {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  kind: string;
  parentId: number | null;
}

/** The columns of a UnitSummary, for Prisma's select. */
export const unitSummarySelect = { id: true, code: true, name: true, level: true, kind: true, parentId: true } as const;
const unitSelect = unitSummarySelect;

/** The unit and every unit below it. */
export async function findSubtree(unitId: number): Promise<UnitSummary[]> {
  return db.adminUnit.findMany({
    where: { ancestors: { some: { ancestorId: unitId } }, validTo: null },
    select: unitSelect,
    orderBy: { id: "asc" },
  });
}

/** The units directly below. */
export async function findChildren(unitId: number): Promise<UnitSummary[]> {
  return db.adminUnit.findMany({ where: { parentId: unitId, validTo: null }, select: unitSelect, orderBy: { id: "asc" } });
}

/** From the top of the tree down to the unit itself. */
export async function findAncestors(unitId: number): Promise<UnitSummary[]> {
  const links = await db.adminUnitClosure.findMany({
    where: { descendantId: unitId },
    orderBy: { depth: "desc" },
    select: { ancestor: { select: unitSelect } },
  });
  return links.map((link) => link.ancestor);
}

/** True when `unitId` is `ancestorId` or lies below it. */
export async function isWithin(ancestorId: number, unitId: number): Promise<boolean> {
  const link = await db.adminUnitClosure.findUnique({
    where: { ancestorId_descendantId: { ancestorId, descendantId: unitId } },
    select: { depth: true },
  });
  return link !== null;
}

export interface UnitCounts {
  residentialGroups: number;
  teams: number;
  members: number;
}

/** Residential groups, active teams and active members in each unit's subtree. */
export async function countBelow(unitIds: number[]): Promise<Map<number, UnitCounts>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ unit_id: number; groups: bigint; teams: bigint; members: bigint }[]>`
    WITH team_size AS (
      SELECT t.id, t.unit_id, count(m.id) AS members
      FROM team t LEFT JOIN team_member m ON m.team_id = t.id AND m.active
      WHERE t.active
      GROUP BY t.id
    ), per_unit AS (
      SELECT unit_id, count(*) AS teams, sum(members) AS members FROM team_size GROUP BY unit_id
    )
    SELECT c.ancestor_id AS unit_id,
           count(*) FILTER (WHERE d.level = 'RESIDENTIAL_GROUP') AS groups,
           coalesce(sum(p.teams), 0)::bigint AS teams,
           coalesce(sum(p.members), 0)::bigint AS members
    FROM admin_unit_closure c
    JOIN admin_unit d ON d.id = c.descendant_id AND d.valid_to IS NULL
    LEFT JOIN per_unit p ON p.unit_id = c.descendant_id
    WHERE c.ancestor_id = ANY(${unitIds}::int[])
    GROUP BY c.ancestor_id`;
  return new Map(
    rows.map((row) => [
      row.unit_id,
      { residentialGroups: Number(row.groups), teams: Number(row.teams), members: Number(row.members) },
    ]),
  );
}
