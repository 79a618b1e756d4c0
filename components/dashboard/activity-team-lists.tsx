import { getTranslations } from "next-intl/server";
import { SILENT_DAYS, type ActivityPanel } from "@/lib/activities/get-activity-panel";
import { dayFirst, formatNumber, type Locale } from "@/lib/format";
import { ScrollBox } from "@/components/ui/scroll-box";

/**
 * The teams below a district, a ward or a group, read from their activity records: the most
 * active, the members who took part most, and the teams silent for two months or more with their
 * leader's phone, for the ward office to call. On the unit's activities page, not the dashboard.
 */
export async function ActivityTeamLists({ lists, locale }: { lists: NonNullable<ActivityPanel["teamLists"]>; locale: Locale }) {
  const t = await getTranslations("activityPanel");
  return (
    // min-w-0 on each cell: a grid cell would otherwise widen to its table and scroll the whole page sideways on a phone.
    <div className="mt-4 grid gap-4 lg:grid-cols-2">
      {lists.ranked.length > 0 && (
        <div className="min-w-0">
          <h3 className="mb-1 font-medium">{t("rankedTitle")}</h3>
          <ScrollBox label={t("rankedTable")}>
            <table className="figures" data-testid="activity-ranked">
              <caption className="sr-only">{t("rankedTable")}</caption>
              <thead><tr><th scope="col" className="l">{t("teamCol")}</th><th scope="col">{t("activitiesCol")}</th><th scope="col">{t("helpedCol")}</th><th scope="col">{t("lastCol")}</th></tr></thead>
              <tbody>
                {lists.ranked.map((team) => (
                  <tr key={team.code}>
                    <th scope="row"><a href={`/teams/${encodeURIComponent(team.code)}`}>{team.unitName}</a></th>
                    <td>{formatNumber(team.activities, locale)}</td>
                    <td>{formatNumber(team.helped, locale)}</td>
                    <td>{dayFirst(team.lastOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </div>
      )}
      {lists.members.length > 0 && (
        <div className="min-w-0">
          <h3 className="mb-1 font-medium">{t("membersTitle")}</h3>
          <ScrollBox label={t("membersTable")}>
            <table className="figures" data-testid="activity-members">
              <caption className="sr-only">{t("membersTable")}</caption>
              <thead><tr><th scope="col" className="l">{t("memberCol")}</th><th scope="col" className="l">{t("teamCol")}</th><th scope="col">{t("timesCol")}</th></tr></thead>
              <tbody>
                {lists.members.map((member) => (
                  <tr key={`${member.teamCode}-${member.fullName}`}>
                    <th scope="row">{member.fullName}</th>
                    <td className="l"><a href={`/teams/${encodeURIComponent(member.teamCode)}`}>{member.unitName}</a></td>
                    <td>{formatNumber(member.activities, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </div>
      )}
      <div className="min-w-0 lg:col-span-2">
        {lists.silentCount === 0 ? (
          <p>{t("silentNone", { days: SILENT_DAYS })}</p>
        ) : (
          <details open>
            <summary className="min-h-10 cursor-pointer py-2 font-medium">{t("silentTitle", { days: SILENT_DAYS, count: formatNumber(lists.silentCount, locale) })}</summary>
            <ScrollBox label={t("silentTable", { days: SILENT_DAYS })}>
              <table className="figures min-w-[32rem] text-left" data-testid="activity-silent">
                <caption className="sr-only">{t("silentTable", { days: SILENT_DAYS })}</caption>
                <thead><tr><th scope="col">{t("teamCol")}</th><th scope="col">{t("lastCol")}</th><th scope="col">{t("leaderCol")}</th><th scope="col">{t("phoneCol")}</th></tr></thead>
                <tbody>
                  {lists.silent.map((team) => (
                    <tr key={team.code}>
                      <th scope="row"><a href={`/teams/${encodeURIComponent(team.code)}`}>{team.unitName}</a></th>
                      <td>{team.lastOn ? dayFirst(team.lastOn) : t("never")}</td>
                      <td>{team.leaderName ?? t("noLeader")}</td>
                      <td>{team.leaderPhone ? <a href={`tel:${team.leaderPhone}`} className="inline-flex min-h-10 items-center text-brand-700 underline">{team.leaderPhone}</a> : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
            {lists.silent.length < lists.silentCount && <p className="text-sm">{t("silentMore", { shown: lists.silent.length })}</p>}
          </details>
        )}
      </div>
    </div>
  );
}
