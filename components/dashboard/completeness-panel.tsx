import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { formatNumber, formatPercent, type Locale } from "@/lib/format";

/** How complete the figures are: groups reported out of all, reports approved out of those reported, and for a ward who is missing. */
export async function CompletenessPanel({ completeness, monthLabel, wardCode, locale }: { completeness: Dashboard["completeness"]; monthLabel: string; wardCode: string | null; locale: Locale }) {
  const t = await getTranslations("dashboard");
  const share = completeness.groupsTotal > 0 ? completeness.groupsReported / completeness.groupsTotal : null;
  return (
    <section aria-labelledby="completeness-heading" className="rounded-md bg-white p-4 shadow-sm">
      <h2 id="completeness-heading" className="mb-2 text-lg font-semibold">{t("completenessTitle", { month: monthLabel })}</h2>
      {completeness.groupsTotal === 0 ? (
        <p>{t("noGroups")}</p>
      ) : (
        <>
          <p className="tabular-nums">{t("groupsReported", { reported: formatNumber(completeness.groupsReported, locale), total: formatNumber(completeness.groupsTotal, locale), share: formatPercent(share, locale, 0) })}</p>
          <div className="mt-1 h-3 w-full overflow-hidden rounded bg-slate-200" aria-hidden>
            <div className="h-3 bg-[#0072b2]" style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
          </div>
        </>
      )}
      {completeness.unitsReported > 0 && (
        <p className="mt-2 tabular-nums">
          {t("approved", { approved: formatNumber(completeness.unitsApproved, locale), reported: formatNumber(completeness.unitsReported, locale) })}.{" "}
          {completeness.unitsApproved < completeness.unitsReported ? t("notApprovedNote") : t("allApproved")}
        </p>
      )}
      {completeness.notReported.length > 0 && (
        <details className="mt-2">
          <summary className="min-h-10 cursor-pointer py-2 font-medium">{t("notReportedTitle")} ({completeness.notReported.length})</summary>
          <ul className="columns-1 text-sm sm:columns-2">
            {completeness.notReported.map((group) => <li key={group.code}>{group.name}</li>)}
          </ul>
        </details>
      )}
      {wardCode && (
        <p className="mt-2">
          <Link href={`/units/${encodeURIComponent(wardCode)}/month/${completeness.month}`} className="inline-flex min-h-10 items-center text-brand-700 underline">{t("monthPage")}</Link>
        </p>
      )}
    </section>
  );
}
