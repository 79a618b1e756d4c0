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

const HELPED = "a.helped_vneid + a.helped_signature + a.helped_online_filing + a.helped_cashless + a.helped_bank_account + a.helped_health_book + a.helped_other";

export async function getRecognition(actor: Actor, code: string, params: { year?: string | null }, now = new Date()): Promise<Recognition> {
  const unit = await findReadableUnitByCode(actor, code);
  const today = vietnamDate(now);
  const currentYear = Number(today.slice(0, 4));
  const asked = params.year?.trim() ? Number(params.year.trim()) : currentYear;
  if (!Number.isInteger(asked) || asked < 2020 || asked > currentYear) throw new AppError("INVALID_INPUT", "errors.recognitionYear", { year: String(params.year), current: currentYear });
  const from = `${asked}-01-01`;
  const through = asked === currentYear ? today : `${asked}-12-31`;
  const [ancestors, teams, members] = await Promise.all([
    ancestorsOf(unit.id),
    db.$queryRawUnsafe<{ code: string; name: string; unit_name: string; unit_kind: string; activities: number; months: number; helped: number; procedures: number; apps: number }[]>(
      `SELECT t.code, t.name, u.name AS unit_name, u.kind AS unit_kind, count(*)::int AS activities, count(DISTINCT date_trunc('month', a.occurred_on))::int AS months,
              sum(${HELPED})::int AS helped, sum(a.procedures)::int AS procedures, sum(a.apps_installed)::int AS apps
       FROM admin_unit_closure c JOIN activity a ON a.unit_id = c.descendant_id JOIN team t ON t.id = a.team_id JOIN admin_unit u ON u.id = t.unit_id
       WHERE c.ancestor_id = $1 AND a.occurred_on BETWEEN $2::date AND $3::date
       GROUP BY t.id, u.id ORDER BY activities DESC, helped DESC, t.code LIMIT ${RECOGNITION_LISTED}`,
      unit.id,
      from,
      through,
    ),
    db.$queryRawUnsafe<{ full_name: string; role: string; affiliation: string; team_name: string; unit_name: string; unit_kind: string; activities: number; helped: number }[]>(
      `SELECT m.full_name, m.role::text, m.affiliation::text, t.name AS team_name, u.name AS unit_name, u.kind AS unit_kind, count(*)::int AS activities, sum(${HELPED})::int AS helped
       FROM admin_unit_closure c JOIN activity a ON a.unit_id = c.descendant_id JOIN activity_member am ON am.activity_id = a.id
       JOIN team_member m ON m.id = am.member_id JOIN team t ON t.id = m.team_id JOIN admin_unit u ON u.id = t.unit_id
       WHERE c.ancestor_id = $1 AND a.occurred_on BETWEEN $2::date AND $3::date
       GROUP BY m.id, t.id, u.id ORDER BY activities DESC, helped DESC, m.full_name, m.id LIMIT ${RECOGNITION_LISTED}`,
      unit.id,
      from,
      through,
    ),
  ]);
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
