import type { Actor } from "../auth/authorize";

/** How long the author may still change their own record without a reason. */
export const AUTHOR_EDIT_DAYS = 7;

/**
 * Who may change an activity record now: its author within 7 days of logging
 * it; after that, or someone else's record, only the ward (or an
 * administrator), as a correction with a reason; nobody else.
 */
export function editRightOf(actor: Actor, activity: { createdById: number | null; createdAt: Date }, now = new Date()): "author" | "correction" | null {
  const withinWeek = now.getTime() - activity.createdAt.getTime() <= AUTHOR_EDIT_DAYS * 24 * 3600 * 1000;
  if (activity.createdById === actor.id && withinWeek) return "author";
  return actor.role === "WARD_OFFICIAL" || actor.role === "ADMIN" ? "correction" : null;
}
