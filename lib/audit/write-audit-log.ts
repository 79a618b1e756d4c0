/** Appends to the audit log inside the caller's transaction, so the record and the change commit together. */
import type { Prisma } from "../generated/prisma/client";

export interface AuditActor {
  id: number | null;
  username: string;
}

/** Command-line operations and the seed act as the system. */
export const SYSTEM_ACTOR: AuditActor = { id: null, username: "system" };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  unitId?: number | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  reason?: string | null;
}

type AuditWriter = { auditLog: { create: (args: { data: Prisma.AuditLogUncheckedCreateInput }) => Promise<unknown> } };

export async function writeAuditLog(tx: AuditWriter, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorName: actor.username,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      unitId: entry.unitId ?? null,
      before: entry.before,
      after: entry.after,
      reason: entry.reason ?? null,
    },
  });
}
