/**
 * Targets through a reorganisation. A target is a ratio, so it is re-allocated
 * as ratios roll up: a merged unit's target is the sources' targets weighted
 * by their denominators (Σ target × denominator / Σ denominator); the parts of
 * a split keep the old unit's target; a moved unit keeps the target it had
 * (a ward that leaves its district keeps the district's target, not the
 * province's). A target is written only where the unit would otherwise
 * inherit a different one, from the effective month on, with the decision as
 * its source.
 */
import type { Prisma } from "../db";
import type { AuditActor } from "../audit/write-audit-log";
import { writeAuditLog } from "../audit/write-audit-log";
import { gridKey, resolveTargetGrid } from "../targets/resolve-targets";

type Tx = Prisma.TransactionClient;

/** Indicator id → target ratio, per unit. */
export type TargetsByUnit = Map<number, Map<number, number>>;

export interface TargetChange {
  unitId: number;
  indicatorId: number;
  value: number;
}

export async function targetsInForce(tx: Tx, unitIds: number[], period: number): Promise<TargetsByUnit> {
  const grid = await resolveTargetGrid(unitIds, [period], tx);
  return new Map(unitIds.map((id) => [id, new Map([...(grid.get(gridKey(id, period)) ?? new Map()).values()].map((target) => [target.indicatorId, target.value]))]));
}

/** Σ target × denominator / Σ denominator; equal weights when no source has a denominator. */
export function weightedTarget(parts: { target: number; denominator: number }[]): number {
  const total = parts.reduce((sum, part) => sum + part.denominator, 0);
  const value = total > 0 ? parts.reduce((sum, part) => sum + part.target * part.denominator, 0) / total : parts.reduce((sum, part) => sum + part.target, 0) / parts.length;
  return Math.round(value * 100_000) / 100_000;
}

export async function keepTargets(tx: Tx, actor: AuditActor, desired: TargetsByUnit, period: number, reason: string, decisionRef: string): Promise<TargetChange[]> {
  const after = await targetsInForce(tx, [...desired.keys()], period);
  const written: TargetChange[] = [];
  for (const [unitId, wanted] of desired) {
    for (const [indicatorId, value] of wanted) {
      if (after.get(unitId)?.get(indicatorId) === value) continue;
      const target = await tx.target.create({
        data: { indicatorId, unitId, fromPeriodId: period, value, reason: `Phân bổ lại khi sắp xếp địa giới: ${reason}`, source: decisionRef, setById: actor.id },
      });
      await writeAuditLog(tx, actor, { action: "targets.set", entityType: "target", entityId: target.id, unitId, after: { indicatorId, value, fromPeriodId: period } });
      written.push({ unitId, indicatorId, value });
    }
  }
  return written;
}
