/**
 * A campaign day entered once for many teams (Thanh Oai's 27 August: 21
 * teams in 21 communes; a ward's "ngày ra quân"): one date and place, a line
 * per team with its residents helped per service, procedures and installs.
 * A ward lists its own teams (the commune-level team and every group's); a
 * district or province lists the commune-level teams below it, the ones that
 * go out on such a day. Written all or nothing through the bulk use case
 * (log-activities.ts) as CAMPAIGN_DAY records, one per line that has a count.
 */
import { db } from "../db";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/authorize";
import { findReadableUnitByCode } from "../units/scope";
import { unitDisplayName } from "../units/display-name";
import { compareVietnamese } from "../text";
import { activitySchema, COUNT_FIELDS } from "../schemas/activity";
import { fieldErrorsOf } from "../schemas/user";
import { languageOf, say } from "../i18n/translate";
import { vietnamDate } from "../periods";
import type { ImportIssue } from "../imports/import-result";
import { logActivities } from "./log-activities";

export interface CampaignTeam {
  code: string;
  name: string;
  /** The unit the team serves, as the form's row label. */
  unitName: string;
}

/** The unit (a ward, a district or a province in the actor's scope) and the teams its campaign day is entered for. */
export async function getCampaignTeams(actor: Actor, unitCode: string): Promise<{ unit: { code: string; name: string; level: string }; teams: CampaignTeam[] }> {
  const unit = await findReadableUnitByCode(actor, unitCode);
  if (unit.level === "RESIDENTIAL_GROUP" || unit.validTo !== null) throw new AppError("NOT_FOUND", "errors.campaignUnit");
  await authorize(actor, "activities.campaign", { unitId: unit.id });
  const teams = await db.team.findMany({
    where: {
      active: true,
      unit: {
        validTo: null,
        ancestors: { some: { ancestorId: unit.id } },
        // A ward: its own teams; above it, the commune-level teams.
        level: unit.level === "WARD" ? { in: ["WARD", "RESIDENTIAL_GROUP"] } : "WARD",
      },
    },
    select: { code: true, name: true, unit: { select: { name: true, kind: true, level: true } } },
  });
  return {
    unit: { code: unit.code, name: unitDisplayName(unit), level: unit.level },
    teams: teams
      .map((team) => ({ code: team.code, name: team.name, unitName: unitDisplayName(team.unit), level: team.unit.level }))
      // The commune-level team first, then the groups in Vietnamese order.
      .sort((a, b) => (a.level === b.level ? compareVietnamese(a.unitName, b.unitName) : a.level === "WARD" ? -1 : 1))
      .map(({ code, name, unitName }) => ({ code, name, unitName })),
  };
}

export interface CampaignDayInput {
  unitCode: string;
  occurredOn: string;
  place: string;
  requestId?: string;
  /** A line per team; a line with no count typed is left out. */
  lines: ({ teamCode: string } & Partial<Record<(typeof COUNT_FIELDS)[number], string>>)[];
}

export type CampaignDayResult =
  | { ok: true; rows: number; teams: number; helped: number; replayed: boolean }
  | { ok: false; status: number; message: string; fieldErrors: Record<string, string[]>; lineErrors: ImportIssue[] };

/** A code as the form sends it; anything but text (a broken or hostile client) names nothing. */
const codeOf = (value: unknown) => (typeof value === "string" ? value : "");
/** A cell someone filled in: the rules then judge it, whatever it holds. */
const filled = (value: unknown) => value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "");

export async function logCampaignDay(actor: Actor, input: CampaignDayInput, now = new Date()): Promise<CampaignDayResult> {
  const locale = languageOf(actor);
  if (!input || typeof input !== "object") throw new AppError("INVALID_INPUT", "rules.activityInvalid");
  const { teams } = await getCampaignTeams(actor, codeOf(input.unitCode));
  // The day's own fields first, once (not once per team).
  const day = activitySchema(vietnamDate(now)).safeParse({ occurredOn: input.occurredOn, kind: "CAMPAIGN_DAY", place: input.place, memberIds: [] });
  if (!day.success) return { ok: false, status: 400, message: say(locale, "rules.activityInvalid"), fieldErrors: fieldErrorsOf(day.error, locale), lineErrors: [] };
  const listed = new Set(teams.map((team) => team.code));
  const lines = (Array.isArray(input.lines) ? input.lines : [])
    .map((line: unknown, index) => {
      const fields = (line && typeof line === "object" ? line : {}) as Record<string, unknown>;
      return { line: index + 1, teamCode: codeOf(fields.teamCode), counts: Object.fromEntries(COUNT_FIELDS.map((field) => [field, fields[field]])) };
    })
    .filter((line) => COUNT_FIELDS.some((field) => filled(line.counts[field])));
  const stray = lines.find((line) => !listed.has(line.teamCode));
  if (stray) return { ok: false, status: 400, message: say(locale, "importRows.errorsNothingSaved", { count: 1 }), fieldErrors: {}, lineErrors: [{ line: stray.line, column: "teamCode", message: say(locale, "errors.campaignTeam", { code: stray.teamCode }) }] };
  if (lines.length === 0) return { ok: false, status: 400, message: say(locale, "errors.campaignEmpty"), fieldErrors: {}, lineErrors: [] };
  const result = await logActivities(
    actor,
    lines.map((line) => ({
      line: line.line,
      teamCode: line.teamCode,
      input: { occurredOn: day.data.occurredOn, kind: "CAMPAIGN_DAY", place: day.data.place, memberIds: [], ...line.counts },
    })),
    { commit: true, operation: "activities.campaign", action: "activities.campaign", requestId: input.requestId, now },
  );
  if (!result.ok) return { ok: false, status: result.status, message: result.message, fieldErrors: {}, lineErrors: result.errors };
  return { ok: true, rows: result.rows, teams: result.teams, helped: result.helped, replayed: result.replayed ?? false };
}
