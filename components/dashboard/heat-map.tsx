import { getTranslations } from "next-intl/server";
import type { DashboardChild } from "@/lib/dashboard/get-dashboard";
import type { TargetState } from "@/lib/dashboard/indicator-figures";
import { formatPercent, type Locale } from "@/lib/format";
import { ScrollBox } from "@/components/ui/scroll-box";
import { html, StaticHtml } from "@/components/ui/static-html";

/**
 * Children × indicators, each cell coloured by its gap to target and carrying the value, a symbol
 * and the state in words for screen readers, so colour is never the only cue. The styles live on
 * the table (.figures.roomy.heat and .s-<state> in globals.css), and the table is one server-built
 * string (components/ui/static-html.tsx): a ward of fifty groups has seven hundred cells.
 */
export async function HeatMap({ rows, indicators, locale, childHref }: { rows: DashboardChild[]; indicators: { code: string; name: string; nameEn: string }[]; locale: Locale; childHref: (code: string) => string }) {
  const t = await getTranslations("dashboard");
  const states = await getTranslations("dashboard.states");
  // Six states over hundreds of cells: each state's words are formatted once.
  const words = new Map<TargetState, string>();
  const stateWords = (state: TargetState) => {
    if (!words.has(state)) words.set(state, ` (${states(state)})`);
    return words.get(state)!;
  };
  const table = html`<table class='figures roomy heat'><caption class='p-2 text-left text-slate-700'>${t("heatIntro")}</caption><thead><tr><th scope='col'>${t("unit")}</th>${indicators.map(
    (indicator) => html`<th scope='col'>${locale === "en" ? indicator.nameEn : indicator.name.replace(/^Tỷ lệ /, "")}</th>`,
  )}</tr></thead><tbody>${rows.map(
    (child) =>
      html`<tr><th scope='row'><a href='${childHref(child.code)}'>${child.name}</a></th>${child.figures.map(
        (figure) => html`<td class='s-${figure.state}'>${formatPercent(figure.value, locale, 0)}<span class='sr-only'>${stateWords(figure.state)}</span></td>`,
      )}</tr>`,
  )}</tbody></table>`;
  return (
    <ScrollBox label={t("heatTitle")} className="rounded-md bg-white shadow-sm">
      <StaticHtml html={table} />
    </ScrollBox>
  );
}
