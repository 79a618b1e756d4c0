import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { ImportUnitsForm } from "@/components/units/import-units-form";
import { importUnitsAction } from "./actions";

const EXAMPLE = `code,name,level,kind,parent_code
48,Đà Nẵng,PROVINCE,Thành phố,
492,Hải Châu,DISTRICT,Quận,48
20206,Hòa Thuận Tây,WARD,Phường,492
20206-01,Tổ dân phố 1,RESIDENTIAL_GROUP,Tổ dân phố,20206`;

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
          <pre className="relative overflow-x-auto rounded-md bg-white p-3 font-sans text-sm shadow-sm">{EXAMPLE}</pre>
        </>
      )}
    </>
  );
}
