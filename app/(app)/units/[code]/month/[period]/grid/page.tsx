import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { languageOf } from "@/lib/i18n/translate";
import { formatPeriod } from "@/lib/format";
import { parsePeriodCode } from "@/lib/periods";
import { getWardGrid } from "@/lib/reports/ward-grid";
import { unitDisplayName } from "@/lib/units/display-name";
import { routeParam } from "@/lib/http/route-param";
import { WardGridTable } from "@/components/entry/ward-grid-table";
import { saveWardGridAction } from "@/app/(app)/entry/actions";

export default async function WardGridPage({ params }: { params: Promise<{ code: string; period: string }> }) {
  const user = await requireUser();
  const { code, period } = await params;
  const t = await getTranslations("grid");
  const grid = await getWardGrid(user, routeParam(code), period).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError) return error;
    throw error;
  });
  if (grid instanceof AppError) return <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3">{grid.messageIn(languageOf(user))}</p>;
  const locale = languageOf(user);
  const month = formatPeriod(parsePeriodCode(grid.period)!, locale);
  const ward = encodeURIComponent(grid.ward.code);
  return (
    <>
      <p className="mb-1 flex flex-wrap gap-x-4 text-sm">
        <Link href={`/units/${ward}`} className="text-brand-700 underline">{unitDisplayName(grid.ward)}</Link>
        <Link href={`/units/${ward}/month/${grid.period}`} className="text-brand-700 underline">{t("backToCompleteness")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{t("title", { month })}</h1>
      <p className="mb-3 max-w-4xl text-slate-700">{t("intro")}</p>
      <WardGridTable grid={grid} action={saveWardGridAction} />
    </>
  );
}
