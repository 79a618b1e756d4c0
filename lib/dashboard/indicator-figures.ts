/**
 * From element sums to indicators. Pure: the same function serves the
 * dashboard, the API and the exports, so they can never disagree.
 * Ratio of sums: value = Σ numerator / Σ denominator over every residential
 * group below, never the average of the children's percentages.
 */
import type { Projection } from "./projection";

export interface IndicatorDefinition {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  numeratorElementId: number;
  denominatorElementId: number;
  higherIsBetter: boolean;
}

export interface TargetInfo {
  value: number;
  /** The unit whose target applies; null for the national target. */
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
  reason: string;
  source: string | null;
  /** The target's last month (yyyymm), its deadline; null when it has no end. */
  toPeriodId: number | null;
}

/**
 * met: at or past the target; near: within NEAR_GAP of it; far: further; no
 * target or no data: said so, never a 0%; noDenominator: figures were reported,
 * but the whole they are a share of is 0 (no merchants, no dossiers), so there is no rate.
 */
export type TargetState = "met" | "near" | "far" | "noTarget" | "noData" | "noDenominator";

/** Ten percentage points: "almost there" in the committees' reading of a target. */
export const NEAR_GAP = 0.1;

export interface IndicatorFigure {
  code: string;
  name: string;
  nameEn: string;
  numerator: number;
  denominator: number;
  /** Between 0 and 1; null when the denominator is 0 or no one has entered the numerator (no data is not 0%). */
  value: number | null;
  target: TargetInfo | null;
  /** value − target, in ratio points; null without a value or a target. */
  gap: number | null;
  state: TargetState;
  /** Where the unit will land at the target's deadline, when asked for (lib/dashboard/projection.ts). */
  projection?: Projection;
}

export function targetState(value: number | null, target: number | null, higherIsBetter = true): TargetState {
  if (value === null) return "noData";
  if (target === null) return "noTarget";
  const gap = higherIsBetter ? value - target : target - value;
  if (gap >= 0) return "met";
  return gap >= -NEAR_GAP ? "near" : "far";
}

export function indicatorFigure(definition: IndicatorDefinition, sums: ReadonlyMap<number, number>, target: TargetInfo | null | undefined): IndicatorFigure {
  const reported = sums.get(definition.numeratorElementId);
  const numerator = reported ?? 0;
  const denominator = sums.get(definition.denominatorElementId) ?? 0;
  // A numerator nobody has entered is missing data, not 0%: only a reported 0 makes a 0% rate.
  const value = denominator > 0 && reported !== undefined ? numerator / denominator : null;
  const targetValue = target?.value ?? null;
  const wholeIsZero = value === null && sums.get(definition.denominatorElementId) === 0;
  return {
    code: definition.code,
    name: definition.name,
    nameEn: definition.nameEn,
    numerator,
    denominator,
    value,
    target: target ?? null,
    gap: value !== null && targetValue !== null ? value - targetValue : null,
    state: wholeIsZero ? "noDenominator" : targetState(value, targetValue, definition.higherIsBetter),
  };
}
