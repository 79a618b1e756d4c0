/**
 * Reads an uploaded CSV for the imports: UTF-8 with or without BOM, a header
 * row that must name exactly the expected columns, and each data row with the
 * line number the user sees in a spreadsheet. Anything else is refused with a
 * message that says what is wrong, before any row is looked at.
 */
import { parse } from "csv-parse/sync";
import { DEFAULT_LOCALE, type Locale } from "../format";
import { say } from "../i18n/translate";

import { CONTROL_CHARACTER } from "../http/control-characters";
import { MAX_CSV_BYTES } from "./upload-limit";

export { MAX_CSV_BYTES };

export interface CsvRow {
  /** Line number in the file, counting the header as line 1. */
  line: number;
  values: Record<string, string>;
  /** The row has more cells than the header: usually a comma in a name without quotes. */
  hasExtraCells: boolean;
}

export type CsvReadResult<C extends string> =
  | { ok: true; rows: (CsvRow & { values: Record<C, string> })[] }
  | { ok: false; message: string };

export function readCsv<C extends string>(content: Uint8Array | string, columns: readonly C[], locale: Locale = DEFAULT_LOCALE): CsvReadResult<C> {
  let text: string;
  if (typeof content === "string") text = content;
  else {
    if (content.byteLength > MAX_CSV_BYTES) {
      return { ok: false, message: say(locale, "files.tooLarge", { size: (content.byteLength / 1048576).toFixed(1), maximum: MAX_CSV_BYTES / 1048576 }) };
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    } catch {
      return { ok: false, message: say(locale, "files.notUtf8") };
    }
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, message: say(locale, "files.empty") };
  // NUL and the like mean a binary file or a wrong encoding, never a figure or a name.
  const control = text.search(CONTROL_CHARACTER);
  if (control >= 0) return { ok: false, message: say(locale, "files.controlCharacter", { line: text.slice(0, control).split(/\r\n|\r|\n/).length }) };

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, message: line ? say(locale, "files.csvBrokenAt", { line }) : say(locale, "files.csvBroken") };
  }

  const header = records[0].record.map((name) => name.trim().toLowerCase());
  const missing = columns.filter((column) => !header.includes(column));
  const unknown = header.filter((name) => !(columns as readonly string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [say(locale, "files.header", { columns: columns.join(",") })];
    if (missing.length > 0) parts.push(say(locale, "files.missingColumns", { columns: missing.join(", ") }));
    if (unknown.length > 0) parts.push(say(locale, "files.unknownColumns", { columns: unknown.join(", ") }));
    return { ok: false, message: parts.join(" ") };
  }

  const rows = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(columns.map((column) => [column, (record[header.indexOf(column)] ?? "").trim()])) as Record<C, string>,
    hasExtraCells: record.length > header.length,
  }));
  return { ok: true, rows };
}
