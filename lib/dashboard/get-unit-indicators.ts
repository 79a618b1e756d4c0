/**
 * The read API's figures: the indicators of a unit, or of each of its children,
 * for a period. The same roll-ups, targets and ratio rule as the dashboard, so
 * the API and the dashboard cannot disagree.
 */
import type { Actor } from "../auth/authorize";
import { periodCode, periodOfDate } from "../periods";
import { parsePeriodSelection, type PeriodSelection } from "./period-selection";
import { indicatorFiguresOf } from "./unit-figures";
import { findDashboardSubject, type DashboardSubject } from "./dashboard-subject";
import type { DashboardParams } from "./get-dashboard";
import { defaultMonthFor, defaultReportingMonth } from "./default-month";
import type { UnitSummary } from "../units/tree-queries";
import type { Projection } from "./projection";

export interface ApiIndicator {
  code: string;
  name: string;
  numerator: number;
  denominator: number;
  /** The ratio between 0 and 1; null when the denominator is 0. */
  value: number | null;
  target: number | null;
  /** The unit whose target applies; null for the national target or none. */
  targetUnitCode: string | null;
  projection: ApiProjection;
}

/** Where the unit will land at the target's deadline (lib/dashboard/projection.ts), with months as "YYYY-MM". */
export type ApiProjection = Omit<Projection, "deadline" | "basedOn" | "windows"> & {
  deadline: string | null;
  basedOn: string | null;
  windows: { months: number; from: string; to: string; numeratorPerMonth: number; denominatorPerMonth: number; projected: number | null }[];
};

export function apiProjection(projection: Projection): ApiProjection {
  const month = (id: number | null) => (id === null ? null : periodCode(id));
  return {
    ...projection,
    deadline: month(projection.deadline),
    basedOn: month(projection.basedOn),
    windows: projection.windows.map((window) => ({ ...window, from: periodCode(window.from), to: periodCode(window.to) })),
  };
}

/** The period asked for; with none, the same default month as the dashboard's (lib/dashboard/default-month.ts). */
export async function selectionOf(params: DashboardParams, now: Date, subject: Pick<DashboardSubject, "rootIds" | "closedOn">): Promise<PeriodSelection> {
  const asked = Boolean(params.period?.trim() || params.from?.trim() || params.to?.trim());
  const defaultMonth = asked ? defaultReportingMonth(now) : (await defaultMonthFor(subject.rootIds, now, subject.closedOn ? periodOfDate(subject.closedOn) : null)).month;
  const parsed = parsePeriodSelection(params, periodOfDate(now), defaultMonth);
  if (!parsed.ok) throw parsed.error;
  return parsed.selection;
}

const periodOf = (selection: PeriodSelection) => ({ period: selection.code, from: periodCode(selection.from), to: periodCode(selection.to) });
const unitOf = (unit: UnitSummary) => ({ code: unit.code, name: unit.name, level: unit.level });

async function indicatorsOf(units: UnitSummary[], selection: PeriodSelection): Promise<Map<number, ApiIndicator[]>> {
  const figures = await indicatorFiguresOf(units, selection, undefined, undefined, "all");
  return new Map(
    [...figures].map(([unitId, list]) => [
      unitId,
      list.map((figure) => ({
        code: figure.code,
        name: figure.name,
        numerator: figure.numerator,
        denominator: figure.denominator,
        value: figure.value,
        target: figure.target?.value ?? null,
        targetUnitCode: figure.target?.unitCode ?? null,
        projection: apiProjection(figure.projection!),
      })),
    ]),
  );
}

export async function getUnitIndicators(actor: Actor, code: string, params: DashboardParams, now = new Date()) {
  const subject = await findDashboardSubject(actor, code);
  const selection = await selectionOf(params, now, subject);
  const unit = subject.unit!;
  return { unit: unitOf(unit), ...periodOf(selection), indicators: (await indicatorsOf([unit], selection)).get(unit.id)! };
}

export async function getChildrenIndicators(actor: Actor, code: string, params: DashboardParams, now = new Date()) {
  const subject = await findDashboardSubject(actor, code);
  const selection = await selectionOf(params, now, subject);
  const byUnit = await indicatorsOf(subject.children, selection);
  return {
    unit: unitOf(subject.unit!),
    ...periodOf(selection),
    children: subject.children.map((child) => ({ unit: unitOf(child), indicators: byUnit.get(child.id)! })),
  };
}
