import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getEntryForm } from "@/lib/reports/get-entry-form";
import { unitDisplayName } from "@/lib/units/display-name";
import { formatPeriod } from "@/lib/format";
import { languageOf } from "@/lib/i18n/translate";
import { parsePeriodCode } from "@/lib/periods";
import { PeriodReportForm } from "@/components/entry/period-report-form";
import { submitReportAction } from "../../actions";
import { routeParam } from "@/lib/http/route-param";

export default async function EntryPage({ params }: { params: Promise<{ code: string; period: string }> }) {
  const user = await requireUser();
  const { code, period } = await params;
  const t = await getTranslations("entry");
  const form = await getEntryForm(user, routeParam(code), period).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError) return error;
    throw error;
  });
  if (form instanceof AppError) {
    return (
      <>
        <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3">{form.messageIn(languageOf(user))}</p>
      </>
    );
  }
  const locale = languageOf(user);
  const month = (value: string) => formatPeriod(parsePeriodCode(value)!, locale);
  const base = `/entry/${encodeURIComponent(form.unit.code)}`;
  return (
    <>
      <p className="mb-1 text-sm">
        <Link href={`/units/${encodeURIComponent(form.unit.code)}`} className="text-brand-700 underline">{unitDisplayName(form.unit)}</Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{t("heading", { unit: unitDisplayName(form.unit), month: month(form.period) })}</h1>
      <nav aria-label={t("months")} className="my-2 flex gap-3 text-sm">
        <Link href={`${base}/${form.previousPeriod}`} className="flex min-h-10 items-center text-brand-700 underline">← {month(form.previousPeriod)}</Link>
        <Link href={`${base}/${form.nextPeriod}`} className="flex min-h-10 items-center text-brand-700 underline">{month(form.nextPeriod)} →</Link>
      </nav>
      <PeriodReportForm form={form} actions={{ submit: submitReportAction }} />
    </>
  );
}
