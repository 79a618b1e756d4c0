"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatNumber, formatPercent, isLocale } from "@/lib/format";
import type { ReorganisationPreview } from "@/lib/reorganisation/run-reorganisation";
import { ScrollBox } from "@/components/ui/scroll-box";

/** What the change does (or did): units, teams, accounts, figures, targets and the receivers' indicators. */
export function ReorganisationPreviewView({ preview, committed }: { preview: ReorganisationPreview; committed: boolean }) {
  const t = useTranslations("reorganise");
  const localeText = useLocale();
  const locale = isLocale(localeText) ? localeText : "vi";
  return (
    <section aria-labelledby="preview-heading" className="space-y-4 rounded-md bg-white p-4 shadow-sm">
      <h2 id="preview-heading" className="text-xl font-semibold">{committed ? t("doneTitle") : t("previewTitle")}</h2>
      <ScrollBox label={t("unitsCaption")}>
        <table className="w-full min-w-[32rem] text-left text-sm">
          <caption className="sr-only">{t("unitsCaption")}</caption>
          <thead className="bg-slate-100">
            <tr><th scope="col" className="p-2">{t("colUnit")}</th><th scope="col" className="p-2">{t("colChange")}</th><th scope="col" className="p-2">{t("colDetail")}</th></tr>
          </thead>
          <tbody>
            {preview.units.map((unit) => (
              <tr key={`${unit.code}-${unit.change}`} className="border-t border-slate-100">
                <td className="p-2">{unit.name} <span className="text-slate-600">({unit.code})</span></td>
                <td className="p-2">{t(`changes.${unit.change}`)}</td>
                <td className="p-2">{unit.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <ul className="list-disc pl-5">
        <li>{t("teamsLine", { moved: preview.teams.moved.length, merged: preview.teams.merged.length, members: preview.teams.membersMoved, demoted: preview.teams.leadersDemoted })}</li>
        <li>{t("figuresLine", { figures: preview.sourceFigures, carried: preview.carriedFigures })}</li>
        {preview.usersRescoped.length > 0 && <li>{t("usersRescoped", { users: preview.usersRescoped.join(", ") })}</li>}
        {preview.usersToReview.length > 0 && <li className="text-amber-800">{t("usersToReview", { users: preview.usersToReview.join(", ") })}</li>}
        <li>
          {preview.targets.length === 0
            ? t("noTargets")
            : t("targetsLine", { targets: preview.targets.map((target) => `${target.unitName} · ${target.indicatorCode} ${formatPercent(target.value, locale, 1)}`).join("; ") })}
        </li>
      </ul>
      {preview.kpis.map((kpi) => (
        <ScrollBox key={kpi.unitCode} label={t("kpiCaption", { unit: kpi.unitName, month: kpi.period.split("-").reverse().join("/") })}>
          <table className="w-full min-w-[32rem] text-right text-sm tabular-nums">
            <caption className="mb-1 text-left font-semibold">{t("kpiCaption", { unit: kpi.unitName, month: kpi.period.split("-").reverse().join("/") })}</caption>
            <thead className="bg-slate-100">
              <tr><th scope="col" className="p-2 text-left">{t("colIndicator")}</th><th scope="col" className="p-2">{t("colNumerator")}</th><th scope="col" className="p-2">{t("colDenominator")}</th><th scope="col" className="p-2">{t("colRate")}</th></tr>
            </thead>
            <tbody>
              {kpi.figures.map((figure) => (
                <tr key={figure.code} className="border-t border-slate-100">
                  <th scope="row" className="p-2 text-left font-normal">{figure.name}</th>
                  <td className="p-2">{formatNumber(figure.numerator, locale)}</td>
                  <td className="p-2">{formatNumber(figure.denominator, locale)}</td>
                  <td className="p-2">{formatPercent(figure.value, locale, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ))}
    </section>
  );
}
