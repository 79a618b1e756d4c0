import { getTranslations } from "next-intl/server";
import { periodLabel, type PeriodSelection } from "@/lib/dashboard/period-selection";
import { addMonths, periodCode } from "@/lib/periods";
import { formatPeriod, type Locale } from "@/lib/format";

export { periodLabel };

/**
 * A plain GET form: it works without JavaScript, and the chosen period lands
 * in the URL so the page can be shared as it is.
 */
export async function PeriodPicker({ action, selection, indicator, latestMonth, locale, map }: { action: string; selection: PeriodSelection; indicator: string; latestMonth: number; locale: Locale; map?: string }) {
  const t = await getTranslations("dashboard");
  const months = Array.from({ length: 24 }, (_, index) => addMonths(latestMonth, -index));
  const latestYear = Math.floor(latestMonth / 100);
  const quarters: string[] = [];
  for (let month = latestMonth, count = 0; count < 8; month = addMonths(month, -3), count += 1) quarters.push(`${Math.floor(month / 100)}-Q${Math.ceil((month % 100) / 3)}`);
  const years = [latestYear, latestYear - 1];
  const current = selection.kind === "range" ? "" : selection.code;
  const select = "min-h-12 rounded-md border border-slate-400 bg-white px-3 text-base";
  return (
    <div className="flex flex-wrap items-end gap-3 print:hidden">
      <form action={action} method="get" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="indicator" value={indicator} />
        {map && <input type="hidden" name="map" value={map} />}
        <div>
          <label htmlFor="period" className="mb-1 block text-sm font-medium">{t("period")}</label>
          <select id="period" name="period" defaultValue={current} className={select}>
            {selection.kind === "range" && <option value="">{periodLabel(selection, locale)}</option>}
            <optgroup label={t("month")}>
              {months.map((month) => <option key={month} value={periodCode(month)}>{formatPeriod(month, locale)}</option>)}
            </optgroup>
            <optgroup label={t("quarter")}>
              {quarters.map((quarter) => {
                const [year, q] = quarter.split("-Q").map(Number);
                const first = year * 100 + (q - 1) * 3 + 1;
                return <option key={quarter} value={quarter}>{periodLabel({ kind: "quarter", from: first, to: first + 2 }, locale)}</option>;
              })}
            </optgroup>
            <optgroup label={t("year")}>
              {years.map((year) => <option key={year} value={String(year)}>{periodLabel({ kind: "year", from: year * 100 + 1, to: year * 100 + 12 }, locale)}</option>)}
            </optgroup>
          </select>
        </div>
        <button type="submit" className="min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white">{t("apply")}</button>
      </form>
      <details>
        <summary className="min-h-12 cursor-pointer py-3 text-brand-700">{t("range")}</summary>
        <form action={action} method="get" className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="indicator" value={indicator} />
        {map && <input type="hidden" name="map" value={map} />}
          <div>
            <label htmlFor="from" className="mb-1 block text-sm font-medium">{t("from")}</label>
            <input id="from" name="from" type="month" defaultValue={periodCode(selection.from)} className={select} required />
          </div>
          <div>
            <label htmlFor="to" className="mb-1 block text-sm font-medium">{t("to")}</label>
            <input id="to" name="to" type="month" defaultValue={periodCode(selection.to)} className={select} required />
          </div>
          <button type="submit" className="min-h-12 rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-700">{t("apply")}</button>
        </form>
      </details>
    </div>
  );
}
