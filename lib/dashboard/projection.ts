/**
 * Where will a unit land: the pace of an indicator's numerator and
 * denominator over the last 3 and the last 6 months of figures, the rate they
 * lead to at the target's deadline, and the monthly gain needed to reach the
 * target by then. Pure: the dashboard, the API and the exports all call it on
 * the same roll-up figures, so they cannot disagree.
 *
 * The rules, as the README states them:
 * - A month counts when it has figures (a reported numerator and a
 *   denominator above 0), within the twelve months to the period, unless it
 *   is one of the latest months and fewer units below reported it than the
 *   month before (its figures are still coming in: a month half the groups
 *   have not reported yet would read as a fall). projection-series.ts.
 * - A window's pace is the change between its first and last month divided
 *   by the calendar months between them (a month missing in the middle does
 *   not count as no change). The 3-month window is the central projection;
 *   the 6-month window (as many months as there are, at least 3) gives the
 *   range.
 * - Fewer than 3 months, or a denominator that moves more per month than the
 *   numerator in either window: not enough history, no projection.
 * - The deadline is the last month of the target in force; an open-ended
 *   target uses December of the period's year, and says so.
 */
import { addMonths, monthsBetween } from "../periods";

export interface MonthFigures {
  period: number;
  numerator: number;
  denominator: number;
}

export interface ProjectionTarget {
  value: number;
  /** The target's last month; null when it has no end. */
  toPeriodId: number | null;
}

/** met: already at the target; atRisk: the projection misses by at most AT_RISK_GAP, or the two windows disagree. */
export type ProjectionState = "met" | "onTrack" | "atRisk" | "offTrack" | "notEnoughHistory" | "noTarget";

export interface ProjectionWindow {
  /** 3 or 6: the months asked for; `from`–`to` are the months it used. */
  months: number;
  from: number;
  to: number;
  numeratorPerMonth: number;
  denominatorPerMonth: number;
  /** The rate this pace reaches at the deadline, between 0 and 1; null when the denominator would vanish. */
  projected: number | null;
}

export interface Projection {
  state: ProjectionState;
  /** yyyymm; null without a target and without a month to project from. */
  deadline: number | null;
  /** false: the target has no end month, so the deadline is December of the period's year. */
  deadlineFromTarget: boolean;
  /** The last month of figures the projection starts from. */
  basedOn: number | null;
  /** The rate at that month, and its numerator and denominator. */
  current: number | null;
  baseNumerator: number | null;
  baseDenominator: number | null;
  /** The central projection (the 3-month window) and the range of both windows. */
  value: number | null;
  low: number | null;
  high: number | null;
  /** Numerator gained per month at the recent pace (persons, dossiers, merchants…). */
  pacePerMonth: number | null;
  /** Numerator to gain each month from `basedOn` to reach the target by the deadline; 0 when the target is already met. */
  neededPerMonth: number | null;
  /** neededPerMonth − pacePerMonth, never below 0: what the units at risk are ranked by. */
  shortfallPerMonth: number | null;
  windows: ProjectionWindow[];
}

/** Five points: within them a projection that misses is "at risk", not "off track". */
export const AT_RISK_GAP = 0.05;
export const MIN_MONTHS = 3;
export const WINDOWS = [3, 6] as const;
/** How far back the months of figures are looked for. */
export const LOOKBACK_MONTHS = 12;

/** The deadline of a target in force at `asOf`: its last month, else December of that year. */
export function deadlineOf(target: ProjectionTarget | null, asOf: number): { deadline: number; fromTarget: boolean } {
  if (target?.toPeriodId != null) return { deadline: target.toPeriodId, fromTarget: true };
  return { deadline: Math.floor(asOf / 100) * 100 + 12, fromTarget: false };
}

/** The rate `ahead` months after a base month at a window's pace; null when the denominator would vanish. */
function rateAfter(base: Pick<MonthFigures, "numerator" | "denominator">, pace: Pick<ProjectionWindow, "numeratorPerMonth" | "denominatorPerMonth">, ahead: number): number | null {
  const denominator = base.denominator + pace.denominatorPerMonth * ahead;
  // A share cannot pass the whole nor fall below nothing.
  return denominator > 0 ? Math.min(Math.max(base.numerator + pace.numeratorPerMonth * ahead, 0), denominator) / denominator : null;
}

function windowOf(months: MonthFigures[], size: number, deadline: number): ProjectionWindow {
  const used = months.slice(-size);
  const first = used[0];
  const last = used.at(-1)!;
  const span = monthsBetween(first.period, last.period);
  const pace = { numeratorPerMonth: (last.numerator - first.numerator) / span, denominatorPerMonth: (last.denominator - first.denominator) / span };
  return { months: size, from: first.period, to: last.period, ...pace, projected: rateAfter(last, pace, Math.max(0, monthsBetween(last.period, deadline))) };
}

const reaches = (value: number | null, target: number, higherIsBetter: boolean) => value !== null && (higherIsBetter ? value >= target : value <= target);

/**
 * `months`: the months of figures, in any order, with gaps; only those counted by the rules above
 * are passed (see projection-series.ts). `asOf`: the period's last month.
 */
export function projectIndicator(months: MonthFigures[], target: ProjectionTarget | null, asOf: number, higherIsBetter = true): Projection {
  const series = months.filter((month) => month.period <= asOf && month.denominator > 0).sort((a, b) => a.period - b.period);
  const last = series.at(-1) ?? null;
  const current = last ? last.numerator / last.denominator : null;
  const { deadline, fromTarget } = deadlineOf(target, asOf);
  const empty: Projection = {
    state: "notEnoughHistory",
    deadline: target ? deadline : null,
    deadlineFromTarget: fromTarget,
    basedOn: last?.period ?? null,
    current,
    baseNumerator: last?.numerator ?? null,
    baseDenominator: last?.denominator ?? null,
    value: null,
    low: null,
    high: null,
    pacePerMonth: null,
    neededPerMonth: null,
    shortfallPerMonth: null,
    windows: [],
  };
  if (target && reaches(current, target.value, higherIsBetter)) return { ...empty, state: "met", value: current, low: current, high: current, neededPerMonth: 0, shortfallPerMonth: 0 };
  if (series.length < MIN_MONTHS) return { ...empty, state: target ? "notEnoughHistory" : "noTarget" };
  const windows = WINDOWS.map((size) => windowOf(series, size, deadline));
  // A whole that moves more than its part (groups joining or leaving, a recount) makes a straight line meaningless.
  if (windows.some((window) => Math.abs(window.denominatorPerMonth) > Math.abs(window.numeratorPerMonth))) return { ...empty, state: target ? "notEnoughHistory" : "noTarget" };
  const [recent] = windows;
  const projected = windows.map((window) => window.projected).filter((value): value is number => value !== null);
  const result: Projection = {
    ...empty,
    state: "noTarget",
    value: recent.projected,
    low: projected.length > 0 ? Math.min(...projected) : null,
    high: projected.length > 0 ? Math.max(...projected) : null,
    pacePerMonth: recent.numeratorPerMonth,
    windows,
  };
  if (!target) return result;
  const ahead = monthsBetween(last!.period, deadline);
  if (ahead <= 0) {
    // The deadline has come: what is reported is where the unit landed.
    return { ...result, value: current, low: current, high: current, state: "offTrack" };
  }
  // The part the target asks of the whole as it will be then; lower-is-better asks for a fall.
  const neededNumerator = target.value * (last!.denominator + recent.denominatorPerMonth * ahead);
  const neededPerMonth = Math.max(0, (higherIsBetter ? neededNumerator - last!.numerator : last!.numerator - neededNumerator) / ahead);
  const hits = windows.map((window) => reaches(window.projected, target.value, higherIsBetter));
  const gap = recent.projected === null ? Infinity : higherIsBetter ? target.value - recent.projected : recent.projected - target.value;
  const state: ProjectionState = hits.every(Boolean) ? "onTrack" : hits.some(Boolean) || gap <= AT_RISK_GAP ? "atRisk" : "offTrack";
  const pace = higherIsBetter ? recent.numeratorPerMonth : -recent.numeratorPerMonth;
  return { ...result, state, neededPerMonth, shortfallPerMonth: Math.max(0, neededPerMonth - pace) };
}

/** Month by month from the base month to the deadline: the central projection and the range, for the trend chart. */
export function projectionPath(projection: Projection): { period: number; value: number; low: number; high: number }[] {
  if (projection.basedOn === null || projection.deadline === null || projection.windows.length === 0 || projection.baseNumerator === null || projection.baseDenominator === null) return [];
  const base = { numerator: projection.baseNumerator, denominator: projection.baseDenominator };
  const path = [];
  for (let ahead = 0; ahead <= monthsBetween(projection.basedOn, projection.deadline); ahead += 1) {
    const rates = projection.windows.map((window) => rateAfter(base, window, ahead));
    if (rates.some((rate) => rate === null)) break;
    const values = rates as number[];
    path.push({ period: addMonths(projection.basedOn, ahead), value: values[0], low: Math.min(...values), high: Math.max(...values) });
  }
  return path;
}

/** The first month the projection looks at for a period ending `asOf`. */
export const lookbackStart = (asOf: number) => addMonths(asOf, -(LOOKBACK_MONTHS - 1));
