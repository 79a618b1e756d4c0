import { getTranslations } from "next-intl/server";
import { type ActivityPanel as Panel } from "@/lib/activities/get-activity-panel";
import { dayFirst, formatNumber, type Locale } from "@/lib/format";
import { HELPED_FIELDS, ELEMENT_OF_COUNT } from "@/lib/schemas/activity-options";
import { ScrollBox } from "@/components/ui/scroll-box";
import { html, StaticHtml } from "@/components/ui/static-html";

/**
 * What the teams below the unit did: plain server-rendered tables (nothing to
 * hydrate), each bar beside the number it draws, "–" where no team logged
 * anything (no records is not 0).
 */
export async function ActivityPanel({ panel, locale, childHref }: { panel: Panel; locale: Locale; childHref: (code: string) => string }) {
  const t = await getTranslations("activityPanel");
  const counts = await getTranslations("activities.counts");
  const number = (value: number | null) => (value === null ? t("noRecords") : formatNumber(value, locale));
  const services = HELPED_FIELDS.map((field) => ({ field, code: ELEMENT_OF_COUNT[field], label: counts(field) }));
  const totals = panel.totals;
  const largestService = Math.max(1, ...services.map((service) => totals[service.code] ?? 0));
  const largestMonth = Math.max(1, ...panel.months.map((month) => month.helped ?? 0));
  const children = [...panel.children].sort((a, b) => (b.activitiesPerTeam ?? -1) - (a.activitiesPerTeam ?? -1) || (b.activities ?? -1) - (a.activities ?? -1));

  return (
    <section aria-labelledby="activity-heading" className="mb-6 rounded-md bg-white p-4 shadow-sm">
      <h2 id="activity-heading" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mb-2 text-sm text-slate-700">
        {panel.throughToday ? t("windowToday", { from: dayFirst(panel.from), today: dayFirst(panel.asOf) }) : t("window", { from: dayFirst(panel.from), to: dayFirst(panel.to) })} · {t("teams", { count: formatNumber(panel.teams, locale) })}
      </p>
      {totals.ACTIVITIES === null ? (
        <p role="status" data-testid="activity-empty">{t("empty")}</p>
      ) : (
        <>
          <p className="mb-3 font-medium tabular-nums" data-testid="activity-summary">
            {t("summary", { activities: number(totals.ACTIVITIES), helped: number(panel.helped), procedures: number(totals.PROCEDURES_SUPPORTED), apps: number(totals.APPS_INSTALLED), attendees: number(totals.TRAINING_ATTENDEES) })}
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            <div>
              <h3 className="mb-1 font-medium">{t("byService")}</h3>
              <ul className="space-y-1 text-sm" data-testid="activity-services">
                {services.map((service) => (
                  <li key={service.code}>
                    <div className="flex justify-between gap-2"><span>{service.label}</span><span className="tabular-nums">{number(totals[service.code])}</span></div>
                    <div className="bar" aria-hidden><div className="bg-[#e69f00]" style={{ width: `${Math.round(((totals[service.code] ?? 0) / largestService) * 100)}%` }} /></div>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3 className="mb-1 font-medium">{t("byMonth")}</h3>
              <ScrollBox label={t("byMonthTable")}>
                <table className="figures" data-testid="activity-months">
                  <caption className="sr-only">{t("byMonthTable")}</caption>
                  <thead>
                    <tr><th scope="col" className="l">{t("monthCol")}</th><th scope="col">{t("activitiesCol")}</th><th scope="col">{t("helpedCol")}</th><th scope="col" className="w-1/3"><span className="sr-only">{t("helpedCol")}</span></th></tr>
                  </thead>
                  <tbody>
                    {panel.months.map((month) => (
                      <tr key={month.period}>
                        <th scope="row">{dayFirst(month.period)}</th>
                        <td>{number(month.figures.ACTIVITIES)}</td>
                        <td>{number(month.helped)}</td>
                        <td aria-hidden><div className="bar bg-[#e69f00]" style={{ width: `${Math.round(((month.helped ?? 0) / largestMonth) * 100)}%` }} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
              <p className="mt-1 text-xs text-slate-700">{t("noRecordsNote")}</p>
            </div>
          </div>
        </>
      )}

      {panel.unit &&
        // Each year the window touches: early in a year the committee is commending the one before.
        [...new Set([panel.to.slice(0, 4), panel.from.slice(0, 4)])].map((year) => (
          <p key={year} className="mt-3 flex flex-wrap items-center gap-x-3 print:hidden" data-testid="recognition-links">
            <span>{t("recognition", { year })}</span>
            {(["xlsx", "pdf"] as const).map((format) => (
              <a key={format} href={`/api/v1/units/${encodeURIComponent(panel.unit!.code)}/recognition.${format}?year=${year}`} download className="inline-flex min-h-10 items-center text-brand-700 underline">
                {format === "xlsx" ? t("recognitionXlsx") : t("recognitionPdf")}
              </a>
            ))}
          </p>
        ))}

      {children.length > 0 && (
        <details className="mt-4">
          <summary className="min-h-10 cursor-pointer py-2 font-medium">{t("childrenTitle")} ({children.length})</summary>
          <ScrollBox label={t("childrenTable")}>
            <StaticHtml
              html={html`<table class='figures min-w-[28rem]' data-testid='activity-children'><caption class='sr-only'>${t("childrenTable")}</caption><thead><tr><th scope='col'>${t("unitCol")}</th><th scope='col'>${t("teamsCol")}</th><th scope='col'>${t("activitiesCol")}</th><th scope='col'>${t("perTeamCol")}</th><th scope='col'>${t("helpedCol")}</th></tr></thead><tbody>${children.map(
                (child) =>
                  html`<tr><th scope='row'><a href='${childHref(child.code)}#activity-heading'>${child.name}</a></th><td>${formatNumber(child.teams, locale)}</td><td>${number(child.activities)}</td><td>${child.activitiesPerTeam === null ? t("noRecords") : child.activitiesPerTeam.toLocaleString(locale === "en" ? "en-US" : "vi-VN", { maximumFractionDigits: 1 })}</td><td>${number(child.helped)}</td></tr>`,
              )}</tbody></table>`}
            />
          </ScrollBox>
        </details>
      )}

      {panel.hasTeamLists && panel.unit ? (
        <p className="mt-3 print:hidden">
          <a href={`/dashboard/${encodeURIComponent(panel.unit.code)}/activities?period=${panel.to}`} className="inline-flex min-h-10 items-center font-medium text-brand-700 underline" data-testid="activity-lists-link">{t("listsLink")}</a>
        </p>
      ) : (
        children.length > 0 && <p className="mt-2 text-sm text-slate-700">{t("listsAbove")}</p>
      )}
    </section>
  );
}
