import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { ImportUnitsForm } from "@/components/units/import-units-form";
import { importUnitsAction } from "./actions";
import { ScrollBox } from "@/components/ui/scroll-box";
import { UNITS_CSV_EXAMPLE } from "@/lib/units/units-csv-example";

export default async function ImportUnitsPage() {
  const user = await requireUser();
  const t = await getTranslations("importUnits");
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      {user.role !== "ADMIN" ? (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3">{t("forbidden")}</p>
      ) : (
        <>
          <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
          <ImportUnitsForm action={importUnitsAction} />
          <h2 className="mt-6 font-semibold">{t("example")}</h2>
          {/* The sans font: common monospace fonts misplace Vietnamese tone marks. */}
          <ScrollBox label={t("example")} className="rounded-md bg-white shadow-sm">
            <pre className="p-3 font-sans text-sm">{UNITS_CSV_EXAMPLE}</pre>
          </ScrollBox>
        </>
      )}
    </>
  );
}
