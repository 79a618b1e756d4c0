/**
 * Reads an uploaded table for the imports, CSV (UTF-8) or XLSX (first sheet),
 * into rows keyed by the expected columns with the line number a user sees.
 * A spreadsheet cell with a formula is refused: the platform stores figures,
 * not calculations whose result depends on another file.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { MAX_CSV_BYTES, readCsv, type CsvReadResult } from "../csv/read-csv";
import { DEFAULT_LOCALE, type Locale } from "../format";
import { say } from "../i18n/translate";
import { checkZip, MAX_UNPACKED_BYTES } from "./zip-guard";
import { hasControlCharacters } from "../http/control-characters";

const XLSX_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]; // a zip archive

export function isXlsx(bytes: Uint8Array): boolean {
  return XLSX_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

function cellText(cell: ExcelJS.Cell): { text: string } | { formula: true } {
  if (cell.type === ExcelJS.ValueType.Formula) return { formula: true };
  const value = cell.value;
  if (value === null || value === undefined) return { text: "" };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === "object" && "richText" in value) return { text: value.richText.map((part) => part.text).join("") };
  if (typeof value === "object" && "text" in value) return { text: String(value.text) };
  return { text: String(value) };
}

export async function readTable<C extends string>(bytes: Uint8Array, columns: readonly C[], locale: Locale = DEFAULT_LOCALE): Promise<CsvReadResult<C>> {
  if (bytes.byteLength > MAX_CSV_BYTES) {
    return { ok: false, message: say(locale, "files.tooLarge", { size: (bytes.byteLength / 1048576).toFixed(1), maximum: MAX_CSV_BYTES / 1048576 }) };
  }
  if (!isXlsx(bytes)) return readCsv(bytes, columns, locale);

  const zip = checkZip(bytes);
  if (zip === "too-big") return { ok: false, message: say(locale, "files.xlsxTooBig", { maximum: MAX_UNPACKED_BYTES / 1048576 }) };
  if (zip === "broken") return { ok: false, message: say(locale, "files.xlsxBroken") };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: say(locale, "files.xlsxBroken") };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return { ok: false, message: say(locale, "files.xlsxEmpty") };
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((value) => String(value ?? "").trim().toLowerCase());
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) return { ok: false, message: `${say(locale, "files.header", { columns: columns.join(",") })} ${say(locale, "files.missingColumns", { columns: missing.join(", ") })}` };

  const rows: { line: number; values: Record<C, string>; hasExtraCells: boolean }[] = [];
  for (let line = 2; line <= sheet.rowCount; line += 1) {
    const row = sheet.getRow(line);
    if (!row.hasValues) continue;
    const values = {} as Record<C, string>;
    for (const column of columns) {
      const read = cellText(row.getCell(header.indexOf(column) + 1));
      if ("formula" in read) {
        return { ok: false, message: say(locale, "files.formula", { line, column }) };
      }
      if (hasControlCharacters(read.text)) return { ok: false, message: say(locale, "files.controlCharacter", { line }) };
      values[column] = read.text.trim();
    }
    rows.push({ line, values, hasExtraCells: false });
  }
  return { ok: true, rows };
}

/**
 * The header of an uploaded table, lower-cased, or null when it cannot be read
 * (readTable then says why): for the imports that accept more than one layout.
 */
export async function readHeader(bytes: Uint8Array): Promise<string[] | null> {
  if (bytes.byteLength > MAX_CSV_BYTES) return null;
  try {
    if (!isXlsx(bytes)) {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
      const [first] = parse(text, { to_line: 1, relax_column_count: true, trim: true }) as string[][];
      return (first ?? []).map((name) => name.trim().toLowerCase());
    }
    if (checkZip(bytes) !== "ok") return null;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    return sheet ? (sheet.getRow(1).values as unknown[]).slice(1).map((value) => String(value ?? "").trim().toLowerCase()) : null;
  } catch {
    return null;
  }
}
