import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { DashboardCard } from "@/lib/dashboard/get-dashboard";
import { formatNumber, formatPercent, formatPoints, isLocale, type Locale } from "@/lib/format";
import { StateBadge } from "./state-badge";
import { ProjectionBadge, projectionSentences, type ProjectionWords } from "./projection-summary";

/** One card per indicator: the rate, its numerator and denominator, the target and whose it is, the gap, the change. */
export async function KpiCards({ cards, selected, previousLabel, hrefFor }: { cards: DashboardCard[]; selected: string; previousLabel: string; hrefFor: (indicator: string) => string }) {
  const t = await getTranslations("dashboard");
  const states = await getTranslations("dashboard.states");
  // Keys built from a state or an indicator's code: typed as plain strings.
  const projectionWords = (await getTranslations("dashboard.projection")) as unknown as ProjectionWords;
  const localeText = await getLocale();
  const locale: Locale = isLocale(localeText) ? localeText : "vi";
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {cards.map((card) => {
        const isSelected = card.code === selected;
        return (
          <li key={card.code}>
            <Link
              href={hrefFor(card.code)}
              data-testid={`card-${card.code}`}
              aria-current={isSelected ? "true" : undefined}
              className={`block h-full rounded-md border-2 bg-white p-3 shadow-sm hover:border-brand-600 ${isSelected ? "border-brand-700" : "border-transparent"}`}
            >
              <h3 className="font-semibold leading-snug">{locale === "en" ? card.nameEn : card.name}</h3>
              {card.value === null ? (
                <p className="my-2 text-slate-700">{t(card.state === "noDenominator" ? "noDenominatorCard" : "noDataCard")}</p>
              ) : (
                <>
                  <p className="mt-1 text-3xl font-bold tabular-nums text-brand-900">{formatPercent(card.value, locale, 1)}</p>
                  <p className="text-sm tabular-nums text-slate-700">{t("numDen", { numerator: formatNumber(card.numerator, locale), denominator: formatNumber(card.denominator, locale) })}</p>
                </>
              )}
              <p className="mt-2 text-sm">
                {card.target ? (
                  <>
                    {t("target", { value: formatPercent(card.target.value, locale, 0) })}{" "}
                    <span className="text-slate-700">({card.target.unitName ? t("targetFrom", { unit: card.target.unitName }) : t("targetNational")})</span>
                  </>
                ) : (
                  t("noTarget")
                )}
              </p>
              {card.gap !== null && <p className="text-sm tabular-nums">{t("gap", { gap: formatPoints(card.gap, locale) })}</p>}
              <p className="text-sm tabular-nums text-slate-700">
                {card.change !== null ? t("change", { period: previousLabel, change: formatPoints(card.change, locale) }) : t("noChange", { period: previousLabel })}
              </p>
              <p className="mt-2 flex items-center justify-between gap-2">
                <StateBadge state={card.state} label={states(card.state)} />
                {isSelected && <span className="text-sm text-brand-700">{t("selected")}</span>}
              </p>
              {/* Where it will land: said once met is no longer the news, and only against a target. */}
              {card.projection.state !== "noTarget" && card.projection.state !== "met" && (
                <div className="mt-2 border-t border-slate-200 pt-2 text-sm" data-testid={`projection-${card.code}`}>
                  <ProjectionBadge projection={card.projection} words={projectionWords} />
                  {/* Why there is no projection is said once, under the trend, not on every card. */}
                  {card.projection.state !== "notEnoughHistory" &&
                    projectionSentences(card.projection, card.code, projectionWords, locale).map((sentence) => (
                      <p key={sentence} className="mt-1 tabular-nums">{sentence}</p>
                    ))}
                </div>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
