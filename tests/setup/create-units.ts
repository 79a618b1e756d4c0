/** Builds a small administrative tree for a db test, parents first; returns the ids by code. */
import { db } from "@/lib/db";
import type { UnitLevel } from "@/lib/generated/prisma/enums";

export type UnitSpec = [code: string, level: UnitLevel, kind: string, parent: string | null, name?: string];

export async function createUnits(specs: UnitSpec[]): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const [code, level, kind, parent, name] of specs) {
    ids[code] = (await db.adminUnit.create({ data: { code, name: name ?? code, level, kind, parentId: parent ? ids[parent] : null } })).id;
  }
  return ids;
}
