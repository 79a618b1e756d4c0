/**
 * Saves a unit's figures for a month. Nothing is ever lost or silently
 * overwritten:
 * - the form sends the report version it started from; if someone saved in
 *   between, the save is refused with their values so the user can merge;
 * - the form sends an id per save; a save retried after a lost connection is
 *   recognised and not applied twice;
 * - every changed figure is audited (old → new, who, reason) in the same
 *   transaction as the change.
 */
import { db, type Prisma } from "../db";
import { AppError } from "../errors";
import { hasActivities, RESIDENTS_HELPED } from "../activities/residents-helped";
import { authorize, type Actor } from "../auth/authorize";
import { addMonths, parsePeriodCode, periodCode, periodOfDate } from "../periods";
import { checkConfirmations, checkFigures } from "../schemas/figure-rules";
import { saveReportSchema } from "../schemas/period-report";
import { issueMessage } from "../schemas/user";
import { languageOf, say } from "../i18n/translate";
import { elementsForLevel, partOfRules, type ReportElement } from "./report-catalogue";

export interface SaveConflict {
  version: number;
  values: Record<string, number | null>;
  updatedBy: string | null;
  updatedAt: Date | null;
}

export type SaveReportResult =
  | { ok: true; version: number; changed: number; replayed: boolean }
  | { ok: false; status: 400; message: string; fieldErrors: Record<string, string[]>; warnings: Record<string, string> }
  | { ok: false; status: 409; message: string; conflict: SaveConflict };

/** One unit's month, checked and ready to write: what the form (or one row of the ward's grid) asked for. */
export interface UnitSavePlan {
  unit: { id: number; code: string };
  periodId: number;
  period: string;
  version: number;
  requestId: string;
  elements: ReportElement[];
  /** Only the codes the client sent: a code left out is left as stored. */
  sent: string[];
  values: Record<string, number | null>;
  /**
   * The form's stock fields confirmed as unchanged (it knows which were, and
   * sends them all); "keep" for a writer that does not confirm (the ward's
   * grid): an unchanged figure keeps how it was entered, a changed one is typed.
   */
  confirmed: Set<string> | "keep";
  reasons: Record<string, string>;
}

export type UnitSaveCheck =
  | { ok: true; plan: UnitSavePlan }
  | { ok: false; fieldErrors: Record<string, string>; warnings: Record<string, string> };

/** The figures of one unit and month, by element code. */
export async function readFigures(unitId: number, periodId: number): Promise<Record<string, number | null>> {
  // One joined query: Prisma's nested select costs a second round trip on every save.
  const rows = await db.$queryRaw<{ code: string; value: number }[]>`
    SELECT e.code, v.value FROM data_value v JOIN data_element e ON e.id = v.element_id WHERE v.unit_id = ${unitId} AND v.period_id = ${periodId}`;
  return Object.fromEntries(rows.map((row) => [row.code, row.value]));
}

export async function findReportUnit(actor: Actor, unitCode: string, operation: "values.write" | "values.ward" | "units.read" | "reports.approve") {
  const unit = await db.adminUnit.findUnique({ where: { code: unitCode }, select: { id: true, code: true, name: true, kind: true, level: true, validFrom: true, validTo: true } });
  if (!unit) throw new AppError("NOT_FOUND", "errors.unitNotFound", { code: unitCode });
  // A team leader's account knows one group: any other answers "not found", as outside the scope.
  await authorize(actor, operation, { unitId: unit.id }, { hideExistence: operation === "units.read" || (operation === "values.write" && actor.role === "TEAM_LEADER") });
  return unit;
}

/**
 * Takes the roll-up locks of the units' provinces, then checks, in a statement
 * of its own (so on a snapshot taken after the wait), that every unit is still
 * in force. A reorganisation takes every province's lock before it changes the
 * map (lib/reorganisation/run-reorganisation.ts), so a write either commits
 * before it (and the reorganisation carries the figures, or refuses the change)
 * or waits for it and is refused here, like a write into a unit already closed.
 * Writers take these locks anyway at their first figure: this only takes them first.
 */
export async function lockInForce(tx: Prisma.TransactionClient, unitIds: number[]): Promise<{ endedCode: string | null }> {
  await tx.$executeRaw`SELECT rollup_lock_provinces(${unitIds}::int[])`;
  const [ended] = await tx.$queryRaw<{ code: string }[]>`SELECT code FROM admin_unit WHERE id = ANY(${unitIds}::int[]) AND valid_to IS NOT NULL ORDER BY code LIMIT 1`;
  return { endedCode: ended?.code ?? null };
}

export function reportPeriod(code: string, now = new Date()): number {
  const periodId = parsePeriodCode(code);
  if (periodId === null) throw new AppError("INVALID_INPUT", "errors.periodFormat", { code });
  if (periodId > periodOfDate(now)) throw new AppError("INVALID_INPUT", "errors.periodFuture", { code });
  return periodId;
}

/**
 * Finds the unit the actor may write, and the month; refuses a closed unit, a
 * month before the unit existed, a level that enters nothing and codes that
 * are not this level's.
 */
export async function writableUnitMonth(actor: Actor, unitCode: string, period: string, codes: string[]) {
  const unit = await findReportUnit(actor, unitCode, "values.write");
  if (unit.validTo !== null) throw new AppError("INVALID_INPUT", "errors.unitEndedNoFigures");
  const periodId = reportPeriod(period);
  if (periodId < periodOfDate(unit.validFrom)) {
    throw new AppError("INVALID_INPUT", "errors.unitNotYetFounded", { from: periodCode(periodOfDate(unit.validFrom)) });
  }
  const elements = await elementsForLevel(unit.level);
  if (elements.length === 0) throw new AppError("INVALID_INPUT", "errors.levelEntersNothing");
  const unknown = codes.filter((code) => !elements.some((element) => element.code === code));
  if (unknown.length > 0) throw new AppError("INVALID_INPUT", "errors.elementsNotHere", { codes: unknown.join(", ") });
  return { unit, periodId, elements };
}

/** The shared rules, in the actor's language, for one unit's month; nothing is written. */
export async function checkUnitSave(
  actor: Actor,
  target: { unit: { id: number; code: string }; periodId: number; elements: ReportElement[] },
  input: { period: string; version: number; requestId: string; values: Record<string, string>; reasons: Record<string, string>; confirmed: string[] | "keep" },
  previous?: Record<string, number | null>,
): Promise<UnitSaveCheck> {
  const { unit, periodId, elements } = target;
  const before = previous ?? (await readFigures(unit.id, addMonths(periodId, -1)));
  const locale = languageOf(actor);
  const named = elements.map((element) => ({ code: element.code, name: locale === "en" ? element.nameEn : element.name, aggregation: element.aggregation }));
  const speak = (key: Parameters<typeof say>[1], values?: Record<string, string | number>) => say(locale, key, values);
  const check = checkFigures(named, await partOfRules(), input.values, before, input.reasons, speak);
  const confirmed = input.confirmed === "keep" ? [] : input.confirmed.filter((code) => code in input.values);
  const errors = { ...checkConfirmations(named, check.values, before, confirmed, speak), ...check.errors };
  if (Object.keys(errors).length > 0 || Object.keys(check.warnings).length > 0) return { ok: false, fieldErrors: errors, warnings: check.warnings };
  return {
    ok: true,
    plan: {
      unit,
      periodId,
      period: input.period,
      version: input.version,
      requestId: input.requestId,
      elements,
      sent: Object.keys(input.values),
      values: check.values,
      confirmed: input.confirmed === "keep" ? "keep" : new Set(confirmed),
      reasons: input.reasons,
    },
  };
}

export async function savePeriodReport(actor: Actor, input: unknown): Promise<SaveReportResult> {
  const envelope = saveReportSchema.safeParse(input);
  if (!envelope.success) throw new AppError("INVALID_INPUT", (locale) => envelope.error.issues.map((issue) => issueMessage(issue, locale)).join(" "));
  const data = envelope.data;
  const target = await writableUnitMonth(actor, data.unitCode, data.period, Object.keys(data.values));
  const check = await checkUnitSave(actor, target, data);
  const locale = languageOf(actor);
  if (!check.ok) {
    const count = Object.keys(check.fieldErrors).length + Object.keys(check.warnings).length;
    return {
      ok: false,
      status: 400,
      message: say(locale, "rules.figuresToReview", { count }),
      fieldErrors: Object.fromEntries(Object.entries(check.fieldErrors).map(([code, message]) => [code, [message]])),
      warnings: check.warnings,
    };
  }
  return db.$transaction(async (tx) => {
    if ((await lockInForce(tx, [target.unit.id])).endedCode) throw new AppError("INVALID_INPUT", "errors.unitEndedNoFigures");
    const applied = await applyUnitSave(tx, actor, check.plan);
    if ("conflict" in applied) {
      return { ok: false as const, status: 409 as const, message: say(locale, "rules.savedByOther", { name: applied.conflict.updatedBy ?? { key: "rules.someoneElse" } }), conflict: applied.conflict };
    }
    return { ok: true as const, ...applied };
  });
}

/**
 * Writes one unit's month inside the caller's transaction, which has taken the
 * roll-up locks (lockInForce). Six round trips: writers of a province queue on
 * its roll-up lock from their first figure to their commit, so every statement
 * saved here is throughput. Returns the conflict, without writing, when the
 * report moved on since the client read it.
 */
export async function applyUnitSave(
  tx: Prisma.TransactionClient,
  actor: Actor,
  plan: UnitSavePlan,
): Promise<{ version: number; changed: number; replayed: boolean } | { conflict: SaveConflict }> {
  const { unit, periodId, period, elements, values, confirmed, reasons, requestId } = plan;
  // Creates the report row if needed and locks it, in one statement (a no-op update takes the row lock):
  // concurrent saves of the same report queue here and see each other's version.
  const [report] = await tx.$queryRaw<{ id: number; status: string; version: number; updated_by_id: number | null; updated_at: Date }[]>`
    INSERT INTO period_report (unit_id, period_id, updated_at) VALUES (${unit.id}, ${periodId}, now())
    ON CONFLICT (unit_id, period_id) DO UPDATE SET version = period_report.version
    RETURNING id, status::text, version, updated_by_id, updated_at`;
  // Checked under the lock (a new statement, a new snapshot), so a retry racing its own original waits for it and is recognised.
  const [state] = await tx.$queryRaw<{ replay: number | null; existing: { id: number; elementId: number; value: number; confirmed: boolean }[] }[]>`
    SELECT (SELECT version FROM save_request WHERE id = ${requestId}::uuid) AS replay,
           (SELECT coalesce(json_agg(json_build_object('id', id, 'elementId', element_id, 'value', value, 'confirmed', confirmed)), '[]'::json)
            FROM data_value WHERE unit_id = ${unit.id} AND period_id = ${periodId}) AS existing`;
  if (state.replay !== null) return { version: state.replay, changed: 0, replayed: true };
  if (report.status === "APPROVED" || report.status === "LOCKED") {
    throw new AppError("CONFLICT", "errors.reportFinal");
  }
  if (report.version !== plan.version) {
    const byUser = report.updated_by_id ? await tx.user.findUnique({ where: { id: report.updated_by_id }, select: { fullName: true } }) : null;
    const codeOf = new Map(elements.map((element) => [element.id, element.code]));
    return {
      conflict: {
        version: report.version,
        values: Object.fromEntries(state.existing.map((row) => [codeOf.get(row.elementId) ?? String(row.elementId), row.value])),
        updatedBy: byUser?.fullName ?? null,
        updatedAt: report.updated_at,
      },
    };
  }

  const sent = new Set(plan.sent);
  // A figure changes when its value does, or when it turns from typed to confirmed (or back): both are audited.
  const changes = elements
    .filter((element) => sent.has(element.code))
    .map((element) => {
      const current = state.existing.find((row) => row.elementId === element.id);
      const next = values[element.code];
      const confirm = confirmed === "keep" ? current?.value === next && current.confirmed : confirmed.has(element.code);
      return { element, current, next, confirm };
    })
    .filter(({ current, next, confirm }) => (current?.value ?? null) !== next || (next !== null && (current?.confirmed ?? false) !== confirm));
  // A month with activities takes RESIDENTS_HELPED from them (lib/activities/residents-helped.ts): a different figure typed is refused.
  if (changes.some((change) => change.element.code === RESIDENTS_HELPED) && (await hasActivities(tx, unit.id, periodId))) {
    throw new AppError("INVALID_INPUT", "errors.residentsHelpedFromActivities", { code: unit.code });
  }
  // One statement for the written figures and one for the cleared ones: the roll-up triggers run once each.
  const written = changes.filter((change) => change.next !== null);
  if (written.length > 0) {
    await tx.$executeRaw`
      INSERT INTO data_value (unit_id, period_id, element_id, value, confirmed, updated_by_id, updated_at)
      SELECT ${unit.id}::int, ${periodId}::int, element_id, value, confirmed, ${actor.id}::int, now()
      FROM unnest(${written.map((change) => change.element.id)}::int[], ${written.map((change) => change.next as number)}::int[], ${written.map((change) => change.confirm)}::boolean[]) AS w(element_id, value, confirmed)
      ORDER BY element_id
      ON CONFLICT (unit_id, period_id, element_id) DO UPDATE
        SET value = EXCLUDED.value, confirmed = EXCLUDED.confirmed, version = data_value.version + 1, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`;
  }
  const cleared = changes.filter((change) => change.next === null && change.current);
  if (cleared.length > 0) await tx.dataValue.deleteMany({ where: { id: { in: cleared.map((change) => change.current!.id) } } });
  if (changes.length > 0) {
    await tx.auditLog.createMany({
      data: changes.map(({ element, current, next, confirm }) => ({
        actorId: actor.id,
        actorName: actor.username,
        // A confirmation is recorded as one: "unchanged since last month, confirmed by …".
        action: confirm && next !== null ? "values.confirm" : "values.save",
        entityType: "data_value",
        entityId: `${unit.code}/${period}/${element.code}`,
        unitId: unit.id,
        before: current ? { value: current.value } : undefined,
        after: next === null ? undefined : confirm ? { value: next, confirmed: true } : { value: next },
        reason: reasons[element.code] || null,
      })),
    });
  }
  const changed = changes.length;
  const newVersion = report.version + 1;
  // Changing a submitted report sends it back to draft: the approver must see the figures they approve.
  // The new version and the save's id are written in one statement.
  const backToDraft = report.status === "SUBMITTED" && changed > 0;
  await tx.$executeRaw`
    WITH updated AS (
      UPDATE period_report SET version = ${newVersion}, updated_by_id = ${actor.id}::int, updated_at = now(),
        status = CASE WHEN ${backToDraft} THEN 'DRAFT'::"ReportStatus" ELSE status END,
        submitted_at = CASE WHEN ${backToDraft} THEN NULL ELSE submitted_at END,
        submitted_by_id = CASE WHEN ${backToDraft} THEN NULL ELSE submitted_by_id END
      WHERE id = ${report.id} RETURNING id
    )
    INSERT INTO save_request (id, report_id, version) SELECT ${requestId}::uuid, id, ${newVersion} FROM updated`;
  return { version: newVersion, changed, replayed: false };
}
