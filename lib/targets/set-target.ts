/**
 * Setting a target for an indicator, a unit and a range of months, with a
 * reason. A new target never overwrites an old one: it is added, and for the
 * months it covers it takes precedence over older targets of the same unit;
 * the history stays in the table and in the audit log. Units below without a
 * target of their own inherit it.
 */
import { db } from "../db";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { fieldErrorsOf } from "../schemas/user";
import { targetSchema } from "../schemas/target";
import { periodCode } from "../periods";
import { isNationalActor } from "../dashboard/dashboard-subject";
import { resolveTargets } from "./resolve-targets";
import { languageOf, say } from "../i18n/translate";

/** unitCode null: the national target, for national administrators only. */
export async function setTarget(actor: Actor, unitCode: string | null, input: unknown) {
  let unit: { id: number; code: string; name: string } | null = null;
  if (unitCode === null) {
    if (!isNationalActor(actor)) throw new AppError("FORBIDDEN", "errors.nationalTargetsAdmin");
  } else {
    unit = await db.adminUnit.findUnique({ where: { code: unitCode }, select: { id: true, code: true, name: true } });
    if (!unit) throw new AppError("NOT_FOUND", "errors.unitNotFound", { code: unitCode });
    await authorize(actor, "targets.write", { unitId: unit.id }, { hideExistence: true });
  }
  const locale = languageOf(actor);
  const parsed = targetSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, status: 400, message: say(locale, "rules.targetInvalid"), fieldErrors: fieldErrorsOf(parsed.error, locale) };
  const data = parsed.data;
  const indicator = await db.indicator.findUnique({ where: { code: data.indicatorCode }, select: { id: true, code: true, name: true } });
  if (!indicator) return { ok: false as const, status: 400, message: say(locale, "rules.targetIndicatorUnknown"), fieldErrors: { indicatorCode: [say(locale, "rules.targetIndicatorPick")] } };

  const value = Math.round(data.percent * 1000) / 100_000;
  const before = unit && data.fromPeriod ? (await resolveTargets(unit.id, data.fromPeriod)).get(indicator.id) : undefined;
  const created = await db.$transaction(async (tx) => {
    const target = await tx.target.create({
      data: { indicatorId: indicator.id, unitId: unit?.id ?? null, fromPeriodId: data.fromPeriod, toPeriodId: data.toPeriod, value, reason: data.reason, source: data.source, setById: actor.id },
    });
    await writeAuditLog(tx, actor, {
      action: "targets.set",
      entityType: "target",
      entityId: `${unit?.code ?? "VN"}/${indicator.code}`,
      unitId: unit?.id ?? null,
      before: before ? { value: before.value, fromUnit: before.unitCode ?? "VN" } : undefined,
      after: { value, from: data.fromPeriod ? periodCode(data.fromPeriod) : null, to: data.toPeriod ? periodCode(data.toPeriod) : null, source: data.source },
      reason: data.reason,
    });
    return target;
  });
  return { ok: true as const, targetId: created.id };
}

/** The target changes of a unit, newest first, from the audit log: who, when, old → new, why. */
export async function targetHistory(actor: Actor, unitCode: string) {
  const unit = await db.adminUnit.findUnique({ where: { code: unitCode }, select: { id: true } });
  if (!unit) throw new AppError("NOT_FOUND", "errors.unitNotFound", { code: unitCode });
  await authorize(actor, "units.read", { unitId: unit.id }, { hideExistence: true });
  return db.auditLog.findMany({
    where: { unitId: unit.id, action: "targets.set" },
    orderBy: { id: "desc" },
    take: 100,
    select: { id: true, at: true, actorName: true, entityId: true, before: true, after: true, reason: true },
  });
}
