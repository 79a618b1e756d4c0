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
import { elementsOf, projectMonths, readProjectionMonths } from "./projection-series";

export async function indicatorFiguresOf(
  units: Pick<UnitSummary, "id">[],
  selection: Pick<PeriodSelection, "from" | "to">,
  catalogue?: IndicatorDefinition[],
  /** The units' element sums over the selection, when the caller has read them already. */
  unitSums?: Promise<Map<number, ElementSums>>,
  /** The indicators (codes) whose projection to the target's deadline each figure carries (lib/dashboard/projection.ts). */
  projected: "all" | string[] = [],
): Promise<Map<number, IndicatorFigure[]>> {
  const ids = units.map((unit) => unit.id);
  const catalogueRead = catalogue ? Promise.resolve(catalogue) : loadIndicators();
  // The months a projection needs are read beside the sums and the targets, not after them.
  const monthsRead = catalogueRead.then((all) => {
    const toProject = all.filter((indicator) => projected === "all" || projected.includes(indicator.code));
    return toProject.length > 0 ? readProjectionMonths(new Map(ids.map((id) => [id, [id]])), selection.to, elementsOf(toProject)).then((months) => ({ toProject, months })) : null;
  });
  const [indicators, sums, targets, projectionMonths] = await Promise.all([catalogueRead, unitSums ?? elementSumsByUnit(ids, selection.from, selection.to), resolveTargetGrid(ids, [selection.to]), monthsRead]);
  const targetsOf = (unitId: number) => targets.get(gridKey(unitId, selection.to)) ?? new Map();
  const projections = projectionMonths
    ? new Map(ids.map((id) => [id, projectMonths(projectionMonths.months.get(id)!, selection.to, projectionMonths.toProject, (indicatorId) => targetsOf(id).get(indicatorId) ?? null)]))
    : null;
  return new Map(
    units.map((unit) => {
      const unitTargets = targetsOf(unit.id);
      return [
        unit.id,
        indicators.map((indicator) => {
          const figure = indicatorFigure(indicator, sums.get(unit.id) ?? new Map(), unitTargets.get(indicator.id));
          const projection = projections?.get(unit.id)?.get(indicator.id);
          return projection ? { ...figure, projection } : figure;
        }),
      ];
    }),
  );
}
