import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/policy";
import { ImportForm } from "@/components/imports/import-form";
import { VALUE_COLUMNS } from "@/lib/imports/import-values";
import Link from "@/components/ui/link";
import { importValuesAction } from "./actions";

export default async function ImportValuesPage() {
  const user = await requireUser();
  const t = await getTranslations("importValues");
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      {!roleAllows(user.role, "values.ward") ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3">{t("forbidden")}</p>
      ) : (
        <>
          <p className="mb-2 max-w-3xl text-slate-700">{t("intro")}</p>
          <p className="mb-4">
            <a href="/templates/so-lieu-mau.csv" download className="inline-flex min-h-10 items-center text-brand-700 underline">{t("template")}</a>
          </p>
          <p className="mb-4">
            <Link href="/import/members" className="inline-flex min-h-10 items-center text-brand-700 underline">{t("membersLink")}</Link>
            {" · "}
            <Link href="/import/activities" className="inline-flex min-h-10 items-center text-brand-700 underline">{t("activitiesLink")}</Link>
          </p>
          <ImportForm action={importValuesAction} namespace="importValues" columns={VALUE_COLUMNS} />
        </>
      )}
    </>
  );
}
