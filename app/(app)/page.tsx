import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getUnitTree } from "@/lib/units/get-unit-tree";
import { UnitTree } from "@/components/units/unit-tree";
import { ownGroupOf } from "@/lib/teams/own-group";
import { unitDisplayName } from "@/lib/units/display-name";
import { addMonths, periodCode, periodOfDate } from "@/lib/periods";

export default async function UnitsHomePage() {
  const user = await requireUser();
  const t = await getTranslations("units");
  const [tree, ownGroup] = await Promise.all([getUnitTree(user), ownGroupOf(user)]);
  // A team leader comes to report their group's month: one tap from here, as few as possible.
  const month = periodCode(addMonths(periodOfDate(new Date()), -1));
  return (
    <>
      {ownGroup && (
        <section aria-labelledby="own-group" className="mb-6 rounded-md bg-white p-4 shadow-sm">
          <h2 id="own-group" className="mb-2 text-lg font-semibold">{unitDisplayName(ownGroup.unit)}</h2>
          <p className="flex flex-wrap gap-3">
            <Link href={`/entry/${encodeURIComponent(ownGroup.unit.code)}/${month}`} className="inline-flex min-h-12 items-center rounded-md bg-brand-700 px-4 text-lg font-semibold text-white" data-testid="report-own-group">
              {t("enterFigures", { month: month.split("-").reverse().join("/") })}
            </Link>
            <Link href={`/teams/${encodeURIComponent(ownGroup.teamCode)}`} className="inline-flex min-h-12 items-center text-brand-700 underline">{t("ownTeam")}</Link>
          </p>
        </section>
      )}
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      {tree.length === 0 ? <p className="rounded-md bg-white p-4">{t("empty")}</p> : <UnitTree nodes={tree} />}
    </>
  );
}
