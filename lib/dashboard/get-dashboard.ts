/**
 * The steering committee's dashboard for a unit (or the country) and a period:
 * a card per indicator against its target, the trend of the chosen indicator,
 * the children ranked and as a heat map, data completeness and the teams.
 * Every figure comes from the roll-up tables, so a value saved a moment ago is
 * already in every ancestor's dashboard.
 */
import "server-only";
import type { Actor } from "../auth/authorize";
import { can } from "../auth/authorize";
import { addMonths, periodCode, periodOfDate, periodRange } from "../periods";
import { gridKey, resolveTargetGrid } from "../targets/resolve-targets";
import { teamStats } from "../teams/team-stats";
import { indicatorFigure, type IndicatorFigure } from "./indicator-figures";
import { loadIndicators } from "./indicator-catalogue";
import { parsePeriodSelection, previousSelection, type PeriodSelection } from "./period-selection";
import { elementSumsOf, monthlyElementSums, reportingByUnit } from "./rollup-queries";
import { indicatorFiguresOf } from "./unit-figures";
import { findDashboardSubject, groupsBelow } from "./dashboard-subject";

/** Two years of months in a trend: enough to see a season and the year before. */
export const TREND_MONTHS = 24;

export interface DashboardParams {
  period?: string | null;
  from?: string | null;
  to?: string | null;
  indicator?: string | null;
}

export interface DashboardCard extends IndicatorFigure {
  previousValue: number | null;
  /** value − previousValue in ratio points; null when either is missing. */
  change: number | null;
}

export interface DashboardChild {
  code: string;
  name: string;
  kind: string;
  level: string;
  figures: IndicatorFigure[];
  groupsReported: number;
  groupsTotal: number;
  /** Units below (groups and wards) with figures this month, and how many of their reports are approved: fewer means not final yet. */
  unitsReported: number;
  unitsApproved: number;
}

/** The month a ward official reports now: the last complete one. */
export const defaultReportingMonth = (now: Date) => addMonths(periodOfDate(now), -1);

export async function getDashboard(actor: Actor, code: string | null, params: DashboardParams, now = new Date()) {
  const subject = await findDashboardSubject(actor, code);
  const parsed = parsePeriodSelection(params, periodOfDate(now), defaultReportingMonth(now));
  if (!parsed.ok) return { ok: false as const, subject, message: parsed.message };
  const selection = parsed.selection;
  const indicators = await loadIndicators();
  const selected = indicators.find((indicator) => indicator.code === (params.indicator ?? "").toUpperCase()) ?? indicators[0];
  if (params.indicator && selected.code !== params.indicator.toUpperCase()) {
    return { ok: false as const, subject, message: `Chỉ tiêu "${params.indicator}" không có trong danh mục.` };
  }
  const previous = previousSelection(selection);
  const subjectKey = subject.unit?.id ?? null;
  const trendMonths = periodRange(addMonths(selection.to, -(TREND_MONTHS - 1)), selection.to);
  const childIds = subject.children.map((child) => child.id);

  const [sums, previousSums, monthly, childFigures, subjectTargetGrid, childReporting, ownReporting, groupTotals, teams] = await Promise.all([
    elementSumsOf(subject.rootIds, selection.from, selection.to),
    elementSumsOf(subject.rootIds, previous.from, previous.to),
    monthlyElementSums(subject.rootIds, trendMonths[0], selection.to),
    // The children as the read API and the reports show them (the period's last month's targets).
    indicatorFiguresOf(subject.children, selection, indicators),
    // Month by month for the subject's own trend line.
    resolveTargetGrid([subjectKey], trendMonths),
    reportingByUnit(childIds, selection.to),
    reportingByUnit(subject.rootIds, selection.to),
    groupsBelow([...subject.rootIds, ...childIds]),
    teamStats(subject.rootIds, Math.floor(selection.to / 100)),
  ]);
  const targetsOf = (month: number) => subjectTargetGrid.get(gridKey(subjectKey, month)) ?? new Map();
  const subjectTargets = targetsOf(selection.to);

  const cards: DashboardCard[] = indicators.map((indicator) => {
    const figure = indicatorFigure(indicator, sums, subjectTargets.get(indicator.id));
    const before = indicatorFigure(indicator, previousSums, null).value;
    return { ...figure, previousValue: before, change: figure.value !== null && before !== null ? figure.value - before : null };
  });

  const trend = trendMonths.map((month) => {
    const figure = indicatorFigure(selected, monthly.get(month) ?? new Map(), targetsOf(month).get(selected.id));
    return { period: periodCode(month), value: figure.value, target: figure.target?.value ?? null, numerator: figure.numerator, denominator: figure.denominator };
  });

  const children: DashboardChild[] = subject.children.map((child) => {
    return {
      code: child.code,
      name: child.name,
      kind: child.kind,
      level: child.level,
      figures: childFigures.get(child.id)!,
      groupsReported: childReporting.get(child.id)?.groupsReported ?? 0,
      unitsReported: childReporting.get(child.id)?.unitsReported ?? 0,
      unitsApproved: childReporting.get(child.id)?.unitsApproved ?? 0,
      groupsTotal: groupTotals.get(child.id) ?? 0,
    };
  });

  const own = subject.rootIds.map((id) => ownReporting.get(id));
  const completeness = {
    month: periodCode(selection.to),
    groupsTotal: subject.rootIds.reduce((sum, id) => sum + (groupTotals.get(id) ?? 0), 0),
    groupsReported: own.reduce((sum, counts) => sum + (counts?.groupsReported ?? 0), 0),
    unitsReported: own.reduce((sum, counts) => sum + (counts?.unitsReported ?? 0), 0),
    unitsApproved: own.reduce((sum, counts) => sum + (counts?.unitsApproved ?? 0), 0),
    /** For a ward: the residential groups that have not reported this month. */
    notReported: subject.unit?.level === "WARD" ? children.filter((child) => child.level === "RESIDENTIAL_GROUP" && child.groupsReported === 0).map(({ code, name, kind }) => ({ code, name, kind })) : [],
  };

  return {
    ok: true as const,
    subject,
    selection,
    previous,
    indicators: indicators.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
    selectedIndicator: selected.code,
    cards,
    trend,
    children,
    completeness,
    teams,
    canSetTargets: subject.unit !== null ? await can(actor, "targets.write", { unitId: subject.unit.id }) : actor.role === "ADMIN",
  };
}

export type Dashboard = Extract<Awaited<ReturnType<typeof getDashboard>>, { ok: true }>;
export type { PeriodSelection };
