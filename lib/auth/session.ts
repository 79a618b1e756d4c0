/**
 * The one place that turns a request into the acting user. The session cookie
 * only names the user; role, scope and the active flag are read from the
 * database on every request, so a deactivated user loses access at once.
 */
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "../db";
import type { Role } from "../generated/prisma/enums";
import { authOptions } from "./options";

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  /** NULL only for ADMIN: the whole country. */
  scopeUnitId: number | null;
  teamId: number | null;
  locale: string;
  /** Set when an administrator chose the password: the user must pick their own first. */
  mustChangePassword: boolean;
}

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: string; sv?: number } | undefined;
  const id = Number(claims?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      fullName: true,
      role: true,
      scopeUnitId: true,
      teamId: true,
      locale: true,
      mustChangePassword: true,
      active: true,
      sessionVersion: true,
    },
  });
  // A deactivated user, or a cookie issued before a password reset, no longer counts.
  if (!user || !user.active || user.sessionVersion !== claims?.sv) return null;
  const { active: _active, sessionVersion: _version, ...sessionUser } = user;
  return sessionUser;
});

/** For pages: the acting user, or a redirect to the sign-in page (or to choose a password first). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (user.mustChangePassword) redirect("/change-password");
  return user;
}
