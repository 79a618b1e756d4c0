/**
 * Finds units and team members by name, with or without Vietnamese diacritics,
 * inside the user's scope only. Members are returned with their team, never
 * with phone numbers: the team's page shows those to whoever may see them.
 */
import "server-only";
import { db } from "../db";
import { foldVietnamese } from "../text";
import type { Actor } from "../auth/authorize";
import type { MemberRole } from "../generated/prisma/enums";

export const SEARCH_LIMIT = 20;

/** The LIKE pattern of a query folded as vi_fold folds names; null when too short to search. */
function likePattern(query: string): string | null {
  const folded = foldVietnamese(query).slice(0, 80);
  if (folded.length < 2) return null;
  // LIKE wildcards typed by the user are searched for literally.
  return `%${folded.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

/** Units in force whose name (or code) matches, inside the user's scope, with their parent to tell namesakes apart. */
async function unitsMatching(actor: Actor, pattern: string, limit: number) {
  const national = actor.role === "ADMIN" && actor.scopeUnitId === null;
  const scope = actor.scopeUnitId ?? -1;
  return db.$queryRaw<{ code: string; name: string; kind: string; level: string; parent_name: string | null; parent_kind: string | null }[]>`
    SELECT u.code, u.name, u.kind, u.level::text, p.name AS parent_name, p.kind AS parent_kind
    FROM admin_unit u LEFT JOIN admin_unit p ON p.id = u.parent_id
    WHERE u.valid_to IS NULL AND (vi_fold(u.name) LIKE ${pattern} OR lower(u.code) LIKE ${pattern})
      AND (${national} OR EXISTS (SELECT 1 FROM admin_unit_closure c WHERE c.ancestor_id = ${scope} AND c.descendant_id = u.id))
    ORDER BY u.level, u.name LIMIT ${limit}`;
}

/** For fields that ask for unit codes: the units a name (typed with or without diacritics) points to. */
export async function findUnitsByName(actor: Actor, query: string, limit = 8) {
  const pattern = likePattern(query);
  return pattern ? unitsMatching(actor, pattern, limit) : [];
}

export async function searchRegistry(actor: Actor, query: string) {
  const pattern = likePattern(query);
  if (!pattern) return { query, units: [], members: [] };
  const national = actor.role === "ADMIN" && actor.scopeUnitId === null;
  const scope = actor.scopeUnitId ?? -1;
  const units = await unitsMatching(actor, pattern, SEARCH_LIMIT);
  const members = await db.$queryRaw<{ id: number; full_name: string; role: MemberRole; team_name: string; unit_code: string; unit_name: string; unit_kind: string }[]>`
    SELECT m.id, m.full_name, m.role::text, t.name AS team_name, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind
    FROM team_member m JOIN team t ON t.id = m.team_id JOIN admin_unit u ON u.id = t.unit_id
    WHERE m.active AND vi_fold(m.full_name) LIKE ${pattern}
      AND (${national} OR EXISTS (SELECT 1 FROM admin_unit_closure c WHERE c.ancestor_id = ${scope} AND c.descendant_id = u.id))
    ORDER BY m.full_name LIMIT ${SEARCH_LIMIT}`;
  return { query, units, members };
}
