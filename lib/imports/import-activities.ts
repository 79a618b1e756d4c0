/**
 * Bulk import of the teams' activities from CSV or XLSX (a team's paper log
 * typed into a spreadsheet, or another system's export), one record a row:
 * team_code,date,kind,place, the residents helped per service, procedures,
 * apps_installed and attendees. Kinds take the code or the Vietnamese label
 * ("Đến từng nhà"), dates dd/mm/yyyy or yyyy-mm-dd, empty counts are 0. The
 * same preview and all-or-nothing commit as the other imports, through the
 * same rules and permission as the one-record form (lib/activities/log-activities.ts).
 * A file imported twice logs its records twice: records have no natural key
 * (two home-visit afternoons at the same place are two records).
 */
import { ACTIVITY_KINDS, COUNT_FIELDS } from "../schemas/activity";
import { columnNameOf } from "../schemas/activity-options";
import { logActivities, type ActivitiesResult } from "../activities/log-activities";
import type { Actor } from "../auth/authorize";
import { languageOf, say } from "../i18n/translate";
import { foldVietnamese } from "../text";
import { readTable } from "./read-table";
import { codeOf, isoDateOf } from "./member-columns";
import { previewOf, type ImportRefusal, type PreviewRow } from "./import-result";

export const ACTIVITY_COLUMNS = ["team_code", "date", "kind", "place", ...COUNT_FIELDS.map(columnNameOf), "attendees"] as const;

/** The form's field each column feeds, to name a rule's error by the file's column. */
const COLUMN_OF_FIELD: Record<string, string> = { teamCode: "team_code", occurredOn: "date", kind: "kind", place: "place", attendees: "attendees", ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, columnNameOf(field)])) };

/** The kinds' labels as the form shows them, in both languages, folded. */
const KIND_LABELS: Record<string, string> = Object.fromEntries(
  ACTIVITY_KINDS.flatMap((kind) => (["vi", "en"] as const).map((locale) => [foldVietnamese(say(locale, `activities.kinds.${kind}`)), kind])),
);

export type ActivityImportResult = (Extract<ActivitiesResult, { ok: true }> & { preview: PreviewRow[] }) | ImportRefusal;

export async function importActivities(actor: Actor, bytes: Uint8Array, options: { commit: boolean; now?: Date }): Promise<ActivityImportResult> {
  const locale = languageOf(actor);
  const table = await readTable(bytes, ACTIVITY_COLUMNS, locale);
  if (!table.ok) return { ok: false, message: table.message, errors: [], preview: [] };
  if (table.rows.length === 0) return { ok: false, message: say(locale, "importRows.headerOnly"), errors: [], preview: [] };
  const preview = previewOf(table.rows);
  const extra = table.rows.filter((row) => row.hasExtraCells);
  if (extra.length > 0) return { ok: false, message: say(locale, "importRows.errorsNothingSaved", { count: extra.length }), errors: extra.map((row) => ({ line: row.line, column: "", message: say(locale, "importRows.extraCells") })), preview };
  const result = await logActivities(
    actor,
    table.rows.map(({ line, values }) => ({
      line,
      teamCode: values.team_code,
      input: {
        occurredOn: isoDateOf(values.date),
        kind: codeOf(values.kind, ACTIVITY_KINDS, KIND_LABELS, ""),
        place: values.place,
        memberIds: [],
        attendees: values.attendees,
        ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, values[columnNameOf(field) as (typeof ACTIVITY_COLUMNS)[number]]])),
      },
    })),
    { commit: options.commit, operation: "activities.write", action: "activities.import", columnOf: (field) => COLUMN_OF_FIELD[field] ?? field, now: options.now },
  );
  return { ...result, preview };
}
