import { getTranslations } from "next-intl/server";
import type { DashboardChild } from "@/lib/dashboard/get-dashboard";
import { formatNumber, formatPercent, formatPoints, type Locale } from "@/lib/format";
import { compareVietnamese } from "@/lib/text";
import { html, StaticHtml } from "@/components/ui/static-html";
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
  const states = await getTranslations("dashboard.states");
  const header = (column: SortColumn, label: string, align?: "l") => {
    const active = sort === column;
    const next = active && direction === "desc" ? "asc" : "desc";
    return html`<th scope='col'${align ? html` class='l'` : ""}${active ? html` aria-sort='${direction === "asc" ? "ascending" : "descending"}'` : ""}><a href='${sortHref(column, next)}' class='inline-flex min-h-10 items-center gap-1' aria-label='${t("sortBy", { column: label })}'>${label}${active ? html`<span aria-hidden='true'>${direction === "asc" ? "▲" : "▼"}</span>` : ""}</a></th>`;
  };
  const notApproved = t("notApprovedMark");
  const table = html`<table class='figures roomy min-w-[40rem]'><caption class='sr-only'>${t("childrenTable")}</caption><thead><tr><th scope='col'>${t("rank")}</th>${header("name", t("unit"), "l")}${header("value", t("valueCol"))}<th scope='col'>${t("numeratorCol")} / ${t("denominatorCol")}</th><th scope='col'>${t("targetCol")}</th>${header("gap", t("gapCol"))}<th scope='col' class='l'>${t("stateCol")}</th>${header("reported", t("reportedCol"))}</tr></thead><tbody>${rows.map((child, index) => {
    const figure = child.figures.find((f) => f.code === indicator)!;
    return html`<tr><td class='l'>${figure.value === null ? "–" : index + 1}</td><th scope='row'><a href='${childHref(child.code)}'>${child.name}</a></th><td class='font-semibold'>${formatPercent(figure.value, locale, 1)}${child.unitsApproved < child.unitsReported ? html`<abbr title='${notApproved}' class='ml-0.5 no-underline'>*</abbr>` : ""}</td><td>${figure.denominator > 0 ? `${formatNumber(figure.numerator, locale)} / ${formatNumber(figure.denominator, locale)}` : "–"}</td><td>${figure.target ? formatPercent(figure.target.value, locale, 0) : "–"}</td><td>${formatPoints(figure.gap, locale)}</td><td class='l'><span class='badge s-${figure.state}'>${states(figure.state)}</span></td><td>${child.groupsTotal > 0 ? `${formatNumber(child.groupsReported, locale)}/${formatNumber(child.groupsTotal, locale)}` : "–"}</td></tr>`;
  })}</tbody></table>`;
  return (
    <ScrollBox label={t("childrenTable")} className="rounded-md bg-white shadow-sm">
      <StaticHtml html={table} />
      {rows.some((child) => child.unitsApproved < child.unitsReported) && <p className="p-2 text-sm text-slate-700">{notApproved}</p>}
    </ScrollBox>
  );
}
