import { getTranslations } from "next-intl/server";
import type { UnitAtRisk } from "@/lib/dashboard/get-dashboard";
import { formatPercent, type Locale } from "@/lib/format";
import { html, StaticHtml } from "@/components/ui/static-html";
import { ScrollBox } from "@/components/ui/scroll-box";
import { monthText, neededText, paceText, type ProjectionWords } from "./projection-summary";

/**
 * The children whose projection misses the target, the largest monthly shortfall first: who the
 * committee should call first. Built as one escaped HTML string like the league table.
 */
export async function UnitsAtRisk({ units, indicator, indicatorName, unknown, mapThen, locale, childHref }: {
  units: UnitAtRisk[];
  indicator: string;
  indicatorName: string;
  /** Children with not enough history to project. */
  unknown: number;
  mapThen: boolean;
  locale: Locale;
  childHref: (code: string) => string;
}) {
  // Keys built from a state or an indicator's code: typed as plain strings.
  const t = (await getTranslations("dashboard.projection")) as unknown as ProjectionWords;
  const noun = t(`nouns.${indicator}`);
  const table = html`<table class='figures roomy min-w-[44rem]'><caption class='sr-only'>${t("atRiskTitle", { indicator: indicatorName })}</caption><thead><tr><th scope='col' class='l'>${t("colState")}</th><th scope='col' class='l'>${t("colShortfall")}</th><th scope='col'>${t("colCurrent")}</th><th scope='col'>${t("colProjected")}</th><th scope='col'>${t("colTarget")}</th><th scope='col'>${t("colDeadline")}</th><th scope='col'>${t("colNeeded")}</th><th scope='col'>${t("colPace")}</th></tr></thead><tbody>${units.map(
    ({ code, name, figure, projection }) =>
      html`<tr data-unit='${code}'><th scope='row'><a href='${childHref(code)}'>${name}</a><br><span class='badge p-${projection.state}'>${t(`states.${projection.state}`)}</span></th><td class='font-semibold'>${neededText(projection.shortfallPerMonth, locale)} ${noun}</td><td>${formatPercent(projection.current, locale, 1)}</td><td>${formatPercent(projection.value, locale, 1)}</td><td>${figure.target ? formatPercent(figure.target.value, locale, 0) : "–"}</td><td>${monthText(projection.deadline)}</td><td>${neededText(projection.neededPerMonth, locale)}</td><td>${paceText(projection.pacePerMonth, locale)}</td></tr>`,
  )}</tbody></table>`;
  return (
    <section aria-labelledby="at-risk-heading" className="mb-6" data-testid="units-at-risk">
      <h2 id="at-risk-heading" className="mb-2 text-xl font-semibold">{t("atRiskTitle", { indicator: indicatorName })}</h2>
      {mapThen ? (
        <p className="rounded-md bg-white p-4">{t("atRiskThen")}</p>
      ) : units.length === 0 ? (
        <p className="rounded-md bg-white p-4">{t("atRiskNone")}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700">{t("atRiskIntro", { noun })}</p>
          <ScrollBox label={t("atRiskTitle", { indicator: indicatorName })} className="rounded-md bg-white shadow-sm">
            <StaticHtml html={table} />
          </ScrollBox>
        </>
      )}
      {!mapThen && unknown > 0 && <p className="mt-2 text-sm text-slate-700">{t("atRiskUnknown", { count: unknown })}</p>}
    </section>
  );
}
