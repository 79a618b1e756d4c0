import { getTranslations } from "next-intl/server";
import type { DashboardChild } from "@/lib/dashboard/get-dashboard";
import { formatPercent, type Locale } from "@/lib/format";
import { ScrollBox } from "@/components/ui/scroll-box";

/**
 * Children × indicators, each cell coloured by its gap to target and carrying the value, a symbol
 * and the state in words for screen readers, so colour is never the only cue. The styles live on
 * the table (.figures.roomy.heat and .s-<state> in globals.css), not on each of its hundreds of
 * cells, and the links are plain anchors: nothing here hydrates.
 */
export async function HeatMap({ rows, indicators, locale, childHref }: { rows: DashboardChild[]; indicators: { code: string; name: string; nameEn: string }[]; locale: Locale; childHref: (code: string) => string }) {
  const t = await getTranslations("dashboard");
  const states = await getTranslations("dashboard.states");
  const stateWords = new Map<string, string>();
  const said = (state: DashboardChild["figures"][number]["state"]) => {
    if (!stateWords.has(state)) stateWords.set(state, ` (${states(state)})`);
    return stateWords.get(state)!;
  };
  return (
    <ScrollBox label={t("heatTitle")} className="rounded-md bg-white shadow-sm">
      <table className="figures roomy heat">
        <caption className="p-2 text-left text-slate-700">{t("heatIntro")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("unit")}</th>
            {indicators.map((indicator) => (
              <th key={indicator.code} scope="col">{locale === "en" ? indicator.nameEn : indicator.name.replace(/^Tỷ lệ /, "")}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((child) => (
            <tr key={child.code}>
              <th scope="row"><a href={childHref(child.code)}>{child.name}</a></th>
              {child.figures.map((figure) => (
                <td key={figure.code} className={`s-${figure.state}`}>
                  {formatPercent(figure.value, locale, 0)}
                  <span className="sr-only">{said(figure.state)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
