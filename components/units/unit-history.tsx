import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { formatDate, formatPercent, type Locale } from "@/lib/format";
import type { LineageLink, UnitHistoryEntry } from "@/lib/reorganisation/unit-lineage";
import { unitDisplayName } from "@/lib/units/display-name";

/** What a unit became, what it took in, and the decisions that changed it: nothing of the old map is lost from view. */
export async function UnitHistory({ closedOn, successors, predecessors, history, locale }: { closedOn: Date | null; successors: LineageLink[]; predecessors: LineageLink[]; history: UnitHistoryEntry[]; locale: Locale }) {
  const t = await getTranslations("reorganise");
  const unitLink = (link: LineageLink) => (
    <Link href={`/units/${encodeURIComponent(link.code)}`} className="text-brand-700 underline">{unitDisplayName(link)}</Link>
  );
  if (!closedOn && successors.length === 0 && predecessors.length === 0 && history.length === 0) return null;
  return (
    <section aria-labelledby="history-heading" className="mb-6 rounded-md bg-white p-4 shadow-sm">
      <h2 id="history-heading" className="mb-2 text-xl font-semibold">{t("historyTitle")}</h2>
      {closedOn && (
        <p role="status" className="mb-2 rounded-md border border-amber-300 bg-amber-50 p-2">
          {t("closedOn", { date: formatDate(closedOn, locale) })}{" "}
          {successors.length > 0 && (
            <>
              {t("becameInto")}{" "}
              {successors.map((link, index) => (
                <span key={link.code}>
                  {index > 0 && ", "}
                  {unitLink(link)}
                  {link.weight < 1 && ` (${formatPercent(link.weight, locale, 2)})`}
                </span>
              ))}
              .
            </>
          )}
        </p>
      )}
      {predecessors.length > 0 && (
        <p className="mb-2">
          {t("tookIn")}{" "}
          {predecessors.map((link, index) => (
            <span key={link.code}>
              {index > 0 && ", "}
              {unitLink(link)}
              {link.weight < 1 && ` (${formatPercent(link.weight, locale, 2)})`}
              {` ${t("from", { date: formatDate(link.effectiveOn, locale) })}`}
            </span>
          ))}
          .
        </p>
      )}
      {history.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-slate-800">
          {history.map((entry) => (
            <li key={entry.id}>
              {formatDate(entry.effectiveOn, locale)} · {t(`kinds.${entry.kind}`)} · {entry.decisionRef} · {entry.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
