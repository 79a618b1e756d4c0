import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { defaultReportingMonth } from "@/lib/dashboard/get-dashboard";
import { findDashboardSubject } from "@/lib/dashboard/dashboard-subject";
import { indicatorFiguresOf } from "@/lib/dashboard/unit-figures";
import { targetHistory } from "@/lib/targets/set-target";
import { formatDateTime, formatPercent, isLocale } from "@/lib/format";
import { periodCode } from "@/lib/periods";
import { unitDisplayName } from "@/lib/units/display-name";
import { TargetForm } from "@/components/dashboard/target-form";
import { setTargetAction } from "./actions";
import { ScrollBox } from "@/components/ui/scroll-box";
import { routeParam } from "@/lib/http/route-param";

export default async function TargetsPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await requireUser();
  const code = routeParam((await params).code);
  const notFoundOn = (error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  };
  // Only the targets in force are needed here, not the whole dashboard.
  const subject = await findDashboardSubject(user, code).catch(notFoundOn);
  const history = await targetHistory(user, code).catch(notFoundOn);
  if (!subject.unit) notFound();
  const unit = subject.unit;
  const month = defaultReportingMonth(new Date());
  const cards = (await indicatorFiguresOf([unit], { from: month, to: month })).get(unit.id)!;
  const t = await getTranslations("targets");
  const localeText = await getLocale();
  const locale = isLocale(localeText) ? localeText : "vi";
  const canSet = await can(user, "targets.write", { unitId: unit.id });
  const name = (card: { name: string; nameEn: string }) => (locale === "en" ? card.nameEn : card.name);
  const asPercent = (value: unknown) => (typeof value === "number" ? formatPercent(value, locale, 1) : "–");
  return (
    <>
      <p className="mb-1 text-sm"><Link href={`/dashboard/${encodeURIComponent(unit.code)}`} className="text-brand-700 underline">{t("back")}</Link></p>
      <h1 className="text-2xl font-bold text-brand-900">{t("title", { unit: unitDisplayName(unit) })}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <ScrollBox label={t("current")} className="mb-6 rounded-md bg-white shadow-sm">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <caption className="p-2 text-left font-semibold">{t("current")}</caption>
          <thead className="bg-slate-100"><tr><th scope="col" className="p-2">{t("indicator")}</th><th scope="col" className="p-2 text-right">{t("percent")}</th><th scope="col" className="p-2">{t("setBy")}</th><th scope="col" className="p-2">{t("reason")}</th></tr></thead>
          <tbody>
            {cards.map((card) => (
              <tr key={card.code} className="border-t border-slate-100 align-top">
                <td className="p-2">{name(card)}</td>
                <td className="p-2 text-right tabular-nums">{card.target ? formatPercent(card.target.value, locale, 1) : "–"}</td>
                <td className="p-2">{card.target ? (card.target.unitName ?? t("national")) : t("none")}</td>
                <td className="p-2">{card.target ? [card.target.reason, card.target.source].filter(Boolean).join(" · ") : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {canSet ? (
        <section aria-labelledby="set-heading" className="mb-6">
          <h2 id="set-heading" className="mb-2 text-xl font-semibold">{t("setTitle")}</h2>
          <TargetForm action={setTargetAction} unitCode={unit.code} indicators={cards.map((card) => ({ code: card.code, label: name(card) }))} defaultFrom={periodCode(month)} />
        </section>
      ) : (
        <p className="mb-6 rounded-md border border-slate-300 bg-white p-3">{t("readOnly")}</p>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-xl font-semibold">{t("history")}</h2>
        {history.length === 0 ? (
          <p className="rounded-md bg-white p-4">{t("noHistory")}</p>
        ) : (
          <ScrollBox label={t("history")} className="rounded-md bg-white shadow-sm">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead className="bg-slate-100"><tr><th scope="col" className="p-2">{t("when")}</th><th scope="col" className="p-2">{t("who")}</th><th scope="col" className="p-2">{t("indicator")}</th><th scope="col" className="p-2">{t("change")}</th><th scope="col" className="p-2">{t("reason")}</th></tr></thead>
              <tbody>
                {history.map((entry) => {
                  const before = entry.before as { value?: number } | null;
                  const after = entry.after as { value?: number; from?: string | null; to?: string | null } | null;
                  return (
                    <tr key={String(entry.id)} className="border-t border-slate-100 align-top">
                      <td className="p-2 tabular-nums">{formatDateTime(entry.at, locale)}</td>
                      <td className="p-2">{entry.actorName}</td>
                      <td className="p-2">{entry.entityId?.split("/")[1]}</td>
                      <td className="p-2 tabular-nums">{asPercent(before?.value)} → {asPercent(after?.value)} ({after?.from ?? "…"} – {after?.to ?? "…"})</td>
                      <td className="p-2">{entry.reason}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </section>
    </>
  );
}
