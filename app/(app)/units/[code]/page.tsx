import Link from "@/components/ui/link";
import { ClientMessages } from "@/components/ui/client-messages";
import { unitDisplayName } from "@/lib/units/display-name";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getUnitOverview } from "@/lib/units/get-unit-overview";
import { UnitCountsLine } from "@/components/units/unit-counts";
import { TeamCard } from "@/components/units/team-card";
import { TeamForm } from "@/components/teams/team-form";
import { createMissingTeamsAction, createTeamAction } from "../../teams/actions";
import { CreateMissingTeams } from "@/components/teams/create-missing-teams";
import { UnitHistory } from "@/components/units/unit-history";
import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/format";
import { ScrollBox } from "@/components/ui/scroll-box";
import { routeParam } from "@/lib/http/route-param";

export default async function UnitPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await requireUser();
  const { code } = await params;
  const overview = await getUnitOverview(user, routeParam(code)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("units");
  const levels = await getTranslations("levels");
  const teamsT = await getTranslations("teams");
  const gridT = await getTranslations("grid");
  const leadersT = await getTranslations("leaders");
  const format = await getFormatter();
  const localeText = await getLocale();
  const locale = isLocale(localeText) ? localeText : "vi";
  const { unit, breadcrumb, children, teams, counts } = overview;
  return (
    <ClientMessages namespaces={["teams"]}>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/" className="text-brand-700 underline">{t("backHome")}</Link>
          </li>
          {breadcrumb.map((ancestor) => (
            <li key={ancestor.id}>
              <span aria-hidden> › </span>
              <Link href={`/units/${encodeURIComponent(ancestor.code)}`} className="text-brand-700 underline">
                {unitDisplayName(ancestor)}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <h1 className="text-2xl font-bold text-brand-900">
        {unitDisplayName(unit)}
      </h1>
      <p className="mb-4 text-slate-700">
        {levels(unit.level)} · {unit.code} · <UnitCountsLine counts={counts} />
      </p>
      <p className="mb-2">
        <Link href={`/dashboard/${encodeURIComponent(unit.code)}`} className="inline-flex min-h-12 items-center font-semibold text-brand-700 underline">
          {teamsT("openDashboard")}
        </Link>
      </p>
      {unit.level === "WARD" && (
        <p className="mb-2">
          <Link href={`/units/${encodeURIComponent(unit.code)}/month/${overview.reportingPeriod}`} className="inline-flex min-h-12 items-center text-brand-700 underline">
            {t("monthStatus", { month: overview.reportingPeriod.split("-").reverse().join("/") })}
          </Link>
        </p>
      )}
      {(overview.canWorkOnWard || overview.canManageLeaders || overview.canLogCampaignDay || overview.groupsWithoutTeam > 0) && (
        <div className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-2">
          {overview.canLogCampaignDay && (
            <Link href={`/units/${encodeURIComponent(unit.code)}/campaign-day`} className="inline-flex min-h-12 items-center text-brand-700 underline">
              {t("campaignDay")}
            </Link>
          )}
          {overview.canWorkOnWard && (
            <Link href={`/units/${encodeURIComponent(unit.code)}/month/${overview.reportingPeriod}/grid`} className="inline-flex min-h-12 items-center text-brand-700 underline">
              {gridT("openGrid")}
            </Link>
          )}
          {overview.canManageLeaders && (
            <Link href={`/units/${encodeURIComponent(unit.code)}/leaders`} className="inline-flex min-h-12 items-center text-brand-700 underline">
              {leadersT("openPage")}
            </Link>
          )}
          {overview.groupsWithoutTeam > 0 && <CreateMissingTeams wardCode={unit.code} count={overview.groupsWithoutTeam} action={createMissingTeamsAction} />}
        </div>
      )}
      {overview.canEnterFigures && (
        <p className="mb-4">
          <Link
            href={`/entry/${encodeURIComponent(unit.code)}/${overview.reportingPeriod}`}
            className="inline-flex min-h-12 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-900"
          >
            {t("enterFigures", { month: overview.reportingPeriod.split("-").reverse().join("/") })}
          </Link>
        </p>
      )}

      <UnitHistory closedOn={unit.validTo} {...overview.lineage} locale={locale} />

      {unit.level !== "RESIDENTIAL_GROUP" && (
        <section className="mb-6" aria-labelledby="children-heading">
          <h2 id="children-heading" className="mb-2 text-xl font-semibold">{t("children")}</h2>
          {children.length === 0 ? (
            <p className="rounded-md bg-white p-4">{t("noChildren")}</p>
          ) : (
            <ScrollBox label={t("children")} className="rounded-md bg-white shadow-sm">
              <table className="w-full min-w-[32rem] text-left">
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="p-2">{t("colUnit")}</th>
                    <th scope="col" className="p-2 text-right">{t("colGroups")}</th>
                    <th scope="col" className="p-2 text-right">{t("colTeams")}</th>
                    <th scope="col" className="p-2 text-right">{t("colMembers")}</th>
                  </tr>
                </thead>
                <tbody>
                  {children.map((child) => (
                    <tr key={child.id} className="border-t border-slate-100">
                      <td className="p-2">
                        <Link href={`/units/${encodeURIComponent(child.code)}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                          {unitDisplayName(child)}
                        </Link>
                      </td>
                      <td className="p-2 text-right tabular-nums">{format.number(child.residentialGroups)}</td>
                      <td className="p-2 text-right tabular-nums">{format.number(child.teams)}</td>
                      <td className="p-2 text-right tabular-nums">{format.number(child.members)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </section>
      )}

      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading" className="mb-2 text-xl font-semibold">{t("teamsHere")}</h2>
        {overview.canCreateTeam && (
          <details className="mb-4 rounded-md bg-white p-4 shadow-sm">
            <summary className="min-h-10 cursor-pointer font-semibold text-brand-700">{teamsT("createTeam")}</summary>
            <div className="mt-3"><TeamForm action={createTeamAction} unitCode={unit.code} submitLabel={teamsT("create")} /></div>
          </details>
        )}
        {teams.length === 0 ? (
          <p className="rounded-md bg-white p-4">
            {t("noTeams")} {overview.canCreateTeam ? t("noTeamsCreate", { create: teamsT("createTeam") }) : t("noTeamsAsk")}
          </p>
        ) : (
          <div className="space-y-4">
            {teams.map((team) => (
              <TeamCard key={team.id} team={team} />
            ))}
          </div>
        )}
      </section>
    </ClientMessages>
  );
}
