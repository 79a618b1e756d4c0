/**
 * The months a projection is made from, read from the roll-ups (today's map,
 * so a merge inside the window is already one continuous series): a year of
 * each indicator's two element sums and of how many units below reported,
 * for each unit asked for, or for several units taken together (the whole
 * country is its provinces).
 */
import { db } from "../db";
import type { IndicatorDefinition } from "./indicator-figures";
import { lookbackStart, projectIndicator, type MonthFigures, type Projection, type ProjectionTarget } from "./projection";

/** By unit (or group of units), then by month: each element's sum and the units that reported. */
export type Months = Map<number, { sums: Map<number, number>; unitsReported: number }>;

/**
 * `groups`: each key's units, added together (a unit on its own is a group of one). `elementIds`:
 * only these elements are read (the dashboard's children need the selected indicator's two).
 */
export async function readProjectionMonths(groups: Map<number, number[]>, asOf: number, elementIds: number[]): Promise<Map<number, Months>> {
  const result = new Map<number, Months>([...groups.keys()].map((key) => [key, new Map()]));
  // Each unit beside the group it is added into: PostgreSQL adds them up, so the whole country's year
  // arrives as a row per month and element, not one per province.
  const pairs = [...groups].flatMap(([key, ids]) => ids.map((id) => [id, key] as const));
  if (pairs.length === 0) return result;
  const unitIds = pairs.map(([id]) => id);
  const keys = pairs.map(([, key]) => key);
  const from = lookbackStart(asOf);
  const [values, reporting] = await Promise.all([
    db.$queryRaw<{ key: number; period_id: number; element_id: number; value: number }[]>`
      SELECT g.key, r.period_id, r.element_id, sum(r.value)::float8 AS value
      FROM rollup_value r JOIN unnest(${unitIds}::int[], ${keys}::int[]) AS g(unit_id, key) ON g.unit_id = r.unit_id
      WHERE r.unit_id = ANY(${unitIds}::int[]) AND r.period_id BETWEEN ${from} AND ${asOf} AND r.element_id = ANY(${elementIds}::int[])
      GROUP BY 1, 2, 3`,
    db.$queryRaw<{ key: number; period_id: number; units_reported: number }[]>`
      SELECT g.key, r.period_id, sum(r.units_reported)::int AS units_reported
      FROM rollup_reporting r JOIN unnest(${unitIds}::int[], ${keys}::int[]) AS g(unit_id, key) ON g.unit_id = r.unit_id
      WHERE r.unit_id = ANY(${unitIds}::int[]) AND r.period_id BETWEEN ${from} AND ${asOf}
      GROUP BY 1, 2`,
  ]);
  const monthOf = (key: number, period: number) => {
    const months = result.get(key)!;
    if (!months.has(period)) months.set(period, { sums: new Map(), unitsReported: 0 });
    return months.get(period)!;
  };
  for (const row of values) monthOf(row.key, row.period_id).sums.set(row.element_id, Number(row.value));
  for (const row of reporting) monthOf(row.key, row.period_id).unitsReported = row.units_reported;
  return result;
}

/**
 * The months of one indicator a projection counts: those with figures, less the latest ones that
 * fewer units below have reported than the month before them (their figures are still coming in,
 * and half a month's groups would read as a fall). A group that stopped reporting, or a merge,
 * lowers the count once; the months after it count again.
 */
export function countedMonths(months: Months, indicator: Pick<IndicatorDefinition, "numeratorElementId" | "denominatorElementId">): MonthFigures[] {
  const withFigures: (MonthFigures & { unitsReported: number })[] = [];
  for (const [period, month] of months) {
    const numerator = month.sums.get(indicator.numeratorElementId);
    const denominator = month.sums.get(indicator.denominatorElementId) ?? 0;
    if (numerator !== undefined && denominator > 0) withFigures.push({ period, numerator, denominator, unitsReported: month.unitsReported });
  }
  withFigures.sort((a, b) => a.period - b.period);
  let end = withFigures.length;
  while (end >= 2 && withFigures[end - 1].unitsReported < withFigures[end - 2].unitsReported) end -= 1;
  return withFigures.slice(0, end).map(({ period, numerator, denominator }) => ({ period, numerator, denominator }));
}

export const elementsOf = (indicators: IndicatorDefinition[]) => [...new Set(indicators.flatMap((indicator) => [indicator.numeratorElementId, indicator.denominatorElementId]))];

/** One unit's (or group's) projection of each indicator, by indicator id. */
export function projectMonths(months: Months, asOf: number, indicators: IndicatorDefinition[], targetOf: (indicatorId: number) => ProjectionTarget | null): Map<number, Projection> {
  return new Map(indicators.map((indicator) => [indicator.id, projectIndicator(countedMonths(months, indicator), targetOf(indicator.id), asOf, indicator.higherIsBetter)]));
}
