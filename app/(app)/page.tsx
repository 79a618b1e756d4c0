import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getUnitTree } from "@/lib/units/get-unit-tree";
import { UnitTree } from "@/components/units/unit-tree";

export default async function UnitsHomePage() {
  const user = await requireUser();
  const t = await getTranslations("units");
  const tree = await getUnitTree(user);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      {tree.length === 0 ? <p className="rounded-md bg-white p-4">{t("empty")}</p> : <UnitTree nodes={tree} />}
    </>
  );
}
