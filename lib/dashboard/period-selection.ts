/**
 * The period a dashboard or the API is asked for: a month (2026-10), a quarter
 * (2026-Q3), a year (2026) or a range of months (from=2026-01&to=2026-06).
 * Pure: parsing and the rules, with messages that name the parameter and the rule.
 */
import { addMonths, monthsBetween, parsePeriodCode, periodCode } from "../periods";
import { formatPeriod, type Locale } from "../format";
import { AppError } from "../errors";
import type { MessageKey, MessageValues } from "../i18n/translate";

export const MAX_RANGE_MONTHS = 36;

export interface PeriodSelection {
  kind: "month" | "quarter" | "year" | "range";
  /** First and last month (yyyymm), both included. */
  from: number;
  to: number;
  /** How the selection is written in a URL: "2026-10", "2026-Q3", "2026" or "2026-01..2026-06". */
  code: string;
}

/** A refusal is an AppError, so that each reader gets it in their language. */
export type PeriodParse = { ok: true; selection: PeriodSelection } | { ok: false; error: AppError };

const refuse = (key: MessageKey, values?: MessageValues): PeriodParse => ({ ok: false, error: new AppError("INVALID_INPUT", key, values) });

export function monthsIn(selection: Pick<PeriodSelection, "from" | "to">): number {
  return monthsBetween(selection.from, selection.to) + 1;
}

/**
 * The time just before, to show the change: the previous month, the whole
 * previous quarter or year (even while this one is under way), or a range of
 * the same length.
 */
export function previousSelection(selection: PeriodSelection): PeriodSelection {
  const length = selection.kind === "quarter" ? 3 : selection.kind === "year" ? 12 : monthsIn(selection);
  const from = addMonths(selection.from, -length);
  const to = selection.kind === "quarter" || selection.kind === "year" ? addMonths(from, length - 1) : addMonths(selection.to, -length);
  return { kind: selection.kind, from, to, code: codeOf(selection.kind, from, to) };
}

function codeOf(kind: PeriodSelection["kind"], from: number, to: number): string {
  if (kind === "month") return periodCode(from);
  if (kind === "quarter") return `${Math.floor(from / 100)}-Q${Math.ceil((from % 100) / 3)}`;
  if (kind === "year") return String(Math.floor(from / 100));
  return `${periodCode(from)}..${periodCode(to)}`;
}

function parseOne(text: string): { kind: PeriodSelection["kind"]; from: number; to: number } | null {
  const month = parsePeriodCode(text);
  if (month !== null) return { kind: "month", from: month, to: month };
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (quarter) {
    const start = Number(quarter[1]) * 100 + (Number(quarter[2]) - 1) * 3 + 1;
    return { kind: "quarter", from: start, to: start + 2 };
  }
  const year = /^(\d{4})$/.exec(text);
  if (year && Number(year[1]) >= 2000 && Number(year[1]) <= 2100) return { kind: "year", from: Number(year[1]) * 100 + 1, to: Number(year[1]) * 100 + 12 };
  return null;
}

/**
 * Reads `period`, or `from` and `to`. `currentMonth` is the month of today: a
 * selection may not start after it (a quarter or year still under way ends at it).
 * With nothing given, the default month is used.
 */
export function parsePeriodSelection(params: { period?: string | null; from?: string | null; to?: string | null }, currentMonth: number, defaultMonth: number): PeriodParse {
  const period = params.period?.trim() || null;
  const fromText = params.from?.trim() || null;
  const toText = params.to?.trim() || null;
  if (period && (fromText || toText)) return refuse("errors.periodBoth");
  if (!period && !fromText && !toText) return { ok: true, selection: { kind: "month", from: defaultMonth, to: defaultMonth, code: periodCode(defaultMonth) } };

  let kind: PeriodSelection["kind"];
  let from: number;
  let to: number;
  if (period) {
    const parsed = parseOne(period);
    if (!parsed) return refuse("errors.periodUnknown", { period });
    ({ kind, from, to } = parsed);
  } else {
    if (!fromText || !toText) return refuse("errors.rangeIncomplete");
    const start = parsePeriodCode(fromText);
    const end = parsePeriodCode(toText);
    if (start === null) return refuse("errors.rangeFromInvalid", { text: fromText });
    if (end === null) return refuse("errors.rangeToInvalid", { text: toText });
    if (start > end) return refuse("errors.rangeReversed");
    kind = "range";
    from = start;
    to = end;
  }
  if (from > currentMonth) return refuse("errors.periodNotYet", { month: periodCode(from).split("-").reverse().join("/") });
  // A quarter or year under way is shown up to this month; a range must not reach into the future.
  if (to > currentMonth) {
    if (kind === "range") return refuse("errors.rangeToFuture", { month: periodCode(to).split("-").reverse().join("/") });
    to = currentMonth;
  }
  const selection = { kind, from, to, code: kind === "range" ? codeOf(kind, from, to) : (period as string).toUpperCase() };
  if (monthsIn(selection) > MAX_RANGE_MONTHS) return refuse("errors.rangeTooLong", { months: monthsIn(selection), maximum: MAX_RANGE_MONTHS });
  return { ok: true, selection };
}

/** The selection written as URL parameters, for links that keep it. */
export function selectionParams(selection: PeriodSelection): Record<string, string> {
  if (selection.kind === "range") return { from: periodCode(selection.from), to: periodCode(selection.to) };
  return { period: selection.code };
}

/** "Tháng 10/2026", "Quý 3/2026", "Năm 2026", "01/2026 – 06/2026". */
export function periodLabel(selection: Pick<PeriodSelection, "kind" | "from" | "to">, locale: Locale): string {
  const year = Math.floor(selection.from / 100);
  const short = (id: number) => `${String(id % 100).padStart(2, "0")}/${Math.floor(id / 100)}`;
  if (selection.kind === "month") return formatPeriod(selection.from, locale);
  if (selection.kind === "quarter") return locale === "vi" ? `Quý ${Math.ceil((selection.from % 100) / 3)}/${year}` : `Q${Math.ceil((selection.from % 100) / 3)} ${year}`;
  if (selection.kind === "year") return locale === "vi" ? `Năm ${year}` : `Year ${year}`;
  return `${short(selection.from)} – ${short(selection.to)}`;
}

