/**
 * The month a dashboard, the read API or a report opens on when the address
 * names none. The month being reported (the last complete one) is usually
 * still coming in during its first days, and an install that has not been fed
 * for a while has nothing in it at all: opening there shows a page of "no
 * data" for a unit that has years of figures. So the default is the most
 * recent month, no later than the month being reported, in which anything
 * below the unit reported; and the reader is told when that is not the
 * month being reported.
 */
import "server-only";
import { db } from "../db";
import { addMonths, periodOfDate } from "../periods";

/** The month a ward official reports now: the last complete one. */
export const defaultReportingMonth = (now: Date) => addMonths(periodOfDate(now), -1);

export interface DefaultMonth {
  month: number;
  /** The month being reported, when nothing below has reported it yet and an earlier month is shown instead. */
  unreportedMonth: number | null;
}

/** The latest month no later than `notAfter` in which any unit below `unitIds` reported (one index range per unit). */
export async function latestReportedMonth(unitIds: number[], notAfter: number): Promise<number | null> {
  if (unitIds.length === 0) return null;
  const rows = await db.$queryRaw<{ period_id: number | null }[]>`
    SELECT max(period_id) AS period_id FROM rollup_reporting
    WHERE unit_id = ANY(${unitIds}::int[]) AND period_id <= ${notAfter} AND units_reported > 0`;
  return rows[0]?.period_id ?? null;
}

/**
 * The default month for the units `unitIds` (a dashboard's roots). `endedIn`:
 * the last month of a unit that has ended, which opens no later than that.
 * A unit with no figures at all opens on the month being reported, to show its
 * honest empty state.
 */
export async function defaultMonthFor(unitIds: number[], now: Date, endedIn: number | null = null): Promise<DefaultMonth> {
  const reporting = endedIn !== null ? Math.min(endedIn, defaultReportingMonth(now)) : defaultReportingMonth(now);
  const latest = await latestReportedMonth(unitIds, reporting);
  if (latest === null || latest === reporting) return { month: reporting, unreportedMonth: null };
  return { month: latest, unreportedMonth: reporting };
}
