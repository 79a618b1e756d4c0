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
import { authorize, type Actor } from "../auth/authorize";
import { addMonths, parsePeriodCode, periodCode, periodOfDate } from "../periods";
import { checkFigures } from "../schemas/figure-rules";
import { saveReportSchema } from "../schemas/period-report";
import { issueMessage } from "../schemas/user";
import { languageOf, say } from "../i18n/translate";
import { elementsForLevel, partOfRules } from "./report-catalogue";

export type SaveReportResult =
  | { ok: true; version: number; changed: number; replayed: boolean }
  | { ok: false; status: 400; message: string; fieldErrors: Record<string, string[]>; warnings: Record<string, string> }
  | { ok: false; status: 409; message: string; conflict: { version: number; values: Record<string, number | null>; updatedBy: string | null; updatedAt: Date | null } };

/** The figures of one unit and month, by element code. */
export async function readFigures(unitId: number, periodId: number): Promise<Record<string, number | null>> {
  // One joined query: Prisma's nested select costs a second round trip on every save.
  const rows = await db.$queryRaw<{ code: string; value: number }[]>`
    SELECT e.code, v.value FROM data_value v JOIN data_element e ON e.id = v.element_id WHERE v.unit_id = ${unitId} AND v.period_id = ${periodId}`;
  return Object.fromEntries(rows.map((row) => [row.code, row.value]));
}

export async function findReportUnit(actor: Actor, unitCode: string, operation: "values.write" | "units.read" | "reports.approve") {
  const unit = await db.adminUnit.findUnique({ where: { code: unitCode }, select: { id: true, code: true, name: true, kind: true, level: true, validFrom: true, validTo: true } });
  if (!unit) throw new AppError("NOT_FOUND", "errors.unitNotFound", { code: unitCode });
  await authorize(actor, operation, { unitId: unit.id }, { hideExistence: operation === "units.read" });
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

export async function savePeriodReport(actor: Actor, input: unknown): Promise<SaveReportResult> {
  const envelope = saveReportSchema.safeParse(input);
  if (!envelope.success) throw new AppError("INVALID_INPUT", (locale) => envelope.error.issues.map((issue) => issueMessage(issue, locale)).join(" "));
  const { unitCode, period, version, requestId, values: raw, reasons } = envelope.data;

  const unit = await findReportUnit(actor, unitCode, "values.write");
  if (unit.validTo !== null) throw new AppError("INVALID_INPUT", "errors.unitEndedNoFigures");
  const periodId = reportPeriod(period);
  if (periodId < periodOfDate(unit.validFrom)) {
    throw new AppError("INVALID_INPUT", "errors.unitNotYetFounded", { from: periodCode(periodOfDate(unit.validFrom)) });
  }
  const elements = await elementsForLevel(unit.level);
  if (elements.length === 0) throw new AppError("INVALID_INPUT", "errors.levelEntersNothing");
  const unknown = Object.keys(raw).filter((code) => !elements.some((element) => element.code === code));
  if (unknown.length > 0) throw new AppError("INVALID_INPUT", "errors.elementsNotHere", { codes: unknown.join(", ") });

  const previous = await readFigures(unit.id, addMonths(periodId, -1));
  const locale = languageOf(actor);
  const named = elements.map((element) => ({ code: element.code, name: locale === "en" ? element.nameEn : element.name }));
  const check = checkFigures(named, await partOfRules(), raw, previous, reasons, (key, values) => say(locale, key, values));
  if (Object.keys(check.errors).length > 0 || Object.keys(check.warnings).length > 0) {
    const count = Object.keys(check.errors).length + Object.keys(check.warnings).length;
    return {
      ok: false,
      status: 400,
      message: say(locale, "rules.figuresToReview", { count }),
      fieldErrors: Object.fromEntries(Object.entries(check.errors).map(([code, message]) => [code, [message]])),
      warnings: check.warnings,
    };
  }

  // Seven round trips inside the transaction: writers of a province queue on its roll-up lock
  // from their first figure to their commit, so every statement saved here is throughput.
  return db.$transaction(async (tx) => {
    if ((await lockInForce(tx, [unit.id])).endedCode) throw new AppError("INVALID_INPUT", "errors.unitEndedNoFigures");
    // Creates the report row if needed and locks it, in one statement (a no-op update takes the row lock):
    // concurrent saves of the same report queue here and see each other's version.
    const [report] = await tx.$queryRaw<{ id: number; status: string; version: number; updated_by_id: number | null; updated_at: Date }[]>`
      INSERT INTO period_report (unit_id, period_id, updated_at) VALUES (${unit.id}, ${periodId}, now())
      ON CONFLICT (unit_id, period_id) DO UPDATE SET version = period_report.version
      RETURNING id, status::text, version, updated_by_id, updated_at`;
    // Checked under the lock (a new statement, a new snapshot), so a retry racing its own original waits for it and is recognised.
    const [state] = await tx.$queryRaw<{ replay: number | null; existing: { id: number; elementId: number; value: number }[] }[]>`
      SELECT (SELECT version FROM save_request WHERE id = ${requestId}::uuid) AS replay,
             (SELECT coalesce(json_agg(json_build_object('id', id, 'elementId', element_id, 'value', value)), '[]'::json)
              FROM data_value WHERE unit_id = ${unit.id} AND period_id = ${periodId}) AS existing`;
    if (state.replay !== null) return { ok: true as const, version: state.replay, changed: 0, replayed: true };
    if (report.status === "APPROVED" || report.status === "LOCKED") {
      throw new AppError("CONFLICT", "errors.reportFinal");
    }
    if (report.version !== version) {
      const byUser = report.updated_by_id ? await tx.user.findUnique({ where: { id: report.updated_by_id }, select: { fullName: true } }) : null;
      const codeOf = new Map(elements.map((element) => [element.id, element.code]));
      const current = state.existing.map((row) => ({ value: row.value, element: { code: codeOf.get(row.elementId) ?? String(row.elementId) } }));
      return {
        ok: false as const,
        status: 409 as const,
        message: say(locale, "rules.savedByOther", { name: byUser?.fullName ?? { key: "rules.someoneElse" } }),
        conflict: { version: report.version, values: Object.fromEntries(current.map((row) => [row.element.code, row.value])), updatedBy: byUser?.fullName ?? null, updatedAt: report.updated_at },
      };
    }

    const existing = state.existing;
    const changes = elements
      .filter((element) => element.code in raw)
      .map((element) => ({ element, current: existing.find((row) => row.elementId === element.id), next: check.values[element.code] }))
      .filter(({ current, next }) => (current?.value ?? null) !== next);
    // One statement for the written figures and one for the cleared ones: the roll-up triggers run once each.
    const written = changes.filter((change) => change.next !== null);
    if (written.length > 0) {
      await tx.$executeRaw`
        INSERT INTO data_value (unit_id, period_id, element_id, value, updated_by_id, updated_at)
        SELECT ${unit.id}::int, ${periodId}::int, element_id, value, ${actor.id}::int, now()
        FROM unnest(${written.map((change) => change.element.id)}::int[], ${written.map((change) => change.next as number)}::int[]) AS w(element_id, value)
        ORDER BY element_id
        ON CONFLICT (unit_id, period_id, element_id) DO UPDATE
          SET value = EXCLUDED.value, version = data_value.version + 1, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`;
    }
    const cleared = changes.filter((change) => change.next === null && change.current);
    if (cleared.length > 0) await tx.dataValue.deleteMany({ where: { id: { in: cleared.map((change) => change.current!.id) } } });
    if (changes.length > 0) {
      await tx.auditLog.createMany({
        data: changes.map(({ element, current, next }) => ({
          actorId: actor.id,
          actorName: actor.username,
          action: "values.save",
          entityType: "data_value",
          entityId: `${unit.code}/${period}/${element.code}`,
          unitId: unit.id,
          before: current ? { value: current.value } : undefined,
          after: next === null ? undefined : { value: next },
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
    return { ok: true as const, version: newVersion, changed, replayed: false };
  });
}
