/** The first page: the map of units the user may see, down to wards, with team and member counts. */
import "server-only";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { compareVietnamese } from "../text";
import { scopeRootIds } from "./scope";
import { countBelow, type UnitCounts, type UnitSummary } from "./tree-queries";

export interface UnitTreeNode extends UnitSummary, UnitCounts {
  children: UnitTreeNode[];
}

export async function getUnitTree(user: SessionUser): Promise<UnitTreeNode[]> {
  const rootIds = await scopeRootIds(user);
  if (rootIds.length === 0) return [];
  // Residential groups are listed on their ward's page: hundreds per district would weigh down a phone.
  const units = await db.adminUnit.findMany({
    where: {
      validTo: null,
      ancestors: { some: { ancestorId: { in: rootIds } } },
      OR: [{ level: { not: "RESIDENTIAL_GROUP" } }, { id: { in: rootIds } }],
    },
    select: { id: true, code: true, name: true, level: true, kind: true, parentId: true },
  });
  const counts = await countBelow(units.map((unit) => unit.id));
  const nodes = new Map<number, UnitTreeNode>(
    units.map((unit) => [
      unit.id,
      { ...unit, ...(counts.get(unit.id) ?? { residentialGroups: 0, teams: 0, members: 0 }), children: [] },
    ]),
  );
  const roots: UnitTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent && !rootIds.includes(node.id)) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitTreeNode[]) => {
    list.sort((a, b) => compareVietnamese(a.name, b.name));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}
