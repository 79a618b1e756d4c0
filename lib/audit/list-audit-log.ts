/** The audit log for administrators: newest first, filtered, 50 entries a page. */
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { authorize, type Actor } from "../auth/authorize";

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().trim().toLowerCase().max(100).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  /** Show entries older than this id (keyset paging: stable while new entries arrive). */
  before: z.coerce.bigint().positive().optional().catch(undefined),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export async function listAuditLog(actor: Actor, filter: AuditFilter) {
  await authorize(actor, "audit.read");
  const vietnamMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);
  const entries = await db.auditLog.findMany({
    where: {
      ...(filter.action ? { action: { startsWith: filter.action } } : {}),
      ...(filter.actor ? { actorName: filter.actor } : {}),
      ...(filter.from || filter.to
        ? {
            at: {
              ...(filter.from ? { gte: vietnamMidnight(filter.from) } : {}),
              ...(filter.to ? { lt: new Date(vietnamMidnight(filter.to).getTime() + 86_400_000) } : {}),
            },
          }
        : {}),
      ...(filter.before ? { id: { lt: filter.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = entries.slice(0, AUDIT_PAGE_SIZE);
  return {
    entries: page.map((entry) => ({ ...entry, id: entry.id.toString() })),
    nextBefore: entries.length > AUDIT_PAGE_SIZE ? page[page.length - 1].id.toString() : null,
  };
}
