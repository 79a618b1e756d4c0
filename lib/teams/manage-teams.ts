/**
 * Teams of a ward or residential group: create, rename, record the founding
 * decision, deactivate and reactivate. Every change checks teams.write on the
 * team's unit and is audited with before and after. Nothing is deleted: a team
 * that stops is deactivated, and its member list is kept as it was so that a
 * reactivation (or the audit) finds it intact.
 */
import { db, Prisma } from "../db";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { fieldErrorsOf } from "../schemas/user";
import { teamSchema, type TeamInput } from "../schemas/member";
import { languageOf, say, translator } from "../i18n/translate";
import { compareVietnamese } from "../text";
import { unitDisplayName } from "../units/display-name";

type Failure = { ok: false; status: 400; message: string; fieldErrors: Record<string, string[]> };

/** Levels that carry teams: one per residential group (most), or a commune-level team at the ward. */
const TEAM_LEVELS = new Set(["WARD", "RESIDENTIAL_GROUP"]);

function parse(actor: Actor, input: unknown): { ok: true; data: TeamInput } | Failure {
  const parsed = teamSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, status: 400, message: translator(languageOf(actor))("rules.teamInvalid"), fieldErrors: fieldErrorsOf(parsed.error, languageOf(actor)) };
}

const dateOrNull = (value: string | null) => (value ? new Date(value) : null);
const snapshot = (team: { name: string; foundedOn: Date | null; foundingDecision: string | null; active: boolean; unitId: number }) => ({
  name: team.name,
  foundedOn: team.foundedOn?.toISOString().slice(0, 10) ?? null,
  foundingDecision: team.foundingDecision,
  active: team.active,
  unitId: team.unitId,
});

/** A unit has at most one active team: the committees count "teams per residential group" and expect one. */
async function assertNoOtherActiveTeam(unitId: number, exceptTeamId?: number) {
  const other = await db.team.findFirst({ where: { unitId, active: true, NOT: exceptTeamId ? { id: exceptTeamId } : undefined }, select: { code: true, name: true } });
  if (other) throw new AppError("CONFLICT", "errors.teamExistsAtUnit", { name: other.name, code: other.code });
}

/** The first free code of the form TCNS-<unit code>, then TCNS-<unit code>-2, -3… */
async function freeTeamCode(unitCode: string): Promise<string> {
  const base = `TCNS-${unitCode}`;
  const taken = new Set((await db.team.findMany({ where: { code: { startsWith: base } }, select: { code: true } })).map((team) => team.code));
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

async function teamByCode(actor: Actor, code: string) {
  const team = await db.team.findUnique({ where: { code } });
  if (!team) throw new AppError("NOT_FOUND", "errors.teamNotFound", { code });
  await authorize(actor, "teams.write", { unitId: team.unitId });
  return team;
}

export async function createTeam(actor: Actor, unitCode: string, input: unknown) {
  const unit = await db.adminUnit.findUnique({ where: { code: unitCode }, select: { id: true, code: true, level: true, validTo: true } });
  if (!unit) throw new AppError("NOT_FOUND", "errors.unitNotFound", { code: unitCode });
  await authorize(actor, "teams.write", { unitId: unit.id });
  if (!TEAM_LEVELS.has(unit.level)) throw new AppError("INVALID_INPUT", "errors.teamLevel");
  if (unit.validTo !== null) throw new AppError("INVALID_INPUT", "errors.unitEndedNoTeam");
  const parsed = parse(actor, input);
  if (!parsed.ok) return parsed;
  await assertNoOtherActiveTeam(unit.id);
  const code = await freeTeamCode(unit.code);
  const team = await onePerUnit(() =>
    db.$transaction(async (tx) => {
      const created = await tx.team.create({
        data: { code, unitId: unit.id, name: parsed.data.name, foundedOn: dateOrNull(parsed.data.foundedOn), foundingDecision: parsed.data.foundingDecision },
      });
      await writeAuditLog(tx, actor, { action: "teams.create", entityType: "team", entityId: created.code, unitId: unit.id, after: snapshot(created) });
      return created;
    }),
  );
  return { ok: true as const, teamCode: team.code };
}

export async function updateTeam(actor: Actor, teamCode: string, input: unknown) {
  const team = await teamByCode(actor, teamCode);
  const parsed = parse(actor, input);
  if (!parsed.ok) return parsed;
  await db.$transaction(async (tx) => {
    const updated = await tx.team.update({
      where: { id: team.id },
      data: { name: parsed.data.name, foundedOn: dateOrNull(parsed.data.foundedOn), foundingDecision: parsed.data.foundingDecision },
    });
    await writeAuditLog(tx, actor, { action: "teams.update", entityType: "team", entityId: team.code, unitId: team.unitId, before: snapshot(team), after: snapshot(updated) });
  });
  return { ok: true as const };
}

export async function setTeamActive(actor: Actor, teamCode: string, active: boolean, reason: string) {
  const team = await teamByCode(actor, teamCode);
  const why = reason.normalize("NFC").trim();
  if (why.length < 5) {
    const locale = languageOf(actor);
    return { ok: false as const, status: 400 as const, message: say(locale, "errors.teamReason"), fieldErrors: { reason: [say(locale, "errors.teamReasonField")] } };
  }
  if (team.active === active) return { ok: true as const };
  if (active) await assertNoOtherActiveTeam(team.unitId, team.id);
  await onePerUnit(() => db.$transaction(async (tx) => {
    await tx.team.update({ where: { id: team.id }, data: { active } });
    await writeAuditLog(tx, actor, {
      action: active ? "teams.activate" : "teams.deactivate",
      entityType: "team",
      entityId: team.code,
      unitId: team.unitId,
      before: { active: team.active },
      after: { active },
      reason: why,
    });
  }));
  return { ok: true as const };
}

/**
 * The index team_one_active_per_unit settles a race the checks above cannot:
 * two officials creating (or reactivating) a team for the same group at once.
 */
async function onePerUnit<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", "errors.teamRace");
    throw error;
  }
}

/**
 * Sets up a ward in one step: a team for every residential group of the ward
 * in force that has no active team, named after its group, each audited. The
 * ward official then completes names, dates and decisions on the teams' pages
 * or through the teams import.
 */
export async function createMissingTeams(actor: Actor, wardCode: string) {
  const ward = await db.adminUnit.findUnique({ where: { code: wardCode }, select: { id: true, level: true } });
  if (!ward) throw new AppError("NOT_FOUND", "errors.unitNotFound", { code: wardCode });
  await authorize(actor, "teams.write", { unitId: ward.id });
  if (ward.level !== "WARD") throw new AppError("INVALID_INPUT", "errors.missingTeamsWard");
  const groups = await db.adminUnit.findMany({
    where: { level: "RESIDENTIAL_GROUP", validTo: null, ancestors: { some: { ancestorId: ward.id } }, teams: { none: { active: true } } },
    select: { id: true, code: true, name: true, kind: true },
  });
  groups.sort((a, b) => compareVietnamese(a.name, b.name));
  const locale = languageOf(actor);
  const created: string[] = [];
  await onePerUnit(() =>
    db.$transaction(async (tx) => {
      for (const group of groups) {
        const code = await freeTeamCode(group.code);
        const team = await tx.team.create({ data: { code, unitId: group.id, name: say(locale, "teams.defaultName", { group: unitDisplayName(group) }) } });
        await writeAuditLog(tx, actor, { action: "teams.create", entityType: "team", entityId: team.code, unitId: group.id, after: { ...snapshot(team), bulk: true } });
        created.push(team.code);
      }
    }),
  );
  return { ok: true as const, created: created.length };
}
