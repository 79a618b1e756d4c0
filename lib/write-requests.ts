/**
 * The request ids of writes other than a report save (a member's card, an
 * activity): a write sent again after a lost answer, or from a phone's queue
 * days later, is recognised by its id and applied once (table write_request).
 */
import { Prisma } from "./db";
import { AppError } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request id as stored, null when the caller sent none; a malformed one is refused. */
export function requestIdOf(requestId: unknown): string | null {
  if (requestId === undefined) return null;
  if (typeof requestId === "string" && UUID.test(requestId)) return requestId.toLowerCase();
  throw new AppError("INVALID_INPUT", "rules.requestId");
}

/** The entity an earlier write with this id made or changed, or null. */
export async function replayOf(client: Pick<Prisma.TransactionClient, "writeRequest">, requestId: string | null): Promise<number | null> {
  if (!requestId) return null;
  return (await client.writeRequest.findUnique({ where: { id: requestId }, select: { entityId: true } }))?.entityId ?? null;
}

/** Records the write's id in its own transaction: its primary key refuses the same write racing itself. */
export async function recordRequest(tx: Prisma.TransactionClient, requestId: string | null, entityType: string, entityId: number): Promise<void> {
  if (requestId) await tx.writeRequest.create({ data: { id: requestId, entityType, entityId } });
}

/** After a failed write: the entity of the same request that won the race (a unique violation on its id), or null. */
export async function racedReplay(client: Pick<Prisma.TransactionClient, "writeRequest">, error: unknown, requestId: string | null): Promise<number | null> {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" ? replayOf(client, requestId) : null;
}
