/** The reorganisations a user may see: all for a national administrator, else those that touched units of their scope. */
import { db } from "../db";
import type { ReorganisationKind } from "../generated/prisma/enums";
import { authorizeListing, type Actor } from "../auth/authorize";
import { unitDisplayName } from "../units/display-name";

export interface ReorganisationListing {
  id: number;
  kind: ReorganisationKind;
  effectiveOn: Date;
  decisionRef: string;
  reason: string;
  actorName: string;
  createdAt: Date;
  /** "A, B → C" for each lineage of the change. */
  lineage: { from: string; to: string; weight: number }[];
}

export async function listReorganisations(actor: Actor, limit = 50): Promise<ReorganisationListing[]> {
  await authorizeListing(actor, "units.reorganise");
  const national = actor.role === "ADMIN" && actor.scopeUnitId === null;
  const rows = await db.$queryRaw<{ id: number; kind: ReorganisationKind; effective_on: Date; decision_ref: string; reason: string; actor_name: string; created_at: Date }[]>`
    SELECT r.id, r.kind::text, r.effective_on, r.decision_ref, r.reason, r.actor_name, r.created_at FROM reorganisation r
    WHERE ${national} OR r.id IN (
      SELECT l.reorganisation_id FROM unit_lineage l JOIN admin_unit_closure c ON c.descendant_id = l.to_unit_id WHERE c.ancestor_id = ${actor.scopeUnitId}
      UNION SELECT h.reorganisation_id FROM unit_parent_history h JOIN admin_unit_closure c ON c.descendant_id = h.unit_id WHERE c.ancestor_id = ${actor.scopeUnitId}
    )
    ORDER BY r.effective_on DESC, r.id DESC LIMIT ${limit}`;
  const links = await db.$queryRaw<{ reorganisation_id: number; from_kind: string; from_name: string; to_kind: string; to_name: string; weight: string }[]>`
    SELECT l.reorganisation_id, f.kind AS from_kind, f.name AS from_name, t.kind AS to_kind, t.name AS to_name, l.weight::text
    FROM unit_lineage l JOIN admin_unit f ON f.id = l.from_unit_id JOIN admin_unit t ON t.id = l.to_unit_id
    WHERE l.reorganisation_id = ANY(${rows.map((row) => row.id)}::int[]) ORDER BY l.reorganisation_id, f.name`;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    effectiveOn: row.effective_on,
    decisionRef: row.decision_ref,
    reason: row.reason,
    actorName: row.actor_name,
    createdAt: row.created_at,
    lineage: links.filter((link) => link.reorganisation_id === row.id).map((link) => ({
        from: unitDisplayName({ kind: link.from_kind, name: link.from_name }),
        to: unitDisplayName({ kind: link.to_kind, name: link.to_name }),
        weight: Number(link.weight),
      })),
  }));
}
