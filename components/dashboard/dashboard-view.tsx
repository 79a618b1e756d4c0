import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { selectionParams } from "@/lib/dashboard/period-selection";
import { dayFirst, formatDate, formatNumber, formatPercent, formatPeriod, isLocale, type Locale } from "@/lib/format";
import { periodCode } from "@/lib/periods";
import { unitDisplayName } from "@/lib/units/display-name";
import { KpiCards } from "./kpi-cards";
import { LeagueTable, sortChildren, SORT_COLUMNS, type SortColumn } from "./league-table";
import { HeatMap } from "./heat-map";
import { CompletenessPanel } from "./completeness-panel";
import { TeamPanel } from "./team-panel";
import { ActivityPanel } from "./activity-panel";
import { PeriodPicker, periodLabel } from "./period-picker";
import { LazyChildrenChart, LazyTrendChart } from "./lazy-charts";
import type { TrendPoint } from "./trend-chart";
import { dashboardHref } from "./dashboard-links";
import { ExportLinks } from "./export-links";
import { ScrollBox } from "@/components/ui/scroll-box";
import { UnitsAtRisk } from "./units-at-risk";
import { monthText, projectionSentences, type ProjectionWords } from "./projection-summary";

export interface ViewOptions {
  sort?: string;
  dir?: string;
  /** The month a picker offers first: the last complete one. */
  latestMonth: number;
  /** National administrators see "Toàn quốc" at the top of the breadcrumb. */
  national: boolean;
}

export async function DashboardView({ dashboard, options }: { dashboard: Dashboard; options: ViewOptions }) {
  const t = await getTranslations("dashboard");
  const projectionWords = (await getTranslations("dashboard.projection")) as unknown as ProjectionWords;
  const exportsT = await getTranslations("exports");
  const localeText = await getLocale();
  const locale: Locale = isLocale(localeText) ? localeText : "vi";
  const { subject, selection } = dashboard;
  const code = subject.unit?.code ?? null;
  const sort: SortColumn = (SORT_COLUMNS as readonly string[]).includes(options.sort ?? "") ? (options.sort as SortColumn) : "value";
  const direction = options.dir === "asc" ? "asc" : "desc";
  // The map mode is kept in links only when it is not the unit's default (a unit that has ended opens on the map of its time).
  const mapParam = dashboard.mapMode === "then" ? "then" : subject.closedOn ? "now" : undefined;
  const link = { period: selectionParams(selection), indicator: dashboard.selectedIndicator, sort: options.sort, dir: options.dir, map: mapParam };
  const childHref = (childCode: string) => dashboardHref(childCode, { period: link.period, indicator: link.indicator, map: dashboard.mapMode === "then" ? "then" : undefined });
  const selectedCard = dashboard.cards.find((card) => card.code === dashboard.selectedIndicator)!;
  const selectedName = locale === "en" ? selectedCard.nameEn : selectedCard.name;
  const rows = sortChildren(dashboard.children, dashboard.selectedIndicator, sort, direction);
  const title = subject.unit ? unitDisplayName(subject.unit) : t("country");
  const label = periodLabel(selection, locale);
  const hasData = dashboard.cards.some((card) => card.value !== null);
  const chartLabels = { value: t("valueCol"), target: t("targetCol") };
  const trendPoints = withProjection(dashboard.trend, dashboard.projectionLine, selectedCard.target?.value ?? null);
  const selectedProjection = selectedCard.projection;
  const unknownChildren = dashboard.children.filter((child) => child.figures.find((figure) => figure.code === dashboard.selectedIndicator)?.projection?.state === "notEnoughHistory").length;

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm print:hidden">
        <ol className="flex flex-wrap gap-1">
          {options.national && (
            <li><Link href={dashboardHref(null, link)} className="text-brand-700 underline">{t("country")}</Link></li>
          )}
          {subject.breadcrumb.map((ancestor, index) => (
            <li key={ancestor.id}>
              {(options.national || index > 0) && <span aria-hidden> › </span>}
              <Link href={dashboardHref(ancestor.code, link)} className="text-brand-700 underline">{unitDisplayName(ancestor)}</Link>
            </li>
          ))}
        </ol>
      </nav>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
          <p className="text-slate-700">
            {t("title")} · {label}
            {subject.unit && (
              <>
                {" · "}
                <Link href={`/units/${encodeURIComponent(subject.unit.code)}`} className="text-brand-700 underline print:hidden">{t("unitPage")}</Link>
                {" · "}
                <Link href={`/dashboard/${encodeURIComponent(subject.unit.code)}/targets`} className="text-brand-700 underline print:hidden">{dashboard.canSetTargets ? t("setTargets") : t("viewTargets")}</Link>
              </>
            )}
          </p>
        </div>
        <PeriodPicker action={code === null ? "/dashboard" : `/dashboard/${encodeURIComponent(code)}`} selection={selection} indicator={dashboard.selectedIndicator} latestMonth={options.latestMonth} locale={locale} map={mapParam} />
      </div>

      {subject.closedOn && subject.unit && (
        <p role="status" className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3">
          {t("closedUnit", { date: formatDate(subject.closedOn, locale) })}{" "}
          <Link href={`/units/${encodeURIComponent(subject.unit.code)}`} className="text-brand-700 underline">{t("closedUnitLink")}</Link>
        </p>
      )}
      <nav aria-label={t("mapMode")} className="mb-4 flex flex-wrap items-center gap-2 text-sm print:hidden">
        <span>{t("mapMode")}:</span>
        {(["now", "then"] as const).map((mode) => (
          <Link
            key={mode}
            href={dashboardHref(code, link, { map: mode })}
            aria-current={dashboard.mapMode === mode ? "true" : undefined}
            className={`inline-flex min-h-10 items-center rounded-md border px-3 ${dashboard.mapMode === mode ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-brand-800"}`}
          >
            {mode === "now" ? t("mapNow") : t("mapThen")}
          </Link>
        ))}
        {dashboard.mapMode === "then" && <span className="text-slate-700">{t("mapThenNote")}</span>}
      </nav>

      {subject.unit && (
        <section aria-labelledby="export-heading" className="mb-4 print:hidden">
          <h2 id="export-heading" className="sr-only">{exportsT("title")}</h2>
          <ExportLinks
            links={(() => {
              const query = new URLSearchParams({ ...link.period, indicator: link.indicator }).toString();
              const base = `/api/v1/units/${encodeURIComponent(subject.unit.code)}`;
              return [
                { key: "xlsx", label: exportsT("xlsx"), href: `${base}/report.xlsx?${query}` },
                { key: "pdf", label: exportsT("pdf"), href: `${base}/report.pdf?${query}` },
                { key: "csv", label: exportsT("csvSummary"), href: `${base}/report.csv?${query}` },
                { key: "csv-values", label: exportsT("csvValues"), href: `${base}/report.csv?${query}&table=values` },
                { key: "csv-members", label: exportsT("csvMembers"), href: `${base}/report.csv?${query}&table=members` },
              ];
            })()}
          />
        </section>
      )}

      {dashboard.unreportedMonth !== null && (
        <p role="status" className="mb-4 rounded-md border border-sky-300 bg-sky-50 p-3">
          {t("unreportedMonth", { month: formatPeriod(dashboard.unreportedMonth, locale), shown: formatPeriod(selection.to, locale) })}{" "}
          <Link href={dashboardHref(code, { ...link, period: { period: periodCode(dashboard.unreportedMonth) } })} className="text-brand-700 underline">
            {t("unreportedMonthLink", { month: formatPeriod(dashboard.unreportedMonth, locale) })}
          </Link>
        </p>
      )}
      {!hasData && <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3">{t("emptyUnit", { unit: title })}</p>}

      <section aria-labelledby="cards-heading" className="mb-6">
        <h2 id="cards-heading" className="mb-2 text-xl font-semibold">{t("cardsTitle")}</h2>
        <p className="mb-2 flex flex-wrap gap-x-4 text-sm text-slate-700">
          <span>{t("legend")}:</span>
          <span>✓ {t("legendMet")}</span>
          <span>≈ {t("legendNear")}</span>
          <span>✗ {t("legendFar")}</span>
        </p>
        <KpiCards cards={dashboard.cards} selected={dashboard.selectedIndicator} previousLabel={periodLabel(dashboard.previous, locale)} hrefFor={(indicator) => dashboardHref(code, link, { indicator })} />
      </section>

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <CompletenessPanel completeness={dashboard.completeness} monthLabel={formatPeriodLabel(dashboard.completeness.month, locale)} wardCode={subject.unit?.level === "WARD" ? subject.unit.code : null} locale={locale} />
        <TeamPanel stats={dashboard.teams} locale={locale} />
      </div>

      <section aria-labelledby="trend-heading" className="mb-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="trend-heading" className="mb-2 text-lg font-semibold">{t("trendTitle", { indicator: selectedName, months: dashboard.trend.length })}</h2>
        <figure>
          <div role="img" aria-label={`${t("trendTitle", { indicator: selectedName, months: dashboard.trend.length })}. ${t("chartAlt")}`}>
            <LazyTrendChart points={trendPoints} locale={locale} labels={{ ...chartLabels, projection: projectionWords("chartLine"), range: projectionWords("chartRange") }} />
          </div>
          {dashboard.projectionLine.length > 0 && selectedProjection.deadline !== null && (
            <p className="mt-1 text-sm text-slate-700">{projectionWords("chartNote", { deadline: monthText(selectedProjection.deadline) })}</p>
          )}
          <div className="mt-1 text-sm" data-testid="trend-projection">
            {projectionSentences(selectedProjection, dashboard.selectedIndicator, projectionWords, locale).map((sentence) => (
              <p key={sentence}>{sentence}</p>
            ))}
            {selectedProjection.windows.length > 0 && selectedProjection.basedOn !== null && <p className="text-slate-700">{projectionWords("basedOn", { month: monthText(selectedProjection.basedOn) })}</p>}
          </div>
          <details className="mt-2">
            <summary className="min-h-10 cursor-pointer py-2 text-brand-700">{t("trendTable")}</summary>
            <ScrollBox label={t("trendTable")}>
              <table className="figures min-w-[28rem]">
                <caption className="sr-only">{t("trendTable")}</caption>
                <thead><tr><th scope="col">{t("periodCol")}</th><th scope="col">{t("valueCol")}</th><th scope="col">{t("numeratorCol")}</th><th scope="col">{t("denominatorCol")}</th><th scope="col">{t("targetCol")}</th></tr></thead>
                <tbody>
                  {dashboard.trend.map((point) => (
                    <tr key={point.period}>
                      <th scope="row">{dayFirst(point.period)}</th>
                      <td>{formatPercent(point.value, locale, 1)}</td>
                      <td>{point.denominator > 0 ? formatNumber(point.numerator, locale) : "–"}</td>
                      <td>{point.denominator > 0 ? formatNumber(point.denominator, locale) : "–"}</td>
                      <td>{formatPercent(point.target, locale, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </details>
        </figure>
      </section>

      {rows.length > 0 && (
        <UnitsAtRisk units={dashboard.unitsAtRisk} indicator={dashboard.selectedIndicator} indicatorName={selectedName} unknown={unknownChildren} mapThen={dashboard.mapMode === "then"} locale={locale} childHref={childHref} />
      )}

      <section aria-labelledby="children-heading" className="mb-6">
        <h2 id="children-heading" className="mb-2 text-xl font-semibold">{t("childrenTitle", { indicator: selectedName })}</h2>
        {rows.length === 0 ? (
          <p className="rounded-md bg-white p-4">{t("noChildren")}</p>
        ) : (
          <>
            <div className="mb-3 rounded-md bg-white p-4 shadow-sm" role="img" aria-label={`${t("childrenTitle", { indicator: selectedName })}. ${t("chartAlt")}`}>
              <LazyChildrenChart
                bars={sortChildren(dashboard.children, dashboard.selectedIndicator, "value", "desc").map((child) => {
                  const figure = child.figures.find((f) => f.code === dashboard.selectedIndicator)!;
                  return { name: child.name, value: figure.value, state: figure.state };
                })}
                target={selectedCard.target?.value ?? null}
                locale={locale}
                labels={chartLabels}
              />
            </div>
            <LeagueTable
              rows={rows}
              indicator={dashboard.selectedIndicator}
              locale={locale}
              sort={sort}
              direction={direction}
              sortHref={(column, dir) => `${dashboardHref(code, link, { sort: column, dir })}#children-heading`}
              childHref={childHref}
            />
          </>
        )}
      </section>

      {rows.length > 0 && (
        <section aria-labelledby="heat-heading" className="mb-6">
          <h2 id="heat-heading" className="mb-2 text-xl font-semibold">{t("heatTitle")}</h2>
          <HeatMap rows={rows} indicators={dashboard.indicators} locale={locale} childHref={childHref} />
        </section>
      )}

      <ActivityPanel panel={dashboard.activities} locale={locale} childHref={childHref} />
    </>
  );
}

/**
 * The trend's months, then the months to the deadline (the target carried on): the projection joins
 * the line at its last counted month and runs to the deadline over the range of the two paces.
 */
function withProjection(trend: Dashboard["trend"], line: Dashboard["projectionLine"], target: number | null): TrendPoint[] {
  const at = new Map(line.map((point) => [point.period, point]));
  const last = trend.at(-1)?.period ?? "";
  const projected = (period: string) => {
    const point = at.get(period);
    return point ? { projection: point.value, range: [point.low, point.high] as [number, number] } : { projection: null, range: null };
  };
  return [
    ...trend.map((point) => ({ period: point.period, value: point.value, target: point.target, ...projected(point.period) })),
    ...line.filter((point) => point.period > last).map((point) => ({ period: point.period, value: null, target, ...projected(point.period) })),
  ];
}

function formatPeriodLabel(month: string, locale: Locale): string {
  return periodLabel({ kind: "month", from: Number(month.replace("-", "")), to: Number(month.replace("-", "")) }, locale);
}
