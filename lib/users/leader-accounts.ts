/**
 * Team leaders' accounts, kept by the ward: one account per team, bound to the
 * team and scoped to its residential group, so that the leader enters their
 * group's month and keeps its member list. The ward creates them one by one or
 * for every team without one, and hands out the one-time passwords on a
 * printed sheet at the next ward meeting; it resets and deactivates them too.
 * Every change is audited; a password is never stored, only shown once.
 */
import { db, Prisma } from "../db";
import { AppError } from "../errors";
import { isRowId } from "../ids";
import { authorize, type Actor } from "../auth/authorize";
import { hashPassword } from "../auth/password";
import { writeAuditLog } from "../audit/write-audit-log";
import { compareVietnamese, foldVietnamese } from "../text";
import { unitDisplayName } from "../units/display-name";
import { temporaryPassword } from "./temporary-password";
import { languageOf, say } from "../i18n/translate";

export interface LeaderSheetRow {
  fullName: string;
  team: string;
  group: string;
  username: string;
  password: string;
}

async function wardOf(actor: Actor, wardCode: string) {
  const ward = await db.adminUnit.findUnique({ where: { code: wardCode }, select: { id: true, code: true, name: true, kind: true, level: true } });
  if (!ward) throw new AppError("NOT_FOUND", "errors.unitNotFound", { code: wardCode });
  await authorize(actor, "leaders.manage", { unitId: ward.id }, { hideExistence: true });
  if (ward.level !== "WARD") throw new AppError("INVALID_INPUT", "errors.leadersWard");
  return ward;
}

/** The active teams of the ward's residential groups, with their leader (from the member list) and their accounts. */
async function wardTeams(wardId: number) {
  const teams = await db.team.findMany({
    where: { active: true, unit: { level: "RESIDENTIAL_GROUP", validTo: null, ancestors: { some: { ancestorId: wardId } } } },
    select: {
      id: true,
      code: true,
      name: true,
      unit: { select: { id: true, code: true, name: true, kind: true } },
      members: { where: { active: true, role: "LEADER" }, select: { fullName: true, phone: true }, take: 1 },
      leaders: { where: { role: "TEAM_LEADER" }, select: { id: true, username: true, fullName: true, active: true, mustChangePassword: true, lastSignInAt: true }, orderBy: { id: "asc" } },
    },
  });
  return teams.sort((a, b) => compareVietnamese(a.unit.name, b.unit.name));
}

export async function listLeaderAccounts(actor: Actor, wardCode: string) {
  const ward = await wardOf(actor, wardCode);
  const teams = await wardTeams(ward.id);
  return {
    ward: { code: ward.code, name: ward.name, kind: ward.kind },
    teams: teams.map((team) => ({
      code: team.code,
      name: team.name,
      group: unitDisplayName(team.unit),
      leader: team.members[0] ?? null,
      accounts: team.leaders,
    })),
    withoutAccount: teams.filter((team) => !team.leaders.some((account) => account.active)).length,
  };
}

/** A username a leader can type on an old phone: "tt." and the group's code, lower case, ASCII. */
function usernameBase(groupCode: string): string {
  return `tt.${foldVietnamese(groupCode).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "")}`.slice(0, 36);
}

async function freeUsername(base: string, taken: Set<string>): Promise<string> {
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

/**
 * Creates an account for each named team (or every team of the ward without an
 * active account), in one transaction: all the sheet, or nothing.
 */
export async function createLeaderAccounts(actor: Actor, wardCode: string, teamCodes: string[] | "missing") {
  const ward = await wardOf(actor, wardCode);
  const teams = await wardTeams(ward.id);
  const known = new Set(teams.map((team) => team.code));
  if (teamCodes !== "missing") {
    const foreign = teamCodes.filter((code) => !known.has(code));
    if (foreign.length > 0) throw new AppError("NOT_FOUND", "errors.leaderTeamNotInWard", { codes: foreign.join(", ") });
  }
  const chosen = teams.filter((team) => (teamCodes === "missing" ? true : teamCodes.includes(team.code)) && !team.leaders.some((account) => account.active));
  if (chosen.length === 0) throw new AppError("INVALID_INPUT", "errors.leadersNoneMissing");
  const locale = languageOf(actor);
  const bases = chosen.map((team) => usernameBase(team.unit.code));
  const taken = new Set((await db.user.findMany({ where: { OR: bases.map((base) => ({ username: { startsWith: base } })) }, select: { username: true } })).map((user) => user.username));
  const sheet: (LeaderSheetRow & { teamId: number; unitId: number; hash: string })[] = [];
  for (const [index, team] of chosen.entries()) {
    const password = temporaryPassword();
    sheet.push({
      fullName: team.members[0]?.fullName ?? say(locale, "leaders.defaultName", { group: unitDisplayName(team.unit) }),
      team: team.name,
      group: unitDisplayName(team.unit),
      username: await freeUsername(bases[index], taken),
      password,
      teamId: team.id,
      unitId: team.unit.id,
      hash: await hashPassword(password),
    });
  }
  try {
    await db.$transaction(async (tx) => {
      for (const row of sheet) {
        const created = await tx.user.create({
          data: { username: row.username, fullName: row.fullName, role: "TEAM_LEADER", scopeUnitId: row.unitId, teamId: row.teamId, passwordHash: row.hash, mustChangePassword: true, createdById: actor.id },
          select: { id: true },
        });
        await writeAuditLog(tx, actor, { action: "users.create", entityType: "user", entityId: created.id, unitId: row.unitId, after: { username: row.username, fullName: row.fullName, role: "TEAM_LEADER", teamId: row.teamId, by: "ward" } });
      }
    });
  } catch (error) {
    // A colleague made the same account in between: nothing was created; the page shows the accounts as they are now.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", "errors.leadersRace");
    throw error;
  }
  return { ok: true as const, sheet: sheet.map(({ fullName, team, group, username, password }) => ({ fullName, team, group, username, password })) };
}

/** A team leader account inside the actor's scope; any other account does not exist for this page. */
async function leaderAccount(actor: Actor, userId: number) {
  const user = !isRowId(userId) ? null : await db.user.findUnique({ where: { id: userId }, select: { id: true, username: true, fullName: true, role: true, scopeUnitId: true, active: true, team: { select: { name: true, unit: { select: { name: true, kind: true } } } } } });
  if (!user || user.role !== "TEAM_LEADER") throw new AppError("NOT_FOUND", "errors.accountNotFound");
  await authorize(actor, "leaders.manage", { userId }, { hideExistence: true });
  return user;
}

/** A new one-time password, on a sheet of one; every session of the account ends. */
export async function resetLeaderPassword(actor: Actor, userId: number) {
  const user = await leaderAccount(actor, userId);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } } });
    await writeAuditLog(tx, actor, { action: "users.reset_password", entityType: "user", entityId: user.id, unitId: user.scopeUnitId, after: { by: "ward" } });
  });
  const sheet: LeaderSheetRow[] = [{ fullName: user.fullName, team: user.team?.name ?? "", group: user.team ? unitDisplayName(user.team.unit) : "", username: user.username, password }];
  return { ok: true as const, sheet };
}

/** Deactivating ends the account's sessions at its next request; nothing is deleted. */
export async function setLeaderActive(actor: Actor, userId: number, active: boolean) {
  const user = await leaderAccount(actor, userId);
  if (user.active === active) return { ok: true as const, changed: false };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) } });
    await writeAuditLog(tx, actor, { action: active ? "users.activate" : "users.deactivate", entityType: "user", entityId: user.id, unitId: user.scopeUnitId, before: { active: user.active }, after: { active, by: "ward" } });
  });
  return { ok: true as const, changed: true };
}
