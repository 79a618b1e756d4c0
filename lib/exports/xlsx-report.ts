/**
 * The XLSX report, written as a stream (exceljs' WorkbookWriter): a summary
 * sheet under the header of a Vietnamese administrative report, then the raw
 * figures by reporting unit and the teams' members, each with a frozen header
 * row, filters, Vietnamese number formats and widths that fit.
 */
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { periodLabel } from "../dashboard/period-selection";
import { reportHeader, type ReportContext } from "./report-context";
import { memberRows, valueRows } from "./report-rows";
import { memberCells, summaryRows, valueCells, valueHeader, type Cell } from "./report-tables";
import { MEMBER_COLUMNS_VI, SUMMARY_COLUMNS } from "./report-labels";
import { neutraliseCell } from "./neutralise";

const PERCENT = "0.0%";
const INTEGER = "#,##0";
// One style object shared by every figure cell, and one by every other cell: exceljs caches a style
// by object identity, so tens of thousands of cells cost one style entry instead of one hash each
// (a cell left alone gets a fresh empty style of its own, hashed anew when it is written).
const INTEGER_STYLE: Partial<ExcelJS.Style> = { numFmt: INTEGER };
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};

/** Each cell of a row to its column's shared style. */
function styleRow(row: ExcelJS.Row, styles: Partial<ExcelJS.Style>[]) {
  styles.forEach((style, index) => {
    row.getCell(index + 1).style = style;
  });
}
const safe = (cells: Cell[]) => cells.map((cell) => (typeof cell === "string" ? neutraliseCell(cell) : cell));

export function boldHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
}

/**
 * Rows 1–7 of a sheet: the issuing body beside the national motto, place and date, the title, the
 * subtitle and a note, each merged across the columns given (row 7 left empty above the table).
 */
export function writeHeaderBlock(sheet: ExcelJS.Worksheet, header: ReturnType<typeof reportHeader>, note: string, columns: { leftTo: number; rightFrom: number; lastColumn: number }) {
  const block: [string, string][] = [
    [header.issuerAbove, header.motto1],
    [header.issuer, header.motto2],
    ["", header.placeDate],
    [header.title, ""],
    [header.subtitle, ""],
    [note, ""],
  ];
  block.forEach(([left, right], index) => {
    const rowNumber = index + 1;
    const row = sheet.getRow(rowNumber);
    if (rowNumber <= 3) {
      row.getCell(1).value = left;
      row.getCell(columns.rightFrom).value = right;
      sheet.mergeCells(rowNumber, 1, rowNumber, columns.leftTo);
      sheet.mergeCells(rowNumber, columns.rightFrom, rowNumber, columns.lastColumn);
      row.getCell(1).alignment = { horizontal: "center" };
      row.getCell(columns.rightFrom).alignment = { horizontal: "center" };
      row.font = { bold: rowNumber <= 2, italic: rowNumber === 3 };
    } else {
      row.getCell(1).value = left;
      sheet.mergeCells(rowNumber, 1, rowNumber, columns.lastColumn);
      row.getCell(1).alignment = { horizontal: "center", wrapText: true };
      row.font = { bold: rowNumber === 4, size: rowNumber === 4 ? 14 : 11, italic: rowNumber === 6 };
    }
    row.commit();
  });
  sheet.getRow(7).commit();
}

export async function writeXlsxReport(context: ReportContext, output: Writable, onRows?: (rows: number) => void): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = context.generatedBy;
  workbook.created = context.generatedAt;
  const header = reportHeader(context, periodLabel(context.selection, "vi"));
  let written = 0;

  // Summary: header block in rows 1–6, the table's header on row 8, frozen above it.
  const summary = workbook.addWorksheet("Tổng hợp", { views: [{ state: "frozen", ySplit: 8 }], pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  summary.columns = [32, 12, 16, 44, 12, 12, 10, 12, 20, 14, 16, 14, 10, 14, 22].map((width) => ({ width }));
  writeHeaderBlock(summary, header, `Người lập: ${context.generatedBy}`, { leftTo: 4, rightFrom: 6, lastColumn: 15 });
  const summaryHeader = summary.getRow(8);
  summaryHeader.values = [...SUMMARY_COLUMNS];
  boldHeader(summaryHeader);
  summaryHeader.commit();
  const rows = summaryRows(context);
  rows.forEach((cells, index) => {
    const row = summary.getRow(9 + index);
    row.values = safe(cells);
    row.getCell(5).numFmt = INTEGER;
    row.getCell(6).numFmt = INTEGER;
    row.getCell(7).numFmt = PERCENT;
    row.getCell(8).numFmt = PERCENT;
    row.getCell(10).numFmt = "+0.0;-0.0;0.0";
    row.getCell(12).numFmt = PERCENT;
    row.getCell(14).numFmt = INTEGER;
    row.commit();
  });
  summary.autoFilter = { from: { row: 8, column: 1 }, to: { row: 8 + rows.length, column: SUMMARY_COLUMNS.length } };
  await summary.commit();

  // Raw figures by reporting unit and month.
  const valuesHeader = valueHeader(context);
  const values = workbook.addWorksheet("Số liệu theo tổ dân phố", { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  values.columns = valuesHeader.map((_, index) => ({ width: index === 1 ? 28 : index === 2 ? 22 : index < 5 ? 14 : 16 }));
  const first = values.getRow(1);
  first.values = valuesHeader;
  first.height = 60;
  boldHeader(first);
  first.commit();
  // Unit, name, parent, level and month; the figures; the note.
  const valueStyles = valuesHeader.map((_, index) => (index >= 5 && index < valuesHeader.length - 1 ? INTEGER_STYLE : PLAIN_STYLE));
  let valueCount = 0;
  for await (const batch of valueRows(context.unit.id, context.selection.from, context.selection.to)) {
    for (const row of batch) {
      const added = values.addRow(safe(valueCells(context, row)));
      styleRow(added, valueStyles);
      added.commit();
    }
    valueCount += batch.length;
    written += batch.length;
    onRows?.(written);
  }
  values.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + valueCount, column: valuesHeader.length } };
  await values.commit();

  // Teams and their members; phones only reach this sheet for units inside the user's scope.
  const members = workbook.addWorksheet("Tổ và thành viên", { views: [{ state: "frozen", ySplit: 1 }] });
  members.columns = [18, 36, 22, 26, 12, 24, 10, 10, 13, 13].map((width) => ({ width }));
  const membersFirst = members.getRow(1);
  membersFirst.values = [...MEMBER_COLUMNS_VI];
  boldHeader(membersFirst);
  membersFirst.commit();
  const memberStyles = MEMBER_COLUMNS_VI.map(() => PLAIN_STYLE);
  let memberCount = 0;
  for await (const batch of memberRows(context.unit.id)) {
    for (const row of batch) {
      const added = members.addRow(safe(memberCells(row)));
      styleRow(added, memberStyles);
      added.commit();
    }
    memberCount += batch.length;
    written += batch.length;
    onRows?.(written);
  }
  members.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + memberCount, column: MEMBER_COLUMNS_VI.length } };
  await members.commit();
  await workbook.commit();
}
