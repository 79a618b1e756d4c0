/**
 * Number, percentage and date formatting for the two interface languages.
 * Vietnamese style: 2.869 · 53,51% · 23/11/2026.
 */
export type Locale = "vi" | "en";
export const LOCALES: readonly Locale[] = ["vi", "en"];
export const DEFAULT_LOCALE: Locale = "vi";

const intlLocale = (locale: Locale) => (locale === "vi" ? "vi-VN" : "en-GB");

/**
 * Formatters are built once per locale and options: building an Intl formatter costs tens of
 * microseconds, and a district's dashboard formats a few thousand figures per page.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n${locale}${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(locale, options)));
  return formatter;
}
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d${locale}${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return formatter;
}

export function isLocale(value: unknown): value is Locale {
  return value === "vi" || value === "en";
}

export function formatNumber(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return numberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(value);
}

/** A ratio between 0 and 1 as a percentage; null (no denominator) is shown as a dash, never 0%. */
export function formatPercent(ratio: number | null, locale: Locale = DEFAULT_LOCALE, fractionDigits = 2): string {
  if (ratio === null || !Number.isFinite(ratio)) return "–";
  return numberFormat(intlLocale(locale), {
    style: "percent",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

/** dd/MM/yyyy in Vietnamese, dd/MM/yyyy in British English too (both day-first). */
export function formatDate(date: Date, locale: Locale = DEFAULT_LOCALE): string {
  return dateFormat(intlLocale(locale), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(date);
}

export function formatDateTime(date: Date, locale: Locale = DEFAULT_LOCALE): string {
  return dateFormat(intlLocale(locale), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(date);
}

/** An ISO month or day as the tables write it, day first in both languages: "2026-10" → "10/2026", "2026-10-05" → "05/10/2026". */
export function dayFirst(iso: string): string {
  return iso.split("-").reverse().join("/");
}

/** A month id (yyyymm) as "Tháng 10/2026" or "October 2026". */
export function formatPeriod(periodId: number, locale: Locale = DEFAULT_LOCALE): string {
  const year = Math.floor(periodId / 100);
  const month = periodId % 100;
  if (locale === "vi") return `Tháng ${month}/${year}`;
  return dateFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/** A difference of two ratios in percentage points, signed: "+2,1" or "−9,6"; a dash when unknown. */
export function formatPoints(difference: number | null, locale: Locale = DEFAULT_LOCALE): string {
  if (difference === null || !Number.isFinite(difference)) return "–";
  return numberFormat(intlLocale(locale), { signDisplay: "exceptZero", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(difference * 100);
}
