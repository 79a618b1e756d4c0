import type { Projection } from "@/lib/dashboard/projection";
import { dayFirst, formatNumber, formatPercent, type Locale } from "@/lib/format";
import { periodCode } from "@/lib/periods";

/** The dashboard.projection catalogue, as getTranslations("dashboard.projection") gives it. */
export type ProjectionWords = (key: string, values?: Record<string, string | number>) => string;

/** A state as a symbol and words (the symbol and colour from .badge.p-<state> in globals.css): never colour alone. */
export function ProjectionBadge({ projection, words }: { projection: Projection; words: ProjectionWords }) {
  return <span className={`badge p-${projection.state}`}>{words(`states.${projection.state}`)}</span>;
}

/** A month as the tables write it, "12/2026"; a dash when there is none. */
export const monthText = (id: number | null) => (id === null ? "–" : dayFirst(periodCode(id)));

/** A whole count a month: a pace of 12.4 people is said as 13 needed, 12 gained. */
const perMonth = (value: number | null, locale: Locale, round: (value: number) => number) => (value === null ? "–" : formatNumber(round(value), locale));
export const neededText = (value: number | null, locale: Locale) => perMonth(value, locale, Math.ceil);
export const paceText = (value: number | null, locale: Locale) => perMonth(value, locale, Math.round);

/**
 * Where the unit lands at the deadline and what it needs each month, in the committee's words:
 * "Dự kiến đến 12/2026: 34,0% (từ 33,1% đến 34,0%). Cần thêm 310 người mỗi tháng; …".
 */
export function projectionSentences(projection: Projection, indicatorCode: string, words: ProjectionWords, locale: Locale): string[] {
  const noun = words(`nouns.${indicatorCode}`);
  switch (projection.state) {
    case "noTarget":
      return [];
    case "met":
      return projection.basedOn !== null ? [words("alreadyMet", { month: monthText(projection.basedOn) })] : [];
    case "notEnoughHistory":
      return [words("notEnoughHistory")];
  }
  if (projection.basedOn !== null && projection.deadline !== null && projection.basedOn >= projection.deadline) {
    return [words("deadlineCome", { deadline: monthText(projection.deadline), value: formatPercent(projection.value, locale, 1) })];
  }
  const range = projection.low !== null && projection.high !== null && projection.high - projection.low >= 0.0005 ? ` ${words("range", { low: formatPercent(projection.low, locale, 1), high: formatPercent(projection.high, locale, 1) })}` : "";
  return [
    `${words("landing", { deadline: monthText(projection.deadline), value: formatPercent(projection.value, locale, 1) })}${range}.`,
    words("needs", { count: neededText(projection.neededPerMonth, locale), noun, pace: paceText(projection.pacePerMonth, locale) }),
    ...(projection.deadlineFromTarget || projection.deadline === null ? [] : [words("yearEnd", { year: Math.floor(projection.deadline / 100) })]),
  ];
}
