/**
 * The ward's grid: one ward and one month, every residential group in force as
 * a row and the ward's own figures (the one-stop office's dossiers) as a row of
 * its own. One save writes every changed row at once, all or nothing, each row
 * with the version it was read at: if a colleague or a team leader saved a
 * group in between, nothing is written and that group's figures come back for
 * merging. Each row is checked and written by the same code as the entry form
 * (checkUnitSave, applyUnitSave), so the rules, versions and audit are one.
 */
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/authorize";
import { addMonths, periodCode } from "../periods";
import { compareVietnamese } from "../text";
import { languageOf, say } from "../i18n/translate";
import { issueMessage } from "../schemas/user";
import { dayBefore } from "../reorganisation/map-changes";
import { elementsForLevel, partOfRules } from "./report-catalogue";
import { RESIDENTS_HELPED, unitMonthsWithActivities } from "../activities/residents-helped";
import { applyUnitSave, checkUnitSave, findReportUnit, lockInForce, reportPeriod, type SaveConflict, type UnitSavePlan } from "./save-period-report";

/** A ward has a few hundred groups at most (Hải Châu's largest ward, 60): a bigger save is not a grid. */
const MAX_ROWS = 400;

const rowSchema = z.object({
  unitCode: z.string().trim().min(1, "rules.unitCodeMissing").max(32),
  version: z.coerce.number().int().min(0),
  requestId: z.uuid("rules.requestId"),
  values: z.record(z.string(), z.string().max(40)),
  reasons: z.record(z.string(), z.string().trim().max(500, "rules.reasonLong")).default({}),
});

const gridSchema = z.object({
  wardCode: z.string().trim().min(1, "rules.unitCodeMissing").max(32),
  period: z.string().regex(/^\d{4}-\d{2}$/, "rules.periodFormat"),
  rows: z.array(rowSchema).min(1, "rules.gridNothing").max(MAX_ROWS, "rules.gridTooMany"),
});

export type WardGridInput = z.input<typeof gridSchema>;

export type WardGridSaveResult =
  | { ok: true; rows: number; changed: number; versions: Record<string, number> }
  | { ok: false; status: 400; message: string; cellErrors: Record<string, Record<string, string>>; warnings: Record<string, Record<string, string>> }
  | { ok: false; status: 409; message: string; conflicts: Record<string, SaveConflict> };

/** The ward, and the rows of its grid for a month: the ward's own row first, then its groups in force that month and still open. */
async function gridUnits(actor: Actor, wardCode: string, period: string) {
  // Another ward does not exist for this user (404); inside the scope, a role that may not enter the ward's month is refused (403);
  // only then is the month read, so that a refusal never depends on the question's form.
  const ward = await findReportUnit(actor, wardCode, "units.read");
  await authorize(actor, "values.ward", { unitId: ward.id });
  if (ward.level !== "WARD") throw new AppError("INVALID_INPUT", "errors.gridWard");
  const periodId = reportPeriod(period);
  const groups = await db.adminUnit.findMany({
    where: {
      level: "RESIDENTIAL_GROUP",
      ancestors: { some: { ancestorId: ward.id } },
      validTo: null,
      validFrom: { lte: dayBefore(addMonths(periodId, 1)) },
    },
    select: { id: true, code: true, name: true, kind: true, level: true },
  });
  groups.sort((a, b) => compareVietnamese(a.name, b.name));
  const units = ward.validTo === null && ward.validFrom <= dayBefore(addMonths(periodId, 1)) ? [{ id: ward.id, code: ward.code, name: ward.name, kind: ward.kind, level: ward.level }, ...groups] : groups;
  return { ward, units, periodId };
}

type FigureRow = { unit_id: number; period_id: number; code: string; value: number; confirmed: boolean; updated_at: Date; full_name: string | null };

async function figuresOf(unitIds: number[], periodIds: number[]): Promise<FigureRow[]> {
  if (unitIds.length === 0) return [];
  return db.$queryRaw<FigureRow[]>`
    SELECT v.unit_id, v.period_id, e.code, v.value, v.confirmed, v.updated_at, u.full_name
    FROM data_value v JOIN data_element e ON e.id = v.element_id LEFT JOIN app_user u ON u.id = v.updated_by_id
    WHERE v.unit_id = ANY(${unitIds}::int[]) AND v.period_id = ANY(${periodIds}::int[])`;
}

/** Everything the grid page shows: columns, rows, this month's figures with who entered them, and last month's. */
export async function getWardGrid(actor: Actor, wardCode: string, period: string) {
  const { ward, units, periodId } = await gridUnits(actor, wardCode, period);
  const previousId = addMonths(periodId, -1);
  const [groupElements, wardElements, partOf, figures, reports] = await Promise.all([
    elementsForLevel("RESIDENTIAL_GROUP"),
    elementsForLevel("WARD"),
    partOfRules(),
    figuresOf(units.map((unit) => unit.id), [periodId, previousId]),
    db.periodReport.findMany({ where: { unitId: { in: units.map((unit) => unit.id) }, periodId }, select: { unitId: true, status: true, version: true } }),
  ]);
  // The groups whose team logged activities this month take RESIDENTS_HELPED from them (lib/activities/residents-helped.ts).
  const withActivities = await unitMonthsWithActivities(db, units.map((unit) => ({ unitId: unit.id, periodId })));
  const english = languageOf(actor) === "en";
  const column = (element: (typeof groupElements)[number], level: "RESIDENTIAL_GROUP" | "WARD") => ({
    code: element.code,
    name: english ? element.nameEn : element.name,
    aggregation: element.aggregation,
    level,
  });
  const reportOf = new Map(reports.map((report) => [report.unitId, report]));
  // Who entered each figure and when, listed once for the grid and named by index in each cell: a
  // ward saves a row at a time, and the same person and time repeated over 800 cells was half of
  // what the page sent the browser.
  const authors: { name: string | null; at: string; confirmed: boolean }[] = [];
  const authorIndex = new Map<string, number>();
  const authorOf = (name: string | null, at: Date, confirmed: boolean) => {
    const key = JSON.stringify([name, at.toISOString(), confirmed]);
    let index = authorIndex.get(key);
    if (index === undefined) {
      index = authors.push({ name, at: at.toISOString(), confirmed }) - 1;
      authorIndex.set(key, index);
    }
    return index;
  };
  const rows = units.map((unit) => {
    const mine = figures.filter((figure) => figure.unit_id === unit.id);
    const report = reportOf.get(unit.id);
    return {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      level: unit.level as "WARD" | "RESIDENTIAL_GROUP",
      status: report?.status ?? "DRAFT",
      version: report?.version ?? 0,
      /** Figures this row takes from the team's activities: shown, not typed. */
      fromActivities: withActivities.has(`${unit.id}:${periodId}`) ? [RESIDENTS_HELPED] : [],
      values: Object.fromEntries(mine.filter((figure) => figure.period_id === periodId).map((figure) => [figure.code, figure.value])) as Record<string, number>,
      previous: Object.fromEntries(mine.filter((figure) => figure.period_id === previousId).map((figure) => [figure.code, figure.value])) as Record<string, number>,
      /** Each figure's entry in the grid's `authors`. */
      authors: Object.fromEntries(mine.filter((figure) => figure.period_id === periodId).map((figure) => [figure.code, authorOf(figure.full_name, figure.updated_at, figure.confirmed)])) as Record<string, number>,
    };
  });
  return {
    ward: { code: ward.code, name: ward.name, kind: ward.kind },
    period,
    previousPeriod: periodCode(previousId),
    columns: [...groupElements.map((element) => column(element, "RESIDENTIAL_GROUP")), ...wardElements.map((element) => column(element, "WARD"))],
    partOf,
    rows,
    authors,
  };
}

export type WardGrid = Awaited<ReturnType<typeof getWardGrid>>;

/** Thrown inside the transaction to roll back every row already written when a later row conflicts. */
class GridConflict extends Error {
  constructor(readonly conflicts: Record<string, SaveConflict>) {
    super("grid conflict");
  }
}

export async function saveWardGrid(actor: Actor, input: unknown): Promise<WardGridSaveResult> {
  const parsed = gridSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", (locale) => [...new Set(parsed.error.issues.map((issue) => issueMessage(issue, locale)))].join(" "));
  const { wardCode, period, rows } = parsed.data;
  const locale = languageOf(actor);
  const { units, periodId } = await gridUnits(actor, wardCode, period);
  const unitOf = new Map(units.map((unit) => [unit.code, unit]));
  const seen = new Set<string>();
  for (const row of rows) {
    // A row of another ward, a closed group or a group founded later: named, and nothing is written.
    if (!unitOf.has(row.unitCode)) throw new AppError("INVALID_INPUT", "errors.gridRowOutside", { code: row.unitCode });
    if (seen.has(row.unitCode)) throw new AppError("INVALID_INPUT", "errors.gridRowTwice", { code: row.unitCode });
    seen.add(row.unitCode);
  }
  const [groupElements, wardElements] = await Promise.all([elementsForLevel("RESIDENTIAL_GROUP"), elementsForLevel("WARD")]);
  const previous = await figuresOf([...seen].map((code) => unitOf.get(code)!.id), [addMonths(periodId, -1)]);

  const plans: UnitSavePlan[] = [];
  const cellErrors: Record<string, Record<string, string>> = {};
  const warnings: Record<string, Record<string, string>> = {};
  for (const row of rows) {
    const unit = unitOf.get(row.unitCode)!;
    const elements = unit.level === "WARD" ? wardElements : groupElements;
    const foreign = Object.keys(row.values).filter((code) => !elements.some((element) => element.code === code));
    if (foreign.length > 0) {
      cellErrors[unit.code] = Object.fromEntries(foreign.map((code) => [code, say(locale, "errors.gridCellNotHere", { code, unit: unit.name })]));
      continue;
    }
    const before = Object.fromEntries(previous.filter((figure) => figure.unit_id === unit.id).map((figure) => [figure.code, figure.value]));
    const check = await checkUnitSave(actor, { unit, periodId, elements }, { ...row, period, confirmed: "keep" }, before);
    if (check.ok) plans.push(check.plan);
    else {
      if (Object.keys(check.fieldErrors).length > 0) cellErrors[unit.code] = check.fieldErrors;
      if (Object.keys(check.warnings).length > 0) warnings[unit.code] = check.warnings;
    }
  }
  const problems = Object.values(cellErrors).reduce((sum, cells) => sum + Object.keys(cells).length, 0) + Object.values(warnings).reduce((sum, cells) => sum + Object.keys(cells).length, 0);
  if (problems > 0) return { ok: false, status: 400, message: say(locale, "rules.gridToReview", { count: problems, groups: new Set([...Object.keys(cellErrors), ...Object.keys(warnings)]).size }), cellErrors, warnings };

  try {
    return await db.$transaction(
      async (tx) => {
        const { endedCode } = await lockInForce(tx, plans.map((plan) => plan.unit.id));
        if (endedCode) throw new AppError("INVALID_INPUT", "errors.gridRowOutside", { code: endedCode });
        const conflicts: Record<string, SaveConflict> = {};
        const versions: Record<string, number> = {};
        let changed = 0;
        for (const plan of plans) {
          const applied = await applyUnitSave(tx, actor, plan).catch((error: unknown) => {
            // An approved or locked month: the whole save is refused, naming the group.
            if (error instanceof AppError && error.code === "CONFLICT") throw new AppError("CONFLICT", "errors.gridRowFinal", { group: unitOf.get(plan.unit.code)!.name });
            throw error;
          });
          if ("conflict" in applied) conflicts[plan.unit.code] = applied.conflict;
          else {
            versions[plan.unit.code] = applied.version;
            changed += applied.changed;
          }
        }
        if (Object.keys(conflicts).length > 0) throw new GridConflict(conflicts);
        return { ok: true as const, rows: plans.length, changed, versions };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (!(error instanceof GridConflict)) throw error;
    const names = Object.keys(error.conflicts).map((code) => unitOf.get(code)!.name);
    return { ok: false, status: 409, message: say(locale, "rules.gridConflict", { count: names.length, groups: names.join(", ") }), conflicts: error.conflicts };
  }
}

