/**
 * The ward's monthly workbook: for a ward official who prefers Excel. One row
 * per unit of the ward's grid (the ward's own row, then its groups), the
 * import's wide layout (unit_code, period, the element codes as columns), the
 * month's figures already in it; last month's on a second sheet, and the
 * fields' names and the rules on a third. Filled in and uploaded through the
 * figures import, it writes what changed; sent back untouched, it changes nothing.
 */
import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/authorize";
import { getWardGrid, type WardGrid } from "../reports/ward-grid";
import { WIDE_KEY_COLUMNS, WIDE_NAME_COLUMN } from "../imports/import-values";
import { neutraliseCell } from "./neutralise";
import { languageOf, say } from "../i18n/translate";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
const GREY_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };

function figureSheet(workbook: ExcelJS.Workbook, name: string, grid: WardGrid, pick: (row: WardGrid["rows"][number]) => Record<string, number>, period: string, greyed: boolean) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 3, ySplit: 1 }] });
  sheet.columns = [
    { header: WIDE_KEY_COLUMNS[0], key: "unit_code", width: 14 },
    { header: WIDE_KEY_COLUMNS[1], key: "period", width: 10 },
    { header: WIDE_NAME_COLUMN, key: "unit_name", width: 28 },
    ...grid.columns.map((column) => ({ header: column.code, key: column.code, width: 14 })),
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  // The element's name travels with its code, as a note, so the header stays the import's.
  grid.columns.forEach((column, index) => {
    header.getCell(4 + index).note = column.name;
  });
  for (const row of grid.rows) {
    const figures = pick(row);
    const added = sheet.addRow({
      unit_code: row.code,
      period,
      unit_name: neutraliseCell(row.name),
      ...Object.fromEntries(grid.columns.map((column) => [column.code, figures[column.code] ?? null])),
    });
    // Period and codes are text: Excel must not turn "2026-11" into a date.
    added.getCell(2).numFmt = "@";
    grid.columns.forEach((column, index) => {
      const cell = added.getCell(4 + index);
      cell.numFmt = "#,##0";
      // A cell this row does not enter (another level's figure) is greyed; the import refuses a figure there.
      if (greyed || column.level !== row.level) cell.fill = GREY_FILL;
    });
  }
  return sheet;
}

export async function wardWorkbook(actor: Actor, wardCode: string, period: string | null) {
  const grid = await getWardGrid(actor, wardCode, period ?? "");
  const locale = languageOf(actor);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = actor.username;
  workbook.created = new Date();
  figureSheet(workbook, say(locale, "workbook.sheetMonth"), grid, (row) => row.values, grid.period, false);
  figureSheet(workbook, say(locale, "workbook.sheetPrevious"), grid, (row) => row.previous, grid.previousPeriod, true);
  const guide = workbook.addWorksheet(say(locale, "workbook.sheetGuide"));
  guide.columns = [{ width: 30 }, { width: 60 }, { width: 16 }];
  for (const line of [say(locale, "workbook.guide1"), say(locale, "workbook.guide2"), say(locale, "workbook.guide3"), say(locale, "workbook.guide4")]) guide.addRow([line]);
  guide.addRow([]);
  const head = guide.addRow(["code", say(locale, "workbook.fieldName"), say(locale, "workbook.fieldLevel")]);
  head.font = { bold: true };
  for (const column of grid.columns) guide.addRow([column.code, column.name, say(locale, `levels.${column.level}`)]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `so-lieu-${grid.ward.code}-${grid.period}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    stream: Readable.from([buffer]),
  };
}
