/**
 * Bulk import of figures from CSV or XLSX, in either layout: one figure per row
 * (unit_code,period,element_code,value), or one unit per row with the element
 * codes as columns (unit_code,period,ADULTS,PEOPLE…; the ward's monthly
 * workbook), where an empty cell is a figure the file leaves alone.
 * Every row is checked first; nothing is written while any row has an error.
 * The commit is one transaction that respects scope, the figure rules, the
 * workflow (no writing into an approved or locked month) and versions (open
 * entry forms see the change as a conflict, never overwrite it). Re-importing
 * the same file changes nothing.
 */
import { db } from "../db";
import { AppError } from "../errors";
import { roleAllows } from "../auth/policy";
import { unitsInScope, type Actor } from "../auth/authorize";
import { parsePeriodCode, periodCode, periodOfDate } from "../periods";
import { EXTRA_PART_OF_RULES, parseFigure } from "../schemas/figure-rules";
import { partOfRules } from "../reports/report-catalogue";
import { readHeader, readTable } from "./read-table";
import { formatPeriod } from "../format";
import { languageOf, say } from "../i18n/translate";
import { writeAuditLog } from "../audit/write-audit-log";
import { previewOf, type ImportIssue, type ImportRefusal, type PreviewRow } from "./import-result";
import { lockInForce } from "../reports/save-period-report";
import { RESIDENTS_HELPED, unitMonthsWithActivities } from "../activities/residents-helped";

export const VALUE_COLUMNS = ["unit_code", "period", "element_code", "value"] as const;
/** The wide layout's columns besides the element codes; unit_name is there for the reader and not read. */
export const WIDE_KEY_COLUMNS = ["unit_code", "period"] as const;
export const WIDE_NAME_COLUMN = "unit_name";

/** A row of the file in the long layout; from a wide file, each filled cell becomes one, remembering its column. */
type LongRow = { line: number; values: Record<(typeof VALUE_COLUMNS)[number], string>; hasExtraCells: boolean; column?: string };

/**
 * Reads either layout into long rows. The wide layout is recognised by its
 * header: unit_code and period, no element_code, and element codes as columns.
 */
async function readValueRows(bytes: Uint8Array, elementCodes: string[], locale: ReturnType<typeof languageOf>): Promise<{ ok: true; rows: LongRow[]; wide: boolean } | { ok: false; message: string }> {
  const header = await readHeader(bytes);
  const lower = new Map(elementCodes.map((code) => [code.toLowerCase(), code]));
  const wide = header !== null && !header.includes("element_code") && WIDE_KEY_COLUMNS.every((column) => header.includes(column)) && header.some((name) => lower.has(name));
  if (!wide) {
    const table = await readTable(bytes, VALUE_COLUMNS, locale);
    return table.ok ? { ok: true, rows: table.rows, wide: false } : table;
  }
  const codeColumns = header.filter((name) => lower.has(name));
  const columns = [...WIDE_KEY_COLUMNS, ...(header.includes(WIDE_NAME_COLUMN) ? [WIDE_NAME_COLUMN] : []), ...codeColumns];
  const table = await readTable(bytes, columns, locale);
  if (!table.ok) return table;
  const rows: LongRow[] = [];
  for (const { line, values, hasExtraCells } of table.rows) {
    if (hasExtraCells) rows.push({ line, values: { unit_code: values.unit_code, period: values.period, element_code: "", value: "" }, hasExtraCells });
    for (const name of codeColumns) {
      const text = values[name] ?? "";
      if (text === "") continue;
      rows.push({ line, values: { unit_code: values.unit_code, period: values.period, element_code: lower.get(name)!, value: text }, hasExtraCells: false, column: lower.get(name) });
    }
  }
  return { ok: true, rows, wide: true };
}
const BATCH = 5_000;

export type ValueImportResult =
  | { ok: true; committed: boolean; rows: number; changed: number; unchanged: number; reports: number; preview: PreviewRow[] }
  | ImportRefusal;

interface CheckedRow {
  line: number;
  unitId: number;
  unitCode: string;
  periodId: number;
  elementId: number;
  elementCode: string;
  value: number;
  /** The wide layout's column of the figure, for the messages. */
  column?: string;
}

const groupKey = (unitId: number, periodId: number) => `${unitId}:${periodId}`;

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

export interface ValueImportOptions {
  commit: boolean;
  now?: Date;
  /**
   * Uploaded from a ward's month page (its workbook): every row must be that
   * ward's (or one of its groups) and that month, so a workbook of another
   * ward or month picked by mistake is refused by row, not written.
   */
  expect?: { wardCode: string; period: string };
}

export async function importValues(actor: Actor, bytes: Uint8Array, options: ValueImportOptions): Promise<ValueImportResult> {
  if (!roleAllows(actor.role, "values.ward")) throw new AppError("FORBIDDEN", "errors.valuesRoleRefused");
  const locale = languageOf(actor);
  const elements = new Map((await db.dataElement.findMany({ select: { id: true, code: true, name: true, nameEn: true, collectionLevel: true, source: true } })).map((element) => [element.code, element]));
  const table = await readValueRows(bytes, [...elements.keys()], locale);
  if (!table.ok) return { ok: false, message: table.message, errors: [], preview: [] };
  if (table.rows.length === 0) return { ok: false, message: say(locale, table.wide ? "importRows.wideEmpty" : "importRows.headerOnly"), errors: [], preview: [] };
  const preview = previewOf(table.rows);
  const expected = options.expect ? await expectedUnits(options.expect.wardCode) : null;

  const unitCodes = [...new Set(table.rows.map((row) => row.values.unit_code))];
  const units = new Map(
    (await db.adminUnit.findMany({ where: { code: { in: unitCodes } }, select: { id: true, code: true, level: true, validFrom: true, validTo: true } })).map((unit) => [unit.code, unit]),
  );
  const allowed = await unitsInScope(actor, [...units.values()].map((unit) => unit.id));
  const nameOf = (element: { name: string; nameEn: string }) => (locale === "en" ? element.nameEn : element.name);
  const currentMonth = periodOfDate(options.now ?? new Date());

  const errors: ImportIssue[] = [];
  const rows: CheckedRow[] = [];
  const firstLine = new Map<string, number>();
  const wrongFileLines = new Set<number>();
  for (const { line, values, hasExtraCells, column: cellColumn } of table.rows) {
    // In the wide layout a figure's column is its element code: that is the column the user looks for.
    const issue = (column: string, message: string) => errors.push({ line, column: cellColumn && (column === "value" || column === "element_code") ? cellColumn : column, message });
    if (hasExtraCells) {
      issue("", say(locale, "importRows.extraCells"));
      continue;
    }
    const unit = units.get(values.unit_code);
    const element = elements.get(values.element_code);
    const periodId = parsePeriodCode(values.period);
    let ok = true;
    const fail = (column: string, message: string) => {
      ok = false;
      issue(column, message);
    };
    if (expected && options.expect && (!expected.has(values.unit_code) || values.period !== options.expect.period)) {
      // The wrong file for this page: named by its own unit and month, before any other rule, once per line.
      if (wrongFileLines.has(line)) continue;
      wrongFileLines.add(line);
      issue(expected.has(values.unit_code) ? "period" : "unit_code", say(locale, "importRows.notThisWorkbook", { code: values.unit_code, period: values.period, ward: options.expect.wardCode, expected: options.expect.period }));
      continue;
    }
    if (!unit) fail("unit_code", say(locale, "importRows.unitUnknown", { code: values.unit_code }));
    else if (!allowed.has(unit.id)) fail("unit_code", say(locale, "importRows.unitOutside", { code: values.unit_code }));
    else if (unit.validTo !== null) fail("unit_code", say(locale, "importRows.unitEnded", { code: values.unit_code }));
    if (!element) fail("element_code", say(locale, "importRows.elementUnknown", { code: values.element_code }));
    // Activity figures are added up from the teams' records: a typed copy would count them twice.
    else if (element.source === "ACTIVITIES") fail("element_code", say(locale, "importRows.elementFromActivities", { code: element.code }));
    else if (unit && element.collectionLevel !== unit.level) {
      fail("element_code", say(locale, "importRows.elementLevel", { code: element.code, elementLevel: { key: `levels.${element.collectionLevel}` }, unitLevel: { key: `levels.${unit.level}` }, unit: unit.code }));
    }
    if (periodId === null) fail("period", say(locale, "importRows.periodFormat", { period: values.period }));
    else if (periodId > currentMonth) fail("period", say(locale, "importRows.periodFuture", { period: values.period }));
    // A unit formed by a reorganisation has no months before it: those figures belong to the units it came from.
    else if (unit && periodId < periodOfDate(unit.validFrom)) fail("period", say(locale, "importRows.unitNotYetFounded", { code: unit.code, from: periodCode(periodOfDate(unit.validFrom)) }));
    const figure = parseFigure(values.value, element ? nameOf(element) : values.element_code, (key, messageValues) => say(locale, key, messageValues));
    if (!figure.ok) fail("value", figure.message);
    else if (figure.value === null) fail("value", say(locale, "importRows.valueMissing"));
    if (!ok || !unit || !element || periodId === null || !figure.ok || figure.value === null) continue;
    const key = `${unit.id}:${periodId}:${element.id}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      issue("", say(locale, "importRows.duplicate", { line: earlier }));
      continue;
    }
    firstLine.set(key, line);
    rows.push({ line, unitId: unit.id, unitCode: unit.code, periodId, elementId: element.id, elementCode: element.code, value: figure.value, column: cellColumn });
  }

  // The figures after the import, per unit and month: what is stored, overlaid by the file.
  const groups = new Map<string, CheckedRow[]>();
  for (const row of rows) pushTo(groups, groupKey(row.unitId, row.periodId), row);
  const pairs = [...groups.values()].map((group) => [group[0].unitId, group[0].periodId] as const);
  const stored = pairs.length
    ? await db.$queryRaw<{ unit_id: number; period_id: number; element_id: number; value: number }[]>`
        SELECT v.unit_id, v.period_id, v.element_id, v.value FROM data_value v
        JOIN unnest(${pairs.map((pair) => pair[0])}::int[], ${pairs.map((pair) => pair[1])}::int[]) AS g(unit_id, period_id)
          ON g.unit_id = v.unit_id AND g.period_id = v.period_id`
    : [];
  const reports = pairs.length
    ? await db.$queryRaw<{ unit_id: number; period_id: number; status: string }[]>`
        SELECT r.unit_id, r.period_id, r.status::text FROM period_report r
        JOIN unnest(${pairs.map((pair) => pair[0])}::int[], ${pairs.map((pair) => pair[1])}::int[]) AS g(unit_id, period_id)
          ON g.unit_id = r.unit_id AND g.period_id = r.period_id`
    : [];
  const statusOf = new Map(reports.map((report) => [groupKey(report.unit_id, report.period_id), report.status]));
  // The unit-months whose RESIDENTS_HELPED comes from the teams' activities, asked once for the whole file.
  const withActivities = await unitMonthsWithActivities(db, pairs.map(([unitId, periodId]) => ({ unitId, periodId })));
  const storedOf = new Map<string, Map<number, number>>();
  for (const value of stored) {
    const key = groupKey(value.unit_id, value.period_id);
    if (!storedOf.has(key)) storedOf.set(key, new Map());
    storedOf.get(key)!.set(value.element_id, value.value);
  }
  const rules = [...(await partOfRules()), ...EXTRA_PART_OF_RULES];

  // Only the figures that differ from what is stored are written: a file of an approved month
  // (a workbook downloaded and uploaded again) that changes nothing there is not refused for it.
  const changing: CheckedRow[] = [];
  for (const [key, group] of groups) {
    const status = statusOf.get(key);
    const merged = new Map(storedOf.get(key) ?? []);
    const differing = group.filter((row) => merged.get(row.elementId) !== row.value);
    if (status === "APPROVED" || status === "LOCKED") {
      for (const row of differing) errors.push({ line: row.line, column: row.column ?? "period", message: say(locale, "importRows.reportFinal", { code: row.unitCode, month: formatPeriod(row.periodId, locale) }) });
      continue;
    }
    if (withActivities.has(key)) {
      for (const row of differing.filter((candidate) => candidate.elementCode === RESIDENTS_HELPED)) errors.push({ line: row.line, column: row.column ?? "value", message: say(locale, "importRows.residentsHelpedFromActivities", { code: row.unitCode, month: formatPeriod(row.periodId, locale) }) });
    }
    changing.push(...differing);
    for (const row of group) merged.set(row.elementId, row.value);
    for (const { part, whole } of rules) {
      const partElement = elements.get(part);
      const wholeElement = elements.get(whole);
      if (!partElement || !wholeElement) continue;
      const partValue = merged.get(partElement.id);
      const wholeValue = merged.get(wholeElement.id);
      if (partValue === undefined || wholeValue === undefined || partValue <= wholeValue) continue;
      const blamed = group.find((row) => row.elementId === partElement.id) ?? group.find((row) => row.elementId === wholeElement.id)!;
      errors.push({ line: blamed.line, column: blamed.column ?? "value", message: say(locale, "importRows.partOver", { part: nameOf(partElement), partValue, whole: nameOf(wholeElement), wholeValue, code: blamed.unitCode }) });
    }
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    // Units outside the scope are a refusal, not a typing slip: audited like any other.
    const outside = [...new Set(table.rows.filter(({ values }) => units.has(values.unit_code) && !allowed.has(units.get(values.unit_code)!.id)).map(({ values }) => values.unit_code))];
    if (outside.length > 0) {
      await writeAuditLog(db, actor, { action: "auth.denied", entityType: "operation", entityId: "values.write", after: { import: outside.slice(0, 50) } });
    }
    return { ok: false, status: outside.length > 0 ? 403 : 400, message: say(locale, "importRows.errorsNothingSaved", { count: errors.length }), errors, preview };
  }
  const changed = changing.length;
  const summary = { rows: rows.length, changed, unchanged: rows.length - changed, reports: groups.size, preview };
  if (!options.commit) return { ok: true, committed: false, ...summary };
  if (changing.length > 0) await commit(actor, changing, [...new Set(changing.map((row) => groupKey(row.unitId, row.periodId)))]);
  return { ok: true, committed: true, ...summary };
}

/** The codes of a ward and every unit under it today: what its workbook may hold. */
async function expectedUnits(wardCode: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ code: string }[]>`
    SELECT u.code FROM admin_unit w JOIN admin_unit_closure c ON c.ancestor_id = w.id JOIN admin_unit u ON u.id = c.descendant_id WHERE w.code = ${wardCode}`;
  return new Set(rows.map((row) => row.code));
}

async function commit(actor: Actor, rows: CheckedRow[], groupKeys: string[]): Promise<void> {
  const unitIds = groupKeys.map((key) => Number(key.split(":")[0]));
  const periodIds = groupKeys.map((key) => Number(key.split(":")[1]));
  await db.$transaction(
    async (tx) => {
      // A unit closed by a reorganisation since the file was checked: nothing of the file is written.
      const { endedCode } = await lockInForce(tx, [...new Set(unitIds)]);
      if (endedCode) throw new AppError("INVALID_INPUT", "importRows.unitEnded", { code: endedCode });
      await tx.$executeRaw`
        INSERT INTO period_report (unit_id, period_id, updated_at)
        SELECT * FROM unnest(${unitIds}::int[], ${periodIds}::int[]), now() ON CONFLICT (unit_id, period_id) DO NOTHING`;
      // Lock the reports, as a form save does; re-check the workflow under the lock.
      const locked = await tx.$queryRaw<{ status: string }[]>`
        SELECT r.status::text FROM period_report r
        JOIN unnest(${unitIds}::int[], ${periodIds}::int[]) AS g(unit_id, period_id) ON g.unit_id = r.unit_id AND g.period_id = r.period_id
        ORDER BY r.id FOR UPDATE OF r`;
      if (locked.some((report) => report.status === "APPROVED" || report.status === "LOCKED")) {
        throw new AppError("CONFLICT", "errors.importReportLocked");
      }
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const changedRows = await tx.$queryRaw<{ unit_id: number; period_id: number; element_id: number; old_value: number | null; value: number }[]>`
          WITH incoming AS (
            SELECT * FROM unnest(${batch.map((row) => row.unitId)}::int[], ${batch.map((row) => row.periodId)}::int[],
                                 ${batch.map((row) => row.elementId)}::int[], ${batch.map((row) => row.value)}::int[]) AS i(unit_id, period_id, element_id, value)
          ), previous AS (
            SELECT v.unit_id, v.period_id, v.element_id, v.value FROM data_value v JOIN incoming i USING (unit_id, period_id, element_id)
          ), written AS (
            INSERT INTO data_value (unit_id, period_id, element_id, value, updated_by_id, updated_at)
            SELECT unit_id, period_id, element_id, value, ${actor.id}::int, now() FROM incoming
            ON CONFLICT (unit_id, period_id, element_id) DO UPDATE
              SET value = EXCLUDED.value, confirmed = false, version = data_value.version + 1, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()
              WHERE data_value.value IS DISTINCT FROM EXCLUDED.value
            RETURNING unit_id, period_id, element_id, value
          )
          SELECT w.unit_id, w.period_id, w.element_id, p.value AS old_value, w.value FROM written w
          LEFT JOIN previous p USING (unit_id, period_id, element_id)`;
        if (changedRows.length === 0) continue;
        const codeOf = new Map(batch.map((row) => [`${row.unitId}:${row.periodId}:${row.elementId}`, row]));
        await tx.auditLog.createMany({
          data: changedRows.map((change) => {
            const row = codeOf.get(`${change.unit_id}:${change.period_id}:${change.element_id}`)!;
            const period = `${Math.floor(change.period_id / 100)}-${String(change.period_id % 100).padStart(2, "0")}`;
            return {
              actorId: actor.id,
              actorName: actor.username,
              action: "values.import",
              entityType: "data_value",
              entityId: `${row.unitCode}/${period}/${row.elementCode}`,
              unitId: change.unit_id,
              before: change.old_value === null ? undefined : { value: change.old_value },
              after: { value: change.value },
            };
          }),
        });
        // Open entry forms must see the change as a conflict; a changed submitted report goes back to draft.
        await tx.$executeRaw`
          UPDATE period_report r SET version = r.version + 1, updated_by_id = ${actor.id}::int, updated_at = now(),
            status = CASE WHEN r.status = 'SUBMITTED' THEN 'DRAFT'::"ReportStatus" ELSE r.status END
          FROM (SELECT DISTINCT unit_id, period_id FROM unnest(${changedRows.map((c) => c.unit_id)}::int[], ${changedRows.map((c) => c.period_id)}::int[]) AS c(unit_id, period_id)) c
          WHERE r.unit_id = c.unit_id AND r.period_id = c.period_id`;
      }
    },
    { timeout: 120_000 },
  );
}
