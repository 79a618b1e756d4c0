/**
 * Throttles password guessing: 5 failures for one account, or 20 from one
 * address, within 15 minutes block further attempts until the window clears.
 * Counted in PostgreSQL, so the limit holds across several app instances.
 */
import { db } from "../db";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export class SignInThrottledError extends Error {
  constructor(readonly retryAt: Date) {
    super(`THROTTLED:${retryAt.toISOString()}`);
  }
}

/** When a blocked account or address may try again, or null when it may try now. */
export async function throttledUntil(username: string, ipAddress: string, now = new Date()): Promise<Date | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // A successful sign-in clears the account's earlier failures.
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { username, success: true, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const accountFailures = await db.signInAttempt.findMany({
    where: { username, success: false, at: { gte: lastSuccess?.at ?? since } },
    orderBy: { at: "desc" },
    take: MAX_FAILURES_PER_ACCOUNT,
    select: { at: true },
  });
  const addressFailures = await db.signInAttempt.findMany({
    where: { ipAddress, success: false, at: { gte: since } },
    orderBy: { at: "desc" },
    take: MAX_FAILURES_PER_ADDRESS,
    select: { at: true },
  });
  const until = [
    accountFailures.length >= MAX_FAILURES_PER_ACCOUNT ? accountFailures[MAX_FAILURES_PER_ACCOUNT - 1].at : null,
    addressFailures.length >= MAX_FAILURES_PER_ADDRESS ? addressFailures[MAX_FAILURES_PER_ADDRESS - 1].at : null,
  ]
    .filter((at): at is Date => at !== null)
    .map((oldestCounted) => oldestCounted.getTime() + THROTTLE_WINDOW_MS);
  return until.length === 0 ? null : new Date(Math.max(...until));
}

export async function recordSignInAttempt(username: string, ipAddress: string, success: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { username, ipAddress, success } });
}
