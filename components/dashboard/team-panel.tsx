import { getTranslations } from "next-intl/server";
import type { TeamStats } from "@/lib/teams/team-stats";
import { formatNumber, formatPercent, type Locale } from "@/lib/format";

/** The teams below the unit: counts, the share trained, and members by affiliation and age group as bars with their numbers. */
export async function TeamPanel({ stats, locale }: { stats: TeamStats; locale: Locale }) {
  const t = await getTranslations("dashboard");
  const affiliations = await getTranslations("affiliations");
  const ages = await getTranslations("dashboard.ages");
  const bar = (count: number) => (stats.members > 0 ? `${Math.round((count / stats.members) * 100)}%` : "0%");
  return (
    <section aria-labelledby="teams-panel-heading" className="rounded-md bg-white p-4 shadow-sm">
      <h2 id="teams-panel-heading" className="mb-2 text-lg font-semibold">{t("teamsTitle")}</h2>
      <p className="tabular-nums">
        {t("teams", { count: formatNumber(stats.teams, locale) })} · {t("members", { count: formatNumber(stats.members, locale) })} ·{" "}
        {t("trained", { share: formatPercent(stats.members > 0 ? stats.trained / stats.members : null, locale, 0), trained: formatNumber(stats.trained, locale) })}
      </p>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="mb-1 font-medium">{t("byAffiliation")}</h3>
          <ul className="space-y-1 text-sm">
            {stats.byAffiliation.map((row) => (
              <li key={row.affiliation}>
                <div className="flex justify-between gap-2"><span>{affiliations(row.affiliation)}</span><span className="tabular-nums">{formatNumber(row.members, locale)}</span></div>
                <div className="bar" aria-hidden><div className="bg-[#56b4e9]" style={{ width: bar(row.members) }} /></div>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="mb-1 font-medium">{t("byAge")}</h3>
          <ul className="space-y-1 text-sm">
            {stats.byAgeGroup.map((row) => (
              <li key={row.ageGroup}>
                <div className="flex justify-between gap-2"><span>{ages(row.ageGroup)}</span><span className="tabular-nums">{formatNumber(row.members, locale)}</span></div>
                <div className="bar" aria-hidden><div className="bg-[#009e73]" style={{ width: bar(row.members) }} /></div>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
