/**
 * Whom to commend at the year's end: the teams and the members below a unit
 * ranked by the activities they logged in the year and the residents helped
 * in them, each marked where it meets the criteria written on the document
 * (the ward's "đề nghị khen thưởng"). Read from the activity records, scope-
 * checked like every report, and audited as an export by its callers.
 */
import "server-only";
import { db } from "../db";
import type { Actor } from "../auth/authorize";
import { AppError } from "../errors";
import { findReadableUnitByCode } from "../units/scope";
import { unitDisplayName } from "../units/display-name";
import type { UnitSummary } from "../units/tree-queries";
import { ancestorsOf } from "../exports/report-context";
import { vietnamDate } from "../periods";
import { compareVietnamese } from "../text";
import { HELPED_SUM } from "./residents-helped";
import { BELOW } from "./get-activity-panel";

/** What a team or a member must reach in the year to be proposed; the documents print them. */
export const RECOGNITION_CRITERIA = {
  /** Activities logged by the team in the year… */
  teamActivities: 24,
  /** …spread over at least this many months (steady work, not one campaign). */
  teamMonths: 10,
  /** Activities a member took part in. */
  memberActivities: 12,
} as const;

/** At most this many teams and members are listed (a province's year: the best of them). */
export const RECOGNITION_LISTED = 1000;

export interface RecognisedTeam {
  code: string;
  name: string;
  unitName: string;
  activities: number;
  months: number;
  helped: number;
  procedures: number;
  appsInstalled: number;
  proposed: boolean;
}

export interface RecognisedMember {
  fullName: string;
  role: string;
  affiliation: string;
  teamName: string;
  unitName: string;
  activities: number;
  /** Residents helped in the activities the member took part in (shared with the others who were there). */
  helped: number;
  proposed: boolean;
}

export interface Recognition {
  unit: UnitSummary;
  ancestors: UnitSummary[];
  year: number;
  /** The last day counted: the year's end, or today for the current year. */
  through: string;
  teams: RecognisedTeam[];
  members: RecognisedMember[];
  generatedAt: Date;
  generatedBy: string;
}

export async function getRecognition(actor: Actor, code: string, params: { year?: string | null }, now = new Date()): Promise<Recognition> {
  const unit = await findReadableUnitByCode(actor, code);
  const today = vietnamDate(now);
  const currentYear = Number(today.slice(0, 4));
  const asked = params.year?.trim() ? Number(params.year.trim()) : currentYear;
  if (!Number.isInteger(asked) || asked < 2020 || asked > currentYear) throw new AppError("INVALID_INPUT", "errors.recognitionYear", { year: String(params.year), current: currentYear });
  const from = `${asked}-01-01`;
  const through = asked === currentYear ? today : `${asked}-12-31`;
  // Counted first, named after (as the activity panel does): the names of the listed, not of every record's.
  const [ancestors, teamCounts, memberCounts] = await Promise.all([
    ancestorsOf(unit.id),
    db.$queryRawUnsafe<{ team_id: number; activities: number; months: number; helped: number; procedures: number; apps: number }[]>(
      `SELECT a.team_id, count(*)::int AS activities, count(DISTINCT date_trunc('month', a.occurred_on))::int AS months,
              sum(${HELPED_SUM})::int AS helped, sum(a.procedures)::int AS procedures, sum(a.apps_installed)::int AS apps
       FROM activity a WHERE ${BELOW} AND a.occurred_on BETWEEN $2::date AND $3::date
       GROUP BY a.team_id ORDER BY activities DESC, helped DESC FETCH FIRST ${RECOGNITION_LISTED} ROWS WITH TIES`,
      unit.id,
      from,
      through,
    ),
    db.$queryRawUnsafe<{ member_id: number; activities: number; helped: number }[]>(
      `SELECT am.member_id, count(*)::int AS activities, sum(${HELPED_SUM})::int AS helped
       FROM activity a JOIN activity_member am ON am.activity_id = a.id WHERE ${BELOW} AND a.occurred_on BETWEEN $2::date AND $3::date
       GROUP BY am.member_id ORDER BY activities DESC, helped DESC FETCH FIRST ${RECOGNITION_LISTED} ROWS WITH TIES`,
      unit.id,
      from,
      through,
    ),
  ]);
  const [teamNames, memberNames] = await Promise.all([
    db.$queryRaw<{ id: number; code: string; name: string; unit_name: string; unit_kind: string }[]>`
      SELECT t.id, t.code, t.name, u.name AS unit_name, u.kind AS unit_kind FROM team t JOIN admin_unit u ON u.id = t.unit_id WHERE t.id = ANY(${teamCounts.map((row) => row.team_id)}::int[])`,
    db.$queryRaw<{ id: number; full_name: string; role: string; affiliation: string; team_name: string; unit_name: string; unit_kind: string }[]>`
      SELECT m.id, m.full_name, m.role::text, m.affiliation::text, t.name AS team_name, u.name AS unit_name, u.kind AS unit_kind
      FROM team_member m JOIN team t ON t.id = m.team_id JOIN admin_unit u ON u.id = t.unit_id WHERE m.id = ANY(${memberCounts.map((row) => row.member_id)}::int[])`,
  ]);
  const teamOf = new Map(teamNames.map((team) => [team.id, team]));
  const memberOf = new Map(memberNames.map((member) => [member.id, member]));
  const teams = teamCounts
    .map((row) => ({ ...teamOf.get(row.team_id)!, ...row }))
    .sort((a, b) => b.activities - a.activities || b.helped - a.helped || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, RECOGNITION_LISTED);
  const members = memberCounts
    .map((row) => ({ ...memberOf.get(row.member_id)!, ...row }))
    .sort((a, b) => b.activities - a.activities || b.helped - a.helped || compareVietnamese(a.full_name, b.full_name) || a.member_id - b.member_id)
    .slice(0, RECOGNITION_LISTED);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level, kind: unit.kind, parentId: unit.parentId },
    ancestors,
    year: asked,
    through,
    teams: teams.map((team) => ({
      code: team.code,
      name: team.name,
      unitName: unitDisplayName({ name: team.unit_name, kind: team.unit_kind }),
      activities: team.activities,
      months: team.months,
      helped: team.helped,
      procedures: team.procedures,
      appsInstalled: team.apps,
      proposed: team.activities >= RECOGNITION_CRITERIA.teamActivities && team.months >= RECOGNITION_CRITERIA.teamMonths,
    })),
    members: members.map((member) => ({
      fullName: member.full_name,
      role: member.role,
      affiliation: member.affiliation,
      teamName: member.team_name,
      unitName: unitDisplayName({ name: member.unit_name, kind: member.unit_kind }),
      activities: member.activities,
      helped: member.helped,
      proposed: member.activities >= RECOGNITION_CRITERIA.memberActivities,
    })),
    generatedAt: now,
    generatedBy: actor.username,
  };
}
