/** Everything the entry form needs for one unit and month, for a user who may enter its figures. */
import "server-only";
import { db } from "../db";
import { authorize, can, type Actor } from "../auth/authorize";
import { addMonths, periodCode } from "../periods";
import { resolveTargets } from "../targets/resolve-targets";
import { elementsForLevel, partOfRules } from "./report-catalogue";
import { findReportUnit, readFigures, reportPeriod } from "./save-period-report";
import { languageOf } from "../i18n/translate";
import { hasActivities, RESIDENTS_HELPED } from "../activities/residents-helped";

const HISTORY_PER_FIELD = 10;

export async function getEntryForm(actor: Actor, unitCode: string, period: string) {
  // Another ward's form does not exist for this user (404), as for any read outside the scope;
  // inside it, a role that may not write is refused (403).
  const unit = await findReportUnit(actor, unitCode, "units.read");
  await authorize(actor, "values.write", { unitId: unit.id }, { hideExistence: actor.role === "TEAM_LEADER" });
  const periodId = reportPeriod(period);
  const [elements, partOf, values, previous, report, targets, authors, canSubmit] = await Promise.all([
    elementsForLevel(unit.level),
    partOfRules(),
    readFigures(unit.id, periodId),
    readFigures(unit.id, addMonths(periodId, -1)),
    db.periodReport.findUnique({
      where: { unitId_periodId: { unitId: unit.id, periodId } },
      select: { status: true, version: true, updatedAt: true, reopenReason: true },
    }),
    resolveTargets(unit.id, periodId),
    readFigureAuthors(unit.id, periodId),
    // The ward submits its month upward; a team leader enters their group's figures only.
    can(actor, "values.ward", { unitId: unit.id }),
  ]);
  // Names in the reader's language; the rules' messages on the form name the fields with them.
  const english = languageOf(actor) === "en";
  const named = (item: { name: string; nameEn: string }) => (english ? item.nameEn : item.name);
  const codes = new Set(elements.map((element) => element.code));
  const indicators = (
    await db.indicator.findMany({
      orderBy: { sortOrder: "asc" },
      select: { id: true, code: true, name: true, nameEn: true, numerator: { select: { code: true } }, denominator: { select: { code: true } } },
    })
  )
    .filter((indicator) => codes.has(indicator.numerator.code) && codes.has(indicator.denominator.code))
    .map((indicator) => {
      const target = targets.get(indicator.id);
      return {
        code: indicator.code,
        name: named(indicator),
        numerator: indicator.numerator.code,
        denominator: indicator.denominator.code,
        target: target ? { value: target.value, unitName: target.unitName } : null,
      };
    });
  const history = await db.auditLog.findMany({
    where: { action: { in: ["values.save", "values.confirm", "values.import", "values.fromActivities"] }, entityId: { startsWith: `${unit.code}/${period}/` } },
    orderBy: { id: "desc" },
    take: HISTORY_PER_FIELD * Math.max(elements.length, 1),
    select: { at: true, action: true, actorName: true, entityId: true, before: true, after: true, reason: true },
  });
  const historyByCode: Record<string, { at: string; actor: string; before: number | null; after: number | null; reason: string | null; confirmed: boolean }[]> = {};
  for (const entry of history) {
    const code = entry.entityId!.split("/")[2];
    const list = (historyByCode[code] ??= []);
    if (list.length < HISTORY_PER_FIELD) {
      list.push({
        at: entry.at.toISOString(),
        actor: entry.actorName,
        before: (entry.before as { value?: number } | null)?.value ?? null,
        after: (entry.after as { value?: number } | null)?.value ?? null,
        reason: entry.reason,
        confirmed: entry.action === "values.confirm",
      });
    }
  }
  // A month with the team's activities takes RESIDENTS_HELPED from them: shown read-only, with the way to the activities.
  const withActivities = await hasActivities(db, unit.id, periodId);
  const activityTeam = withActivities ? await db.team.findFirst({ where: { unitId: unit.id }, orderBy: [{ active: "desc" }, { id: "asc" }], select: { code: true } }) : null;
  return {
    fromActivities: withActivities ? { codes: [RESIDENTS_HELPED], teamCode: activityTeam?.code ?? null } : null,
    unit: { code: unit.code, name: unit.name, kind: unit.kind, level: unit.level },
    period,
    previousPeriod: periodCode(addMonths(periodId, -1)),
    nextPeriod: periodCode(addMonths(periodId, 1)),
    elements: elements.map((element) => ({ code: element.code, name: named(element), description: element.description, aggregation: element.aggregation })),
    partOf,
    values,
    previous,
    report: report ? { status: report.status, version: report.version, updatedAt: report.updatedAt.toISOString(), reopenReason: report.reopenReason } : { status: "DRAFT" as const, version: 0, updatedAt: null, reopenReason: null },
    indicators,
    history: historyByCode,
    authors,
    canSubmit,
  };
}

/** Who entered each figure of the month, when, and whether it was confirmed as unchanged: the ward sees its team leaders' work. */
export async function readFigureAuthors(unitId: number, periodId: number) {
  const rows = await db.$queryRaw<{ code: string; confirmed: boolean; updated_at: Date; full_name: string | null; role: string | null }[]>`
    SELECT e.code, v.confirmed, v.updated_at, u.full_name, u.role::text AS role
    FROM data_value v JOIN data_element e ON e.id = v.element_id LEFT JOIN app_user u ON u.id = v.updated_by_id
    WHERE v.unit_id = ${unitId} AND v.period_id = ${periodId}`;
  return Object.fromEntries(
    rows.map((row) => [row.code, { confirmed: row.confirmed, at: row.updated_at.toISOString(), name: row.full_name, role: row.role as "ADMIN" | "STEERING" | "WARD_OFFICIAL" | "TEAM_LEADER" | null }]),
  );
}

export type EntryForm = Awaited<ReturnType<typeof getEntryForm>>;
