/**
 * Everything an exported report needs before its first byte is written: the
 * unit (scope-checked), the period, the header of a Vietnamese administrative
 * report, and the summary figures of the unit and each child. The large parts
 * (raw values, members) are streamed separately (report-rows.ts).
 */
import { db } from "../db";
import type { Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { findDashboardSubject } from "../dashboard/dashboard-subject";
import { selectionOf } from "../dashboard/get-unit-indicators";
import { indicatorFiguresOf } from "../dashboard/unit-figures";
import type { DashboardParams } from "../dashboard/get-dashboard";
import type { IndicatorFigure } from "../dashboard/indicator-figures";
import type { PeriodSelection } from "../dashboard/period-selection";
import type { UnitSummary } from "../units/tree-queries";
import { unitDisplayName } from "../units/display-name";

export type ReportFormat = "xlsx" | "csv" | "pdf";

export interface ReportContext {
  unit: UnitSummary;
  /** From the province down to the unit's parent. */
  ancestors: UnitSummary[];
  selection: PeriodSelection;
  /** The unit first, then each child in Vietnamese order. */
  summary: { unit: UnitSummary; figures: IndicatorFigure[] }[];
  elements: { id: number; code: string; name: string; aggregation: string }[];
  generatedAt: Date;
  generatedBy: string;
}

export async function loadReportContext(actor: Actor, code: string, params: DashboardParams, format: ReportFormat, now = new Date()): Promise<ReportContext> {
  const subject = await findDashboardSubject(actor, code);
  const selection = await selectionOf(params, now, subject);
  const unit = subject.unit!;
  const [figures, elements, ancestors] = await Promise.all([
    // With each indicator's projection to its target's deadline: the report's columns and paragraph.
    indicatorFiguresOf([unit, ...subject.children], selection, undefined, undefined, "all"),
    db.dataElement.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, code: true, name: true, aggregation: true } }),
    ancestorsOf(unit.id),
  ]);
  // Who exported what: the audit log keeps every export, like every change.
  await writeAuditLog(db, actor, {
    action: "exports.download",
    entityType: "report",
    entityId: `${unit.code}/${selection.code}.${format}`,
    unitId: unit.id,
    after: { format, from: selection.from, to: selection.to },
  });
  return {
    unit,
    ancestors,
    selection,
    summary: [unit, ...subject.children].map((entry) => ({ unit: entry, figures: figures.get(entry.id)! })),
    elements,
    generatedAt: now,
    generatedBy: actor.username,
  };
}

/** The units above, from the province down to the parent: the header names them. */
export async function ancestorsOf(unitId: number): Promise<UnitSummary[]> {
  const order = ["PROVINCE", "DISTRICT", "WARD", "RESIDENTIAL_GROUP"];
  const ancestors = await db.adminUnit.findMany({
    where: { descendants: { some: { descendantId: unitId, depth: { gt: 0 } } } },
    select: { id: true, code: true, name: true, level: true, kind: true, parentId: true },
  });
  return ancestors.sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
}

/** The header of a Vietnamese administrative report: issuing body, national motto, place and date, title. */
export function reportHeader(context: Pick<ReportContext, "unit" | "ancestors" | "generatedAt">, periodText: string) {
  const { unit, ancestors, generatedAt } = context;
  const upper = (text: string) => text.toLocaleUpperCase("vi");
  const parent = ancestors.at(-1);
  const province = ancestors[0] ?? unit;
  const local = new Date(generatedAt.getTime() + 7 * 3600 * 1000);
  const [day, month, year] = [local.getUTCDate(), local.getUTCMonth() + 1, local.getUTCFullYear()];
  const isCommittee = unit.level === "PROVINCE" || unit.level === "DISTRICT";
  return {
    // A steering committee reports for a province or district; a ward's report comes from its People's Committee.
    issuerAbove: isCommittee ? `UBND ${upper(unitDisplayName(unit))}` : parent ? `UBND ${upper(unitDisplayName(parent))}` : "",
    // A residential group has no People's Committee of its own: it reports under its name.
    issuer: isCommittee ? "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ" : unit.level === "WARD" ? `UBND ${upper(unitDisplayName(unit))}` : upper(unitDisplayName(unit)),
    motto1: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto2: "Độc lập - Tự do - Hạnh phúc",
    placeDate: `${province.name}, ngày ${String(day).padStart(2, "0")} tháng ${String(month).padStart(2, "0")} năm ${year}`,
    title: "BÁO CÁO",
    subtitle: `Kết quả chuyển đổi số cộng đồng của ${unitDisplayName(unit)}, ${periodText}`,
  };
}

/** Text as a file name's part: ASCII letters, digits and dashes (the download name has a UTF-8 form beside it). */
export const safeFileName = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-|-$/g, "");

export function reportFileName(context: ReportContext, format: ReportFormat, table?: string): string {
  return `bao-cao-${safeFileName(context.unit.code)}-${safeFileName(context.selection.code.replace("..", "_"))}${table ? `-${table}` : ""}.${format}`;
}
