import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/policy";
import { ImportForm } from "@/components/imports/import-form";
import { ACTIVITY_COLUMNS } from "@/lib/imports/import-activities";
import { importActivitiesAction } from "./actions";

export default async function ImportActivitiesPage() {
  const user = await requireUser();
  const t = await getTranslations("importActivities");
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      {!roleAllows(user.role, "activities.write") ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3">{t("forbidden")}</p>
      ) : (
        <>
          <p className="mb-2 max-w-3xl text-slate-700">{t("intro")}</p>
          <p className="mb-2 max-w-3xl text-slate-700">{t("cells")}</p>
          <p className="mb-4 flex flex-wrap gap-x-4">
            <a href="/templates/hoat-dong-mau.csv" download className="inline-flex min-h-10 items-center text-brand-700 underline">{t("template")}</a>
            <Link href="/import/teams" className="inline-flex min-h-10 items-center text-brand-700 underline">{t("teamsLink")}</Link>
          </p>
          <ImportForm action={importActivitiesAction} namespace="importActivities" columns={ACTIVITY_COLUMNS} />
        </>
      )}
    </>
  );
}
