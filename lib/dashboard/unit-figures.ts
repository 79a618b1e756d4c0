/**
 * Every indicator of each unit for a period, with the target that applies to
 * it: the one computation behind the dashboard's children, the read API and
 * the exported reports, so none of them can disagree with another.
 */
import { gridKey, resolveTargetGrid } from "../targets/resolve-targets";
import type { UnitSummary } from "../units/tree-queries";
import { indicatorFigure, type IndicatorDefinition, type IndicatorFigure } from "./indicator-figures";
import { loadIndicators } from "./indicator-catalogue";
import type { PeriodSelection } from "./period-selection";
import { elementSumsByUnit, type ElementSums } from "./rollup-queries";

export async function indicatorFiguresOf(
  units: Pick<UnitSummary, "id">[],
  selection: Pick<PeriodSelection, "from" | "to">,
  catalogue?: IndicatorDefinition[],
  /** The units' element sums over the selection, when the caller has read them already. */
  unitSums?: Promise<Map<number, ElementSums>>,
): Promise<Map<number, IndicatorFigure[]>> {
  const ids = units.map((unit) => unit.id);
  const [indicators, sums, targets] = await Promise.all([catalogue ?? loadIndicators(), unitSums ?? elementSumsByUnit(ids, selection.from, selection.to), resolveTargetGrid(ids, [selection.to])]);
  return new Map(
    units.map((unit) => {
      const unitTargets = targets.get(gridKey(unit.id, selection.to)) ?? new Map();
      return [unit.id, indicators.map((indicator) => indicatorFigure(indicator, sums.get(unit.id) ?? new Map(), unitTargets.get(indicator.id)))];
    }),
  );
}
