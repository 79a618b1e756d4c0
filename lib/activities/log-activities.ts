/**
 * Many activity records at once, all or nothing: a file of activities (the
 * import), or a campaign day entered once by the ward or the district with a
 * line per team (Thanh Oai's 27 August: 21 teams in 21 communes). Each line
 * meets the same rules as the one-record form (lib/schemas/activity.ts) and
 * the same permission (the team's leader for their own team, the ward for its
 * teams); an error anywhere writes nothing and is named by line and column.
 * The records, their audit entries, the groups' RESIDENTS_HELPED and the
 * roll-ups commit in one transaction; a request id makes a form sent twice
 * write once. Members who took part are not named in bulk: the team's leader
 * ticks them on the record afterwards, within the author's week, or the ward.
 */
import { db } from "../db";
import { AppError } from "../errors";
import { roleAllows } from "../auth/policy";
import { can, type Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { COUNT_FIELDS, HELPED_FIELDS, type ActivityInput } from "../schemas/activity";
import { languageOf, say } from "../i18n/translate";
import { parsePeriodCode } from "../periods";
import { racedReplay, recordRequest, replayOf, requestIdOf } from "../write-requests";
import type { ImportIssue } from "../imports/import-result";
import { syncResidentsHelped } from "./residents-helped";
import { activityColumns, checkActivity } from "./log-activity";

export interface ActivityLine {
  /** The line a user sees (a file's line, a form's row). */
  line: number;
  teamCode: string;
  /** The one-record form's fields (occurredOn, kind, place, helpedVneid…, attendees). */
  input: Record<string, unknown>;
}

export type ActivitiesResult =
  | { ok: true; committed: boolean; replayed?: boolean; rows: number; teams: number; helped: number }
  | { ok: false; status: 400 | 403; message: string; errors: ImportIssue[] };

export interface LogActivitiesOptions {
  commit: boolean;
  /** activities.write: a file, each team as the one-record form allows it; activities.campaign: a campaign day of the teams in one's scope. */
  operation: "activities.write" | "activities.campaign";
  /** How the audit names the way the records came: activities.import, activities.campaign. */
  action: "activities.import" | "activities.campaign";
  /** The user's name of a field (a file's column, a form's field); the field's own name by default. */
  columnOf?: (field: string) => string;
  requestId?: string;
  now?: Date;
}

interface Planned {
  line: number;
  team: { id: number; code: string; unitId: number };
  data: ActivityInput;
}

export async function logActivities(actor: Actor, lines: ActivityLine[], options: LogActivitiesOptions): Promise<ActivitiesResult> {
  if (!roleAllows(actor.role, options.operation)) throw new AppError("FORBIDDEN", "errors.activitiesRoleRefused");
  const locale = languageOf(actor);
  const columnOf = options.columnOf ?? ((field: string) => field);
  const now = options.now ?? new Date();
  const requestId = requestIdOf(options.requestId);

  const teams = new Map(
    (await db.team.findMany({ where: { code: { in: [...new Set(lines.map((line) => line.teamCode.trim()))] } }, select: { id: true, code: true, unitId: true, active: true, foundedOn: true } })).map((team) => [team.code, team]),
  );
  // Per team: the one-record form's permission (a leader: their own team; the ward: its teams), or the campaign's (the teams in one's scope).
  const permitted = new Set<number>();
  for (const team of teams.values()) if (await can(actor, options.operation, { teamId: team.id })) permitted.add(team.id);

  const errors: ImportIssue[] = [];
  const planned: Planned[] = [];
  const outside = new Set<string>();
  for (const { line, teamCode, input } of lines) {
    const issue = (column: string, message: string) => errors.push({ line, column, message });
    const team = teams.get(teamCode.trim());
    if (!team) {
      issue(columnOf("teamCode"), say(locale, "importRows.teamUnknown", { code: teamCode }));
      continue;
    }
    if (!permitted.has(team.id)) {
      outside.add(team.code);
      issue(columnOf("teamCode"), say(locale, "importRows.teamOutside", { code: team.code }));
      continue;
    }
    if (!team.active) {
      issue(columnOf("teamCode"), say(locale, "importRows.teamInactive", { code: team.code }));
      continue;
    }
    // The one-record form's own check: the rules, and the team's founding date.
    const checked = await checkActivity(actor, team, input, now);
    if (!checked.ok) {
      for (const [field, messages] of Object.entries(checked.fieldErrors)) for (const message of messages) issue(columnOf(field), message);
      continue;
    }
    planned.push({ line, team, data: checked.data });
  }
  if (errors.length > 0) {
    if (outside.size > 0) await writeAuditLog(db, actor, { action: "auth.denied", entityType: "operation", entityId: options.operation, after: { bulk: [...outside].slice(0, 50) } });
    errors.sort((a, b) => a.line - b.line);
    return { ok: false, status: outside.size > 0 ? 403 : 400, message: say(locale, "importRows.errorsNothingSaved", { count: errors.length }), errors };
  }
  const helped = planned.reduce((sum, { data }) => sum + HELPED_FIELDS.reduce((total, field) => total + data[field], 0), 0);
  const summary = { rows: planned.length, teams: new Set(planned.map((entry) => entry.team.id)).size, helped };
  if (!options.commit || planned.length === 0) return { ok: true, committed: false, ...summary };

  try {
    const replayed = await db.$transaction(
      async (tx) => {
        if ((await replayOf(tx, requestId)) !== null) return true;
        const created = await tx.activity.createManyAndReturn({
          data: planned.map(({ team, data }) => ({ ...activityColumns(data), teamId: team.id, unitId: team.unitId, createdById: actor.id, createdBy: actor.username })),
          select: { id: true },
        });
        await recordRequest(tx, requestId, "activity", created[0].id);
        await tx.auditLog.createMany({
          data: planned.map(({ team, data }, index) => ({
            actorId: actor.id,
            actorName: actor.username,
            action: options.action,
            entityType: "activity",
            entityId: String(created[index].id),
            unitId: team.unitId,
            after: { teamId: team.id, occurredOn: data.occurredOn, kind: data.kind, place: data.place, attendees: data.attendees, ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, data[field]])), memberIds: [] },
          })),
        });
        // Each group-month the records fall in takes their residents helped (the one rule, residents-helped.ts).
        const monthsOfUnit = new Map<number, Set<number>>();
        for (const { team, data } of planned) {
          const months = monthsOfUnit.get(team.unitId) ?? new Set<number>();
          months.add(parsePeriodCode(data.occurredOn.slice(0, 7))!);
          monthsOfUnit.set(team.unitId, months);
        }
        for (const [unitId, months] of [...monthsOfUnit].sort(([a], [b]) => a - b)) await syncResidentsHelped(tx, actor, unitId, [...months]);
        return false;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    return { ok: true, committed: true, replayed, ...summary };
  } catch (error) {
    // The same campaign form sent twice at once: the first wrote it.
    if ((await racedReplay(db, error, requestId)) !== null) return { ok: true, committed: true, replayed: true, ...summary };
    throw error;
  }
}
