import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/policy";
import { listReorganisations } from "@/lib/reorganisation/list-reorganisations";
import { formatDate, formatPercent, isLocale } from "@/lib/format";
import { ReorganiseForm } from "@/components/reorganise/reorganise-form";
import { findUnitsAction, reorganiseAction } from "./actions";

export default async function ReorganisePage() {
  const user = await requireUser();
  const t = await getTranslations("reorganise");
  const localeText = await getLocale();
  const locale = isLocale(localeText) ? localeText : "vi";
  if (!roleAllows(user.role, "units.reorganise")) {
    return (
      <>
        <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3">{t("forbidden")}</p>
      </>
    );
  }
  const history = await listReorganisations(user);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t(user.role === "ADMIN" ? "introAdmin" : "introSteering")}</p>
      <ReorganiseForm action={reorganiseAction} findUnits={findUnitsAction} />
      <section aria-labelledby="done-heading" className="mt-8">
        <h2 id="done-heading" className="mb-2 text-xl font-semibold">{t("listTitle")}</h2>
        {history.length === 0 ? (
          <p className="rounded-md bg-white p-4">{t("listEmpty")}</p>
        ) : (
          <ul className="space-y-2">
            {history.map((entry) => (
              <li key={entry.id} className="rounded-md bg-white p-3 shadow-sm">
                <p className="font-medium">
                  {formatDate(entry.effectiveOn, locale)} · {t(`kinds.${entry.kind}`)} · {entry.decisionRef}
                </p>
                <p className="text-sm text-slate-700">{entry.reason} · {t("by", { user: entry.actorName })}</p>
                {entry.lineage.length > 0 && (
                  <p className="text-sm">
                    {entry.lineage.map((link) => `${link.from} → ${link.to}${link.weight < 1 ? ` (${formatPercent(link.weight, locale, 2)})` : ""}`).join("; ")}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
