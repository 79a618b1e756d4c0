import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { DashboardChild } from "@/lib/dashboard/get-dashboard";
import { formatPercent, type Locale } from "@/lib/format";
import { STATE_STYLE } from "./state-style";
import { ScrollBox } from "@/components/ui/scroll-box";

/** Children × indicators, each cell coloured by its gap to target and carrying the value and a symbol, so colour is never the only cue. */
export async function HeatMap({ rows, indicators, locale, childHref }: { rows: DashboardChild[]; indicators: { code: string; name: string; nameEn: string }[]; locale: Locale; childHref: (code: string) => string }) {
  const t = await getTranslations("dashboard");
  const states = await getTranslations("dashboard.states");
  return (
    <ScrollBox label={t("heatTitle")} className="rounded-md bg-white shadow-sm">
      <table className="w-full min-w-[48rem] border-collapse text-left text-xs sm:text-sm">
        <caption className="p-2 text-left text-slate-700">{t("heatIntro")}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="sticky left-0 bg-slate-100 p-2">{t("unit")}</th>
            {indicators.map((indicator) => (
              <th key={indicator.code} scope="col" className="p-2 align-bottom font-semibold">{locale === "en" ? indicator.nameEn : indicator.name.replace(/^Tỷ lệ /, "")}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((child) => (
            <tr key={child.code} className="border-t border-white">
              <th scope="row" className="sticky left-0 bg-white p-2 font-medium">
                <Link href={childHref(child.code)} className="text-brand-700 underline-offset-2 hover:underline">{child.name}</Link>
              </th>
              {child.figures.map((figure) => {
                const style = STATE_STYLE[figure.state];
                return (
                  <td key={figure.code} className={`border border-white p-2 text-right tabular-nums ${style.cell}`} title={states(figure.state)}>
                    <span aria-hidden className="mr-1">{style.symbol}</span>
                    {formatPercent(figure.value, locale, 0)}
                    <span className="sr-only"> ({states(figure.state)})</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
