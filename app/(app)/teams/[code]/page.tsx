import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { listTeamActivities } from "@/lib/activities/get-activities";
import { unitDisplayName } from "@/lib/units/display-name";
import { MemberForm } from "@/components/teams/member-form";
import { MemberRowActions } from "@/components/teams/member-row-actions";
import { TeamForm } from "@/components/teams/team-form";
import { TeamStatusForm } from "@/components/teams/team-status-form";
import { moveMemberAction, setMemberActiveAction, setTeamActiveAction, updateTeamAction } from "../actions";
import { routeParam } from "@/lib/http/route-param";

export default async function TeamPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await requireUser();
  const { code } = await params;
  const team = await getTeamPage(user, routeParam(code)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("teams");
  const roles = await getTranslations("memberRoles");
  const affiliations = await getTranslations("affiliations");
  const format = await getFormatter();
  const activityText = await getTranslations("activities");
  const activities = await listTeamActivities(user, team.id, 10);
  const active = team.members.filter((member) => member.active);
  return (
    <>
      <p className="mb-1 text-sm"><Link href={`/units/${encodeURIComponent(team.unit.code)}`} className="text-brand-700 underline">{unitDisplayName(team.unit)}</Link></p>
      <h1 className="text-2xl font-bold text-brand-900">{team.name}</h1>
      <p className="mb-4 text-slate-700">
        {team.code} · {t("activeMembers", { count: active.length })} · {t("trainedShare", { trained: active.filter((member) => member.trainedOn).length, total: active.length })}
      </p>
      {!team.active && <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3">{t("teamInactive")}</p>}
      {team.canManageTeam && (
        <details className="mb-4 rounded-md bg-white p-4 shadow-sm">
          <summary className="min-h-10 cursor-pointer font-semibold text-brand-700">{t("editTeam")}</summary>
          <div className="mt-3 space-y-6">
            <TeamForm
              action={updateTeamAction}
              team={{ code: team.code, name: team.name, foundedOn: team.foundedOn?.toISOString().slice(0, 10) ?? null, foundingDecision: team.foundingDecision }}
              submitLabel={t("save")}
            />
            <TeamStatusForm action={setTeamActiveAction} teamCode={team.code} active={team.active} />
          </div>
        </details>
      )}
      {team.canEdit && team.active && (
        <details className="mb-4 rounded-md bg-white p-4 shadow-sm">
          <summary className="min-h-10 cursor-pointer font-semibold text-brand-700">{t("addMember")}</summary>
          <div className="mt-3"><MemberForm teamCode={team.code} teamName={team.name} submitLabel={t("add")} /></div>
        </details>
      )}
      <section aria-labelledby="activities-heading" className="mb-6 rounded-md bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="activities-heading" className="text-lg font-semibold text-brand-900">{activityText("title")}</h2>
          {team.canLogActivities && team.active ? (
            <Link href={`/teams/${encodeURIComponent(team.code)}/activities/new`} className="inline-flex min-h-12 items-center rounded-md bg-brand-700 px-4 font-semibold text-white" data-testid="log-activity">
              {activityText("log")}
            </Link>
          ) : null}
        </div>
        {activities.length === 0 ? <p className="mt-2 text-slate-700">{activityText("none")}</p> : (
          <ul className="mt-2 divide-y divide-slate-200" data-testid="activity-list">
            {activities.map((activity) => (
              <li key={activity.id} className="py-2">
                <p className="font-medium">
                  {format.dateTime(activity.occurredOn, "date")} · {activityText(`kinds.${activity.kind}`)} · {activity.place}
                  {activity.editRight ? (
                    <> · <Link href={`/teams/${encodeURIComponent(team.code)}/activities/${activity.id}`} className="text-brand-700 underline">{activityText("edit")}</Link></>
                  ) : null}
                </p>
                <p className="text-sm text-slate-700">
                  {activityText("summary", { helped: activity.residentsHelped, procedures: activity.procedures, apps: activity.appsInstalled })} · {activityText("by", { members: activity.members.length, author: activity.createdBy })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ul className="space-y-3">
        {team.members.map((member) => (
          <li key={member.id} className={`rounded-md bg-white p-3 shadow-sm ${member.active ? "" : "opacity-70"}`}>
            <p className="font-medium">
              {member.fullName} <span className="text-sm font-normal text-slate-700">· {roles(member.role)} · {affiliations(member.affiliation)}{member.active ? "" : ` · ${t("inactive")}`}</span>
            </p>
            <p className="text-sm text-slate-700">
              {[member.birthYear && t("born", { year: member.birthYear }), member.phone, member.trainedOn ? t("trainedAt", { date: format.dateTime(member.trainedOn, "date") }) : t("notTrained")].filter(Boolean).join(" · ")}
            </p>
            {team.canEdit && (
              <details className="mt-2">
                <summary className="min-h-10 cursor-pointer py-2 text-brand-700">{t("edit")}</summary>
                <div className="mt-2 space-y-3">
                  <MemberForm
                    teamCode={team.code}
                    teamName={team.name}
                    member={{ ...member, trainedOn: member.trainedOn?.toISOString().slice(0, 10) ?? null }}
                    submitLabel={t("save")}
                  />
                  <MemberRowActions memberId={member.id} active={member.active} actions={{ setActive: setMemberActiveAction, move: moveMemberAction }} />
                </div>
              </details>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
