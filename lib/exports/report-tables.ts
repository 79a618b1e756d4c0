/**
 * The three tables of a report as rows of cells, shared by the XLSX, CSV and
 * PDF writers so the files agree with each other and with the API. A rate is
 * a ratio between 0 and 1 (the writer formats it); no data is an empty cell.
 */
import type { ReportContext } from "./report-context";
import type { MemberRow, ValueRow } from "./report-rows";
import { affiliationLabel, dateLabel, genderLabel, levelLabel, monthLabel, projectionLabel, roleLabel, stateLabel } from "./report-labels";
import { unitDisplayName } from "../units/display-name";

export type Cell = string | number | null;

export function summaryRows(context: ReportContext): Cell[][] {
  return context.summary.flatMap(({ unit, figures }) =>
    figures.map((figure) => [
      unitDisplayName(unit),
      unit.code,
      levelLabel(unit.level),
      figure.name,
      figure.numerator,
      figure.denominator,
      figure.value,
      figure.target?.value ?? null,
      figure.target ? (figure.target.unitName ?? "Quốc gia") : "",
      figure.gap === null ? null : Math.round(figure.gap * 1000) / 10,
      stateLabel(figure.state),
      // Where it will land at the target's deadline (lib/dashboard/projection.ts); a whole count a month.
      figure.projection?.value ?? null,
      figure.projection?.deadline ? monthLabel(figure.projection.deadline) : "",
      figure.projection?.neededPerMonth != null ? Math.ceil(figure.projection.neededPerMonth) : null,
      figure.projection ? projectionLabel(figure.projection.state) : "",
    ]),
  );
}

export function valueHeader(context: ReportContext): string[] {
  return ["Mã đơn vị", "Đơn vị", "Thuộc", "Cấp", "Tháng", ...context.elements.map((element) => `${element.name} (${element.code})`), "Ghi chú"];
}

export function valueCells(context: ReportContext, row: ValueRow): Cell[] {
  return [row.unitCode, row.unitName, row.parentName, levelLabel(row.level), monthLabel(row.period), ...context.elements.map((element) => row.values.get(element.id) ?? null), row.note];
}

export function memberCells(row: MemberRow): Cell[] {
  return [row.teamCode, row.teamName, row.unitName, row.fullName, roleLabel(row.role), affiliationLabel(row.affiliation), row.birthYear, genderLabel(row.gender), row.phone ?? "", dateLabel(row.trainedOn)];
}
