/**
 * The steering committee's dashboard for a unit (or the country) and a period:
 * a card per indicator against its target, the trend of the chosen indicator,
 * the children ranked and as a heat map, data completeness, the teams and
 * what they did (the activity panel).
 * Every figure comes from the roll-up tables, so a value saved a moment ago is
 * already in every ancestor's dashboard.
 */
import "server-only";
import type { Actor } from "../auth/authorize";
import { can } from "../auth/authorize";
import { addMonths, periodCode, periodOfDate, periodRange } from "../periods";
import { gridKey, resolveTargetGrid } from "../targets/resolve-targets";
import { teamStats } from "../teams/team-stats";
import { indicatorFigure, type IndicatorDefinition, type IndicatorFigure } from "./indicator-figures";
import type { UnitSummary } from "../units/tree-queries";
import { loadIndicators } from "./indicator-catalogue";
import { AppError } from "../errors";
import { parsePeriodSelection, previousSelection, type PeriodSelection } from "./period-selection";
import { addedUp, elementSumsByUnit, elementSumsOf, monthlyElementSums, reportingByUnit } from "./rollup-queries";
import { indicatorFiguresOf } from "./unit-figures";
import { findDashboardSubject, groupsBelow } from "./dashboard-subject";
import { mapOfThatTime } from "../reorganisation/map-of-that-time";
import { compareVietnamese } from "../text";
import { defaultMonthFor, defaultReportingMonth } from "./default-month";
import { activityPanelOf, activityWindow } from "../activities/get-activity-panel";
import { elementsOf, projectMonths, readProjectionMonths } from "./projection-series";
import { projectionPath, type Projection } from "./projection";

/** Two years of months in a trend: enough to see a season and the year before. */
export const TREND_MONTHS = 24;

export interface DashboardParams {
  period?: string | null;
  from?: string | null;
  to?: string | null;
  indicator?: string | null;
  /**
   * "now": today's map (the roll-ups; the default); "then": the map of the
   * period's last month, as reported at the time (the default for a unit that
   * has ended, whose figures live only on the old map).
   */
  map?: string | null;
}

export type MapMode = "now" | "then";

export interface DashboardCard extends IndicatorFigure {
  previousValue: number | null;
  /** value − previousValue in ratio points; null when either is missing. */
  change: number | null;
  projection: Projection;
}

/** A child whose projection of the selected indicator misses its target, with what it lacks each month. */
export interface UnitAtRisk {
  code: string;
  name: string;
  figure: IndicatorFigure;
  projection: Projection;
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

export { defaultReportingMonth } from "./default-month";

export async function getDashboard(actor: Actor, code: string | null, params: DashboardParams, now = new Date()) {
  const subject = await findDashboardSubject(actor, code);
  const endedIn = subject.closedOn ? periodOfDate(subject.closedOn) : null;
  const mapMode: MapMode = params.map === "then" || (params.map !== "now" && endedIn !== null) ? "then" : "now";
  // With no period asked for: the latest month with figures (a unit that has ended, no later than its last month).
  const asked = Boolean(params.period?.trim() || params.from?.trim() || params.to?.trim());
  const opening = asked ? null : await defaultMonthFor(subject.rootIds, now, endedIn);
  const parsed = parsePeriodSelection(params, periodOfDate(now), opening?.month ?? defaultReportingMonth(now));
  if (!parsed.ok) return { ok: false as const, subject, error: parsed.error };
  const selection = parsed.selection;
  const indicators = await loadIndicators();
  const selected = indicators.find((indicator) => indicator.code === (params.indicator ?? "").toUpperCase()) ?? indicators[0];
  if (params.indicator && selected.code !== params.indicator.toUpperCase()) {
    return { ok: false as const, subject, error: new AppError("INVALID_INPUT", "errors.indicatorUnknown", { code: params.indicator }) };
  }
  const previous = previousSelection(selection);
  const subjectKey = subject.unit?.id ?? null;
  const trendMonths = periodRange(addMonths(selection.to, -(TREND_MONTHS - 1)), selection.to);
  const figuresOnMap = mapMode === "now" ? figuresOnTodaysMap : figuresOnMapOfThatTime;

  const [{ sums, previousSums, childUnits, childFigures, childReporting, ownReporting, groupTotals }, monthly, subjectTargetGrid, teams, activities, projectionMonths] = await Promise.all([
    figuresOnMap(subject.rootIds, subject.children, selection, previous, indicators, selected.code),
    // The trend is always on today's map: continuous across reorganisations. It draws the selected
    // indicator only, so only its two elements are read (the country's 24 months of every element
    // were 24,000 roll-up rows).
    monthlyElementSums(subject.rootIds, trendMonths[0], selection.to, [selected.numeratorElementId, selected.denominatorElementId]),
    // Month by month for the subject's own trend line.
    resolveTargetGrid([subjectKey], trendMonths),
    teamStats(subject.rootIds, Math.floor(selection.to / 100)),
    // What the teams did, over the twelve months to the period (to today when it is the latest); the
    // lists of teams and members are on the unit's activities page.
    activityPanelOf(subject, activityWindow(selection.to, now), now, { teamLists: false }),
    // A year of every indicator's two sums, for where the subject will land (lib/dashboard/projection.ts).
    readProjectionMonths(new Map([[0, subject.rootIds]]), selection.to, elementsOf(indicators)),
  ]);
  const targetsOf = (month: number) => subjectTargetGrid.get(gridKey(subjectKey, month)) ?? new Map();
  const subjectTargets = targetsOf(selection.to);
  const projections = projectMonths(projectionMonths.get(0)!, selection.to, indicators, (indicatorId) => subjectTargets.get(indicatorId) ?? null);

  const cards: DashboardCard[] = indicators.map((indicator) => {
    const figure = indicatorFigure(indicator, sums, subjectTargets.get(indicator.id));
    const before = indicatorFigure(indicator, previousSums, null).value;
    return { ...figure, previousValue: before, change: figure.value !== null && before !== null ? figure.value - before : null, projection: projections.get(indicator.id)! };
  });

  const trend = trendMonths.map((month) => {
    const figure = indicatorFigure(selected, monthly.get(month) ?? new Map(), targetsOf(month).get(selected.id));
    return { period: periodCode(month), value: figure.value, target: figure.target?.value ?? null, numerator: figure.numerator, denominator: figure.denominator };
  });
  // The selected indicator's projection, month by month to its deadline: a dashed line and the range of the two windows.
  const selectedProjection = projections.get(selected.id)!;
  const projectionLine = projectionPath(selectedProjection).map((point) => ({ ...point, period: periodCode(point.period) }));

  const children: DashboardChild[] = childUnits.map((child) => {
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

  // The children whose projection misses the target, the largest monthly shortfall first (today's map only:
  // the units of another time have no projection).
  const unitsAtRisk: UnitAtRisk[] = children
    .flatMap((child) => {
      const figure = child.figures.find((candidate) => candidate.code === selected.code)!;
      const projection = figure.projection;
      return projection && (projection.state === "atRisk" || projection.state === "offTrack") ? [{ code: child.code, name: child.name, figure, projection }] : [];
    })
    .sort((a, b) => (b.projection.shortfallPerMonth ?? 0) - (a.projection.shortfallPerMonth ?? 0) || compareVietnamese(a.name, b.name));

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
    mapMode,
    indicators: indicators.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
    selectedIndicator: selected.code,
    /** The month being reported, when the dashboard opened on an earlier one because nobody below has reported it yet. */
    unreportedMonth: opening?.unreportedMonth ?? null,
    cards,
    trend,
    projectionLine,
    children,
    unitsAtRisk,
    completeness,
    teams,
    activities,
    canSetTargets: subject.unit !== null ? await can(actor, "targets.write", { unitId: subject.unit.id }) : actor.role === "ADMIN",
  };
}

type Selection = Pick<PeriodSelection, "from" | "to">;
type Reporting = { unitsReported: number; groupsReported: number; unitsApproved: number };

/** The subject's and its children's figures on today's map: the roll-ups. */
async function figuresOnTodaysMap(rootIds: number[], children: UnitSummary[], selection: Selection, previous: Selection, indicators: IndicatorDefinition[], selectedCode: string) {
  const childIds = children.map((child) => child.id);
  // The whole country's roots are its provinces, which are also its children: their sums are read once.
  const rootsAreChildren = rootIds.length === childIds.length && rootIds.every((id) => childIds.includes(id));
  const childSums = elementSumsByUnit(childIds, selection.from, selection.to);
  const [sums, previousSums, childFigures, childReporting, ownReporting, groupTotals] = await Promise.all([
    rootsAreChildren ? childSums.then(addedUp) : elementSumsOf(rootIds, selection.from, selection.to),
    elementSumsOf(rootIds, previous.from, previous.to),
    // The children as the read API and the reports show them (the period's last month's targets).
    indicatorFiguresOf(children, selection, indicators, childSums, [selectedCode]),
    reportingByUnit(childIds, selection.to),
    reportingByUnit(rootIds, selection.to),
    groupsBelow([...rootIds, ...childIds], selection.to),
  ]);
  return { sums, previousSums, childUnits: children, childFigures, childReporting: childReporting as Map<number, Reporting>, ownReporting: ownReporting as Map<number, Reporting>, groupTotals };
}

/** The same on the map of the period's last month, from the raw values (lib/reorganisation/map-of-that-time.ts). */
async function figuresOnMapOfThatTime(rootIds: number[], _children: UnitSummary[], selection: Selection, previous: Selection, indicators: IndicatorDefinition[]) {
  const [then, before] = await Promise.all([mapOfThatTime(rootIds, selection.from, selection.to), mapOfThatTime(rootIds, previous.from, previous.to)]);
  const childUnits = [...then.children].sort((a, b) => compareVietnamese(a.name, b.name));
  const targets = await resolveTargetGrid(childUnits.map((child) => child.id), [selection.to]);
  const childFigures = new Map(
    childUnits.map((child) => {
      const own = targets.get(gridKey(child.id, selection.to)) ?? new Map();
      return [child.id, indicators.map((indicator) => indicatorFigure(indicator, then.byChild.get(child.id) ?? new Map(), own.get(indicator.id)))];
    }),
  );
  const groupTotals = new Map<number, number>(childUnits.map((child) => [child.id, then.reportingByChild.get(child.id)?.groupsTotal ?? 0]));
  // The subject counts as one "root" whose totals are the sum over its roots.
  const rootKey = rootIds[0];
  groupTotals.set(rootKey, then.totalReporting.groupsTotal);
  for (const id of rootIds.slice(1)) groupTotals.set(id, 0);
  const ownReporting = new Map<number, Reporting>([[rootKey, then.totalReporting]]);
  return { sums: then.total, previousSums: before.total, childUnits, childFigures, childReporting: then.reportingByChild as Map<number, Reporting>, ownReporting, groupTotals };
}

export type Dashboard = Extract<Awaited<ReturnType<typeof getDashboard>>, { ok: true }>;
export type { PeriodSelection };
