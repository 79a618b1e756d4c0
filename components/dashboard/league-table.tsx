import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { DashboardChild } from "@/lib/dashboard/get-dashboard";
import { formatNumber, formatPercent, formatPoints, type Locale } from "@/lib/format";
import { compareVietnamese } from "@/lib/text";
import { StateBadge } from "./state-badge";
import { ScrollBox } from "@/components/ui/scroll-box";

export const SORT_COLUMNS = ["value", "gap", "name", "reported"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** Ranked by the chosen indicator; units without data go last whichever way the table is sorted. */
export function sortChildren(children: DashboardChild[], indicator: string, column: SortColumn, direction: "asc" | "desc"): DashboardChild[] {
  const figure = (child: DashboardChild) => child.figures.find((f) => f.code === indicator)!;
  const key = (child: DashboardChild): number | string | null => {
    if (column === "name") return child.name;
    if (column === "reported") return child.groupsTotal > 0 ? child.groupsReported / child.groupsTotal : null;
    return column === "value" ? figure(child).value : figure(child).gap;
  };
  const sign = direction === "asc" ? 1 : -1;
  return [...children].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? compareVietnamese(a.name, b.name) : ka === null ? 1 : -1;
    const order = typeof ka === "string" ? compareVietnamese(ka, kb as string) : ka - (kb as number);
    return order === 0 ? compareVietnamese(a.name, b.name) : sign * order;
  });
}

export async function LeagueTable({ rows, indicator, locale, sort, direction, sortHref, childHref }: {
  rows: DashboardChild[];
  indicator: string;
  locale: Locale;
  sort: SortColumn;
  direction: "asc" | "desc";
  sortHref: (column: SortColumn, direction: "asc" | "desc") => string;
  childHref: (code: string) => string;
}) {
  const t = await getTranslations("dashboard");
  const header = (column: SortColumn, label: string, align = "text-left") => {
    const active = sort === column;
    const next = active && direction === "desc" ? "asc" : "desc";
    return (
      <th scope="col" className={`p-2 ${align}`} aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={sortHref(column, next)} className="inline-flex min-h-10 items-center gap-1 underline-offset-2 hover:underline" aria-label={t("sortBy", { column: label })}>
          {label}
          {active && <span aria-hidden>{direction === "asc" ? "▲" : "▼"}</span>}
        </Link>
      </th>
    );
  };
  return (
    <ScrollBox label={t("childrenTable")} className="rounded-md bg-white shadow-sm">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">{t("childrenTable")}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="p-2">{t("rank")}</th>
            {header("name", t("unit"))}
            {header("value", t("valueCol"), "text-right")}
            <th scope="col" className="p-2 text-right">{t("numeratorCol")} / {t("denominatorCol")}</th>
            <th scope="col" className="p-2 text-right">{t("targetCol")}</th>
            {header("gap", t("gapCol"), "text-right")}
            <th scope="col" className="p-2">{t("stateCol")}</th>
            {header("reported", t("reportedCol"), "text-right")}
          </tr>
        </thead>
        <tbody>
          {rows.map((child, index) => {
            const figure = child.figures.find((f) => f.code === indicator)!;
            return (
              <tr key={child.code} className="border-t border-slate-100">
                <td className="p-2 tabular-nums">{figure.value === null ? "–" : index + 1}</td>
                <td className="p-2">
                  <Link href={childHref(child.code)} className="font-medium text-brand-700 underline-offset-2 hover:underline">{child.name}</Link>
                </td>
                <td className="p-2 text-right font-semibold tabular-nums">
                  {formatPercent(figure.value, locale, 1)}
                  {child.unitsApproved < child.unitsReported && <abbr title={t("notApprovedMark")} className="ml-0.5 no-underline">*</abbr>}
                </td>
                <td className="p-2 text-right tabular-nums">{figure.denominator > 0 ? `${formatNumber(figure.numerator, locale)} / ${formatNumber(figure.denominator, locale)}` : "–"}</td>
                <td className="p-2 text-right tabular-nums">{figure.target ? formatPercent(figure.target.value, locale, 0) : "–"}</td>
                <td className="p-2 text-right tabular-nums">{formatPoints(figure.gap, locale)}</td>
                <td className="p-2"><StateBadge state={figure.state} /></td>
                <td className="p-2 text-right tabular-nums">{child.groupsTotal > 0 ? `${formatNumber(child.groupsReported, locale)}/${formatNumber(child.groupsTotal, locale)}` : "–"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.some((child) => child.unitsApproved < child.unitsReported) && <p className="p-2 text-sm text-slate-700">{t("notApprovedMark")}</p>}
    </ScrollBox>
  );
}
