/**
 * An export as the routes serve it: the scope check, the audit entry and the
 * period check happen before the first byte (so a refusal is a clear status
 * and message), then the file is streamed as it is written.
 */
import { PassThrough, Readable } from "node:stream";
import type { Actor } from "../auth/authorize";
import { AppError } from "../errors";
import type { DashboardParams } from "../dashboard/get-dashboard";
import { loadReportContext, reportFileName, type ReportFormat } from "./report-context";
import { writeXlsxReport } from "./xlsx-report";
import { writePdfReport } from "./pdf-report";
import { csvReport, CSV_TABLES, type CsvTable } from "./csv-report";

export interface ExportParams extends DashboardParams {
  /** CSV only: summary (default), values or members. */
  table?: string | null;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
};

export async function exportReport(actor: Actor, code: string, format: ReportFormat, params: ExportParams) {
  const table = (params.table ?? "summary") as CsvTable;
  if (format === "csv" && !CSV_TABLES.includes(table)) throw new AppError("INVALID_INPUT", "errors.exportTable", { table: String(params.table) });
  const context = await loadReportContext(actor, code, params, format);
  let stream: Readable;
  if (format === "csv") {
    stream = Readable.from((async function* () {
      for await (const text of csvReport(context, table)) yield Buffer.from(text, "utf8");
    })());
  } else {
    const pass = new PassThrough();
    const writing = format === "xlsx" ? writeXlsxReport(context, pass) : writePdfReport(context, pass, params.indicator);
    writing.catch((error: unknown) => {
      console.error("[export]", error);
      pass.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    stream = pass;
  }
  return {
    fileName: reportFileName(context, format, format === "csv" ? table : undefined),
    contentType: CONTENT_TYPES[format],
    stream,
  };
}
