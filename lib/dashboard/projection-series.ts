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
  const unitIds = [...new Set([...groups.values()].flat())];
  const result = new Map<number, Months>([...groups.keys()].map((key) => [key, new Map()]));
  if (unitIds.length === 0) return result;
  const from = lookbackStart(asOf);
  const [values, reporting] = await Promise.all([
    db.$queryRaw<{ unit_id: number; period_id: number; element_id: number; value: number }[]>`
      SELECT unit_id, period_id, element_id, value::float8 AS value FROM rollup_value
      WHERE unit_id = ANY(${unitIds}::int[]) AND period_id BETWEEN ${from} AND ${asOf} AND element_id = ANY(${elementIds}::int[])`,
    db.$queryRaw<{ unit_id: number; period_id: number; units_reported: number }[]>`
      SELECT unit_id, period_id, units_reported FROM rollup_reporting
      WHERE unit_id = ANY(${unitIds}::int[]) AND period_id BETWEEN ${from} AND ${asOf}`,
  ]);
  const keysOf = new Map<number, number[]>();
  for (const [key, members] of groups) for (const id of members) keysOf.set(id, [...(keysOf.get(id) ?? []), key]);
  const monthOf = (key: number, period: number) => {
    const months = result.get(key)!;
    if (!months.has(period)) months.set(period, { sums: new Map(), unitsReported: 0 });
    return months.get(period)!;
  };
  for (const row of values) {
    for (const key of keysOf.get(row.unit_id) ?? []) {
      const month = monthOf(key, row.period_id);
      month.sums.set(row.element_id, (month.sums.get(row.element_id) ?? 0) + Number(row.value));
    }
  }
  for (const row of reporting) for (const key of keysOf.get(row.unit_id) ?? []) monthOf(key, row.period_id).unitsReported += row.units_reported;
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

/** Each group's projection of each indicator, against the target in force at `asOf` (by group, then indicator id). */
export async function projectionsOf(
  groups: Map<number, number[]>,
  asOf: number,
  indicators: IndicatorDefinition[],
  targetOf: (key: number, indicatorId: number) => ProjectionTarget | null,
): Promise<Map<number, Map<number, Projection>>> {
  const months = await readProjectionMonths(groups, asOf, elementsOf(indicators));
  return new Map([...groups.keys()].map((key) => [key, projectMonths(months.get(key)!, asOf, indicators, (indicatorId) => targetOf(key, indicatorId))]));
}

export const elementsOf = (indicators: IndicatorDefinition[]) => [...new Set(indicators.flatMap((indicator) => [indicator.numeratorElementId, indicator.denominatorElementId]))];

/** One unit's (or group's) projection of each indicator, by indicator id. */
export function projectMonths(months: Months, asOf: number, indicators: IndicatorDefinition[], targetOf: (indicatorId: number) => ProjectionTarget | null): Map<number, Projection> {
  return new Map(indicators.map((indicator) => [indicator.id, projectIndicator(countedMonths(months, indicator), targetOf(indicator.id), asOf, indicator.higherIsBetter)]));
}
