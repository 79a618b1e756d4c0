/**
 * The activity panel of a unit (or of the country): what the teams below did
 * over twelve months, by service, read from the roll-ups that the activity
 * triggers keep (so a province's panel costs what a ward's does), the units
 * below compared by activities per team, and, for a district, a ward or a
 * group, the teams ranked, the teams silent for two months or more (with
 * their leader's phone, which the reader's scope already shows on the team
 * pages) and the members by participation. The dashboard and the read API
 * both answer from here, so they cannot disagree.
 */
import "server-only";
import { db } from "../db";
import type { Actor } from "../auth/authorize";
import { addMonths, parsePeriodCode, periodCode, periodOfDate, periodRange, vietnamDate } from "../periods";
import { findDashboardSubject, type DashboardSubject } from "../dashboard/dashboard-subject";
import { elementSumsByUnit, monthlyElementSums, type ElementSums } from "../dashboard/rollup-queries";
import { defaultReportingMonth } from "../dashboard/default-month";
import { activityElements, type ActivityElement } from "../reports/report-catalogue";
import { dayBefore, firstDayOf } from "../reorganisation/map-changes";
import { AppError } from "../errors";
import { HELPED_SUM } from "./residents-helped";

export const ACTIVITY_PANEL_MONTHS = 12;
/** A team with no activity on any of the last this many days is listed as silent ("two months or more"). */
export const SILENT_DAYS = 60;
const RANKED = 10;
/**
 * How many silent teams are named: all of a ward's (its office calls them), the longest silent twenty of
 * a district's, whose every ward lists its own. A district's full list (a hundred teams or more) weighed
 * more than the rest of its dashboard, on every load, for a list the ward offices act on.
 */
export const SILENT_LISTED = { WARD: 200, ABOVE_WARD: 20 } as const;
/** The levels small enough for lists of teams and members read from the activity records themselves. */
const TEAM_LIST_LEVELS = new Set(["DISTRICT", "WARD", "RESIDENTIAL_GROUP"]);

/** Figures by element code; null where no activity below was logged (no records is not "0 activities"). */
export type ActivityFigures = Record<string, number | null>;

export interface TeamActivity {
  code: string;
  name: string;
  unitName: string;
  activities: number;
  helped: number;
  lastOn: string;
}

export interface SilentTeam {
  code: string;
  name: string;
  unitName: string;
  /** The last activity's date (yyyy-mm-dd); null when the team never logged one. */
  lastOn: string | null;
  leaderName: string | null;
  leaderPhone: string | null;
}

export interface MemberActivity {
  fullName: string;
  teamCode: string;
  teamName: string;
  /** The unit the member's team serves ("Tổ dân phố 5"): shorter than the team's name. */
  unitName: string;
  activities: number;
}

export interface ActivityPanel {
  unit: { code: string; name: string; level: string } | null;
  from: string;
  to: string;
  /** The day the silent teams are counted back from: today, or the window's last day when it ended before. */
  asOf: string;
  /** The window runs to today (this month so far). */
  throughToday: boolean;
  elements: Pick<ActivityElement, "code" | "name" | "nameEn">[];
  months: { period: string; figures: ActivityFigures; helped: number | null }[];
  totals: ActivityFigures;
  /** Residents helped over every service, over the window. */
  helped: number | null;
  /** Active teams below the unit (today). */
  teams: number;
  children: { code: string; name: string; kind: string; level: string; teams: number; activities: number | null; helped: number | null; activitiesPerTeam: number | null }[];
  /** The unit is a district, a ward or a group: small enough for lists read from the activity records. */
  hasTeamLists: boolean;
  /** Those lists, when asked for (the dashboard leaves them to the unit's activities page); null above a district. */
  teamLists: { ranked: TeamActivity[]; silent: SilentTeam[]; silentCount: number; members: MemberActivity[] } | null;
}

/**
 * The twelve months ending at the month asked for; when that is the month
 * being reported or later (a dashboard's default), up to this month, so that
 * what a team logged today shows on the next load.
 */
export function activityWindow(to: number | null, now: Date): { from: number; to: number } {
  const current = periodOfDate(now);
  const end = to === null || to >= defaultReportingMonth(now) ? current : Math.min(to, current);
  return { from: addMonths(end, -(ACTIVITY_PANEL_MONTHS - 1)), to: end };
}

const isHelped = (code: string) => code.startsWith("HELPED_");

function figuresOf(elements: ActivityElement[], sums: ElementSums | undefined): { figures: ActivityFigures; helped: number | null } {
  const figures: ActivityFigures = {};
  let helped: number | null = null;
  for (const element of elements) {
    const value = sums?.get(element.id);
    figures[element.code] = value ?? null;
    if (value !== undefined && isHelped(element.code)) helped = (helped ?? 0) + value;
  }
  return { figures, helped };
}

/** The panel for a unit's code (null: the whole country, for national administrators); `period`: the window's last month, YYYY-MM. */
export async function getActivityPanel(actor: Actor, code: string | null, params: { period?: string | null } = {}, now = new Date()): Promise<ActivityPanel> {
  const subject = await findDashboardSubject(actor, code);
  let asked: number | null = null;
  if (params.period?.trim()) {
    asked = parsePeriodCode(params.period.trim());
    if (asked === null) throw new AppError("INVALID_INPUT", "errors.periodFormat", { code: params.period });
  }
  return activityPanelOf(subject, activityWindow(asked, now), now);
}

/**
 * `teamLists: false` leaves out the lists of teams and members: the dashboard links to them instead
 * of sending, on every load, three tables that only the people who act on them read (and their
 * queries were half of the panel's time).
 */
export async function activityPanelOf(subject: DashboardSubject, window: { from: number; to: number }, now: Date, options: { teamLists?: boolean } = {}): Promise<ActivityPanel> {
  const { from, to } = window;
  const today = vietnamDate(now);
  const lastDay = dayBefore(addMonths(to, 1)).toISOString().slice(0, 10);
  const asOf = lastDay < today ? lastDay : today;
  const childIds = subject.children.map((child) => child.id);
  const unit = subject.unit;
  const hasTeamLists = unit !== null && TEAM_LIST_LEVELS.has(unit.level);
  const elements = await activityElements();
  const elementIds = elements.map((element) => element.id);
  const [monthly, childSums, teamCounts, teamLists] = await Promise.all([
    monthlyElementSums(subject.rootIds, from, to, elementIds),
    elementSumsByUnit(childIds, from, to, db, elementIds),
    db.$queryRaw<{ unit_id: number; teams: number }[]>`SELECT unit_id, teams FROM rollup_units WHERE unit_id = ANY(${[...subject.rootIds, ...childIds]}::int[])`,
    unit && hasTeamLists && options.teamLists !== false ? teamListsOf(unit.id, firstDayOf(from), lastDay, asOf, unit.level === "DISTRICT" ? SILENT_LISTED.ABOVE_WARD : SILENT_LISTED.WARD) : Promise.resolve(null),
  ]);
  const teamsOf = new Map(teamCounts.map((row) => [row.unit_id, row.teams]));
  const months = periodRange(from, to).map((period) => ({ period: periodCode(period), ...figuresOf(elements, monthly.get(period)) }));
  const totals: ActivityFigures = {};
  for (const element of elements) {
    const present = months.map((month) => month.figures[element.code]).filter((value): value is number => value !== null);
    totals[element.code] = present.length > 0 ? present.reduce((sum, value) => sum + value, 0) : null;
  }
  const helpedMonths = months.map((month) => month.helped).filter((value): value is number => value !== null);
  const children = subject.children.map((child) => {
    const { figures, helped } = figuresOf(elements, childSums.get(child.id));
    const teams = teamsOf.get(child.id) ?? 0;
    const activities = figures.ACTIVITIES ?? null;
    return { code: child.code, name: child.name, kind: child.kind, level: child.level, teams, activities, helped, activitiesPerTeam: activities !== null && teams > 0 ? activities / teams : null };
  });
  return {
    unit: unit ? { code: unit.code, name: unit.name, level: unit.level } : null,
    from: periodCode(from),
    to: periodCode(to),
    asOf,
    throughToday: asOf === today,
    elements: elements.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
    months,
    totals,
    helped: helpedMonths.length > 0 ? helpedMonths.reduce((sum, value) => sum + value, 0) : null,
    teams: subject.rootIds.reduce((sum, id) => sum + (teamsOf.get(id) ?? 0), 0),
    children,
    hasTeamLists,
    teamLists,
  };
}

/**
 * The records of units below $1: the closure read once as an array, then the activity index by unit and
 * date (a join on the closure let the planner scan the whole closure table at national scale).
 */
export const BELOW = "a.unit_id = ANY(array(SELECT descendant_id FROM admin_unit_closure WHERE ancestor_id = $1))";

async function teamListsOf(unitId: number, fromDay: Date, lastDay: string, asOf: string, silentListed: number) {
  // Counted first, named after: the names of ten teams and members, not of every record's.
  const [rankedCounts, silent, memberCounts] = await Promise.all([
    db.$queryRawUnsafe<{ team_id: number; activities: number; helped: number; last_on: Date }[]>(
      `SELECT a.team_id, count(*)::int AS activities, sum(${HELPED_SUM})::int AS helped, max(a.occurred_on) AS last_on
       FROM activity a WHERE ${BELOW} AND a.occurred_on BETWEEN $2::date AND $3::date
       GROUP BY a.team_id ORDER BY activities DESC, helped DESC FETCH FIRST ${RANKED} ROWS WITH TIES`,
      unitId,
      fromDay,
      lastDay,
    ),
    // The teams in force below the unit today whose last activity is older than SILENT_DAYS (or who never logged one).
    db.$queryRaw<{ code: string; name: string; unit_name: string; last_on: Date | null; leader_name: string | null; leader_phone: string | null; total: number }[]>`
      SELECT t.code, t.name, u.name AS unit_name, last.on AS last_on, l.full_name AS leader_name, l.phone AS leader_phone, count(*) OVER ()::int AS total
      FROM admin_unit_closure c JOIN team t ON t.unit_id = c.descendant_id AND t.active JOIN admin_unit u ON u.id = t.unit_id
      CROSS JOIN LATERAL (SELECT max(a.occurred_on) AS on FROM activity a WHERE a.team_id = t.id AND a.occurred_on <= ${asOf}::date) last
      LEFT JOIN LATERAL (SELECT m.full_name, m.phone FROM team_member m WHERE m.team_id = t.id AND m.active AND m.role = 'LEADER' ORDER BY m.id LIMIT 1) l ON true
      WHERE c.ancestor_id = ${unitId} AND (last.on IS NULL OR last.on <= ${asOf}::date - ${SILENT_DAYS}::int)
      ORDER BY last.on NULLS FIRST, t.code LIMIT ${silentListed}`,
    db.$queryRawUnsafe<{ member_id: number; activities: number }[]>(
      `SELECT am.member_id, count(*)::int AS activities FROM activity a JOIN activity_member am ON am.activity_id = a.id
       WHERE ${BELOW} AND a.occurred_on BETWEEN $2::date AND $3::date
       GROUP BY am.member_id ORDER BY activities DESC FETCH FIRST ${RANKED} ROWS WITH TIES`,
      unitId,
      fromDay,
      lastDay,
    ),
  ]);
  const [teams, members] = await Promise.all([
    db.$queryRaw<{ id: number; code: string; name: string; unit_name: string }[]>`
      SELECT t.id, t.code, t.name, u.name AS unit_name FROM team t JOIN admin_unit u ON u.id = t.unit_id WHERE t.id = ANY(${rankedCounts.map((row) => row.team_id)}::int[])`,
    db.$queryRaw<{ id: number; full_name: string; team_code: string; team_name: string; unit_name: string }[]>`
      SELECT m.id, m.full_name, t.code AS team_code, t.name AS team_name, u.name AS unit_name
      FROM team_member m JOIN team t ON t.id = m.team_id JOIN admin_unit u ON u.id = t.unit_id WHERE m.id = ANY(${memberCounts.map((row) => row.member_id)}::int[])`,
  ]);
  const teamOf = new Map(teams.map((team) => [team.id, team]));
  const memberOf = new Map(members.map((member) => [member.id, member]));
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    ranked: rankedCounts
      .map((row) => ({ ...teamOf.get(row.team_id)!, ...row }))
      .sort((a, b) => b.activities - a.activities || b.helped - a.helped || byCode(a.code, b.code))
      .slice(0, RANKED)
      .map((row) => ({ code: row.code, name: row.name, unitName: row.unit_name, activities: row.activities, helped: row.helped, lastOn: day(row.last_on) })),
    silent: silent.map((row) => ({ code: row.code, name: row.name, unitName: row.unit_name, lastOn: row.last_on ? day(row.last_on) : null, leaderName: row.leader_name, leaderPhone: row.leader_phone })),
    silentCount: silent[0]?.total ?? 0,
    members: memberCounts
      .map((row) => ({ ...memberOf.get(row.member_id)!, ...row }))
      .sort((a, b) => b.activities - a.activities || byCode(a.team_code, b.team_code) || a.member_id - b.member_id)
      .slice(0, RANKED)
      .map((row) => ({ fullName: row.full_name, teamCode: row.team_code, teamName: row.team_name, unitName: row.unit_name, activities: row.activities })),
  };
}
