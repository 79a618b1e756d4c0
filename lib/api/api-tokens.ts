/**
 * Read-API tokens: a random secret shown once, stored only as its SHA-256.
 * A token acts as its user, with the user's role and scope read afresh on every
 * request, so deactivating the user or revoking the token ends access at once.
 */
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import type { SessionUser } from "../auth/session";

const PREFIX = "tcns_";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a token for the user; the returned secret is never stored and cannot be shown again. */
export async function issueApiToken(actor: Actor, userId: number, name: string): Promise<{ ok: true; token: string; id: number }> {
  await authorize(actor, "tokens.manage", { userId });
  const label = name.normalize("NFC").trim() || "API";
  if (label.length > 80) throw new AppError("INVALID_INPUT", "errors.tokenLabelLong");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, active: true, username: true } });
  if (!user) throw new AppError("NOT_FOUND", "errors.accountNotFound");
  if (!user.active) throw new AppError("INVALID_INPUT", "errors.tokenAccountLocked");
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId, name: label, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6), createdBy: actor.username } });
    await writeAuditLog(tx, actor, { action: "tokens.issue", entityType: "api_token", entityId: row.id, after: { userId, username: user.username, name: label, prefix: row.prefix } });
    return row;
  });
  return { ok: true, token, id: created.id };
}

export async function revokeApiToken(actor: Actor, tokenId: number): Promise<{ ok: true }> {
  const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, userId: true, revokedAt: true, prefix: true } });
  if (!token) throw new AppError("NOT_FOUND", "errors.tokenNotFound");
  await authorize(actor, "tokens.manage", { userId: token.userId });
  if (token.revokedAt) return { ok: true };
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await writeAuditLog(tx, actor, { action: "tokens.revoke", entityType: "api_token", entityId: token.id, before: { prefix: token.prefix } });
  });
  return { ok: true };
}

export async function listApiTokens(actor: Actor, userId: number) {
  await authorize(actor, "tokens.manage", { userId });
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, createdBy: true, lastUsedAt: true, revokedAt: true },
  });
}

/** The user a bearer token acts as, or null for an unknown, revoked or deactivated one. */
export async function userOfApiToken(token: string): Promise<SessionUser | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, username: true, fullName: true, role: true, scopeUnitId: true, teamId: true, locale: true, active: true } },
    },
  });
  if (!row || row.revokedAt || !row.user.active) return null;
  // Last use to the minute is enough to spot a forgotten token, without a write per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { active: _active, ...user } = row.user;
  return { ...user, mustChangePassword: false };
}
