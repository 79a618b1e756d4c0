import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { activeMembersOf, getActivityForEdit } from "@/lib/activities/get-activities";
import { vietnamDate } from "@/lib/periods";
import { routeParam } from "@/lib/http/route-param";
import { parseRowId } from "@/lib/ids";
import { COUNT_FIELDS } from "@/lib/schemas/activity-options";
import { ActivityForm } from "@/components/activities/activity-form";

export default async function EditActivityPage({ params }: { params: Promise<{ code: string; id: string }> }) {
  const user = await requireUser();
  const { code, id } = await params;
  const activity = await getActivityForEdit(user, parseRowId(routeParam(id))).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // The address names the team; a record of another team is not found here.
  if (activity.team.code !== routeParam(code)) notFound();
  const t = await getTranslations("activities");
  const teamHref = `/teams/${encodeURIComponent(activity.team.code)}`;
  const members = await activeMembersOf(activity.team.id);
  // A member who took part and has since left still shows, ticked.
  for (const { member } of activity.members) if (!members.some((candidate) => candidate.id === member.id)) members.push(member);
  return (
    <>
      <p className="mb-1 text-sm"><Link href={teamHref} className="text-brand-700 underline">{t("back")}</Link></p>
      <h1 className="mb-4 text-2xl font-bold text-brand-900">{t("editTitle", { team: activity.team.name })}</h1>
      {activity.editRight ? (
        <ActivityForm
          teamCode={activity.team.code}
          teamName={activity.team.name}
          today={vietnamDate(new Date())}
          members={members}
          needsReason={activity.editRight === "correction"}
          backHref={teamHref}
          activity={{
            id: activity.id,
            version: activity.version,
            occurredOn: activity.occurredOn.toISOString().slice(0, 10),
            kind: activity.kind,
            place: activity.place,
            memberIds: activity.members.map(({ member }) => member.id),
            attendees: activity.attendees,
            counts: Object.fromEntries(COUNT_FIELDS.map((field) => [field, activity[field]])) as Record<(typeof COUNT_FIELDS)[number], number>,
          }}
        />
      ) : (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3">{t("editClosed")}</p>
      )}
    </>
  );
}
