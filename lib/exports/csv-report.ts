/**
 * The report's tables as CSV for other systems and for Excel: UTF-8 with a BOM
 * (so Excel reads Vietnamese correctly), CRLF lines, every text cell quoted
 * when it needs to be and neutralised against formula injection. Numbers use
 * a dot for decimals and rates are ratios between 0 and 1, as in the API.
 */
import type { ReportContext } from "./report-context";
import { memberRows, valueRows } from "./report-rows";
import { memberCells, summaryRows, valueCells, valueHeader, type Cell } from "./report-tables";
import { MEMBER_COLUMNS_VI, SUMMARY_COLUMNS } from "./report-labels";
import { neutraliseCell } from "./neutralise";

export const CSV_TABLES = ["summary", "values", "members"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : String(Math.round(cell * 1e6) / 1e6);
  const text = neutraliseCell(cell.normalize("NFC"));
  return /[",\r\n]/.test(text) || text !== cell ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;

export async function* csvReport(context: ReportContext, table: CsvTable): AsyncGenerator<string> {
  yield "\uFEFF";
  if (table === "summary") {
    yield line([...SUMMARY_COLUMNS.slice(0, 6), "Tỷ lệ (0–1)", "Mức chỉ tiêu (0–1)", ...SUMMARY_COLUMNS.slice(8, 11), "Dự kiến đến hạn (0–1)", ...SUMMARY_COLUMNS.slice(12)]);
    for (const row of summaryRows(context)) yield line(row);
    return;
  }
  if (table === "values") {
    yield line(valueHeader(context));
    for await (const batch of valueRows(context.unit.id, context.selection.from, context.selection.to)) yield batch.map((row) => line(valueCells(context, row))).join("");
    return;
  }
  yield line([...MEMBER_COLUMNS_VI]);
  for await (const batch of memberRows(context.unit.id)) yield batch.map((row) => line(memberCells(row))).join("");
}
