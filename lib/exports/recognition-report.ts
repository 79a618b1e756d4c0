/**
 * The year's proposal for commendation ("đề nghị khen thưởng") as the ward or
 * the committee sends it up: the administrative header, the criteria written
 * out, the teams and the members that meet them ranked by activities and
 * residents helped. The workbook lists everyone with activities (with a
 * column saying who is proposed) so the ward can adjust before signing; the
 * PDF is the document itself, with the proposed only and places to sign.
 */
import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/authorize";
import { db } from "../db";
import { writeAuditLog } from "../audit/write-audit-log";
import { dayFirst, formatNumber } from "../format";
import { unitDisplayName } from "../units/display-name";
import { getRecognition, RECOGNITION_CRITERIA, type Recognition } from "../activities/get-recognition";
import { reportHeader, safeFileName } from "./report-context";
import { affiliationLabel, roleLabel } from "./report-labels";
import { boldHeader, writeHeaderBlock } from "./xlsx-report";
import { drawReportHeader, finishReportPdf, MARGIN, openReportPdf, table } from "./pdf-report";
import { neutraliseCell } from "./neutralise";

export function recognitionHeader(recognition: Recognition) {
  return {
    ...reportHeader(recognition, `năm ${recognition.year}`),
    title: "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
    subtitle: `Tổ công nghệ số cộng đồng và thành viên có thành tích năm ${recognition.year} — ${unitDisplayName(recognition.unit)}`,
  };
}

/** The criteria as printed on both files. */
export function recognitionCriteria(recognition: Recognition): string {
  const { teamActivities, teamMonths, memberActivities } = RECOGNITION_CRITERIA;
  return (
    `Tiêu chí đề nghị: tổ ghi từ ${teamActivities} hoạt động trở lên trong năm, có hoạt động ở ít nhất ${teamMonths} tháng; ` +
    `thành viên tham gia từ ${memberActivities} hoạt động trở lên. Xếp theo số hoạt động, rồi số lượt người dân được hỗ trợ. ` +
    `Số liệu từ nhật ký hoạt động của các tổ, từ 01/01/${recognition.year} đến ${dayFirst(recognition.through)}.`
  );
}

const TEAM_COLUMNS = ["STT", "Tổ", "Địa bàn", "Số hoạt động", "Số tháng có hoạt động", "Lượt người dân được hỗ trợ", "Thủ tục được hỗ trợ", "Ứng dụng được cài", "Đề nghị khen thưởng"];
const MEMBER_COLUMNS = ["STT", "Họ và tên", "Vai trò", "Thành phần", "Tổ", "Địa bàn", "Số hoạt động tham gia", "Lượt người dân được hỗ trợ (trong các hoạt động đó)", "Đề nghị khen thưởng"];

export async function writeRecognitionXlsx(recognition: Recognition, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = recognition.generatedBy;
  workbook.created = recognition.generatedAt;
  const header = recognitionHeader(recognition);
  const sheets: [string, string[], number[], (string | number)[][]][] = [
    [
      "Tổ",
      TEAM_COLUMNS,
      [6, 40, 24, 12, 14, 16, 14, 14, 14],
      recognition.teams.map((team, index) => [index + 1, team.name, team.unitName, team.activities, team.months, team.helped, team.procedures, team.appsInstalled, team.proposed ? "Đề nghị" : ""]),
    ],
    [
      "Thành viên",
      MEMBER_COLUMNS,
      [6, 28, 12, 22, 36, 22, 14, 18, 14],
      recognition.members.map((member, index) => [index + 1, member.fullName, roleLabel(member.role), affiliationLabel(member.affiliation), member.teamName, member.unitName, member.activities, member.helped, member.proposed ? "Đề nghị" : ""]),
    ],
  ];
  for (const [name, columns, widths, rows] of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 8 }], pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    sheet.columns = widths.map((width) => ({ width }));
    writeHeaderBlock(sheet, header, recognitionCriteria(recognition), { leftTo: 3, rightFrom: 5, lastColumn: columns.length });
    const first = sheet.getRow(8);
    first.values = columns;
    boldHeader(first);
    first.commit();
    rows.forEach((cells, index) => {
      const row = sheet.getRow(9 + index);
      row.values = cells.map((cell) => (typeof cell === "string" ? neutraliseCell(cell) : cell));
      row.commit();
    });
    sheet.autoFilter = { from: { row: 8, column: 1 }, to: { row: 8 + rows.length, column: columns.length } };
    await sheet.commit();
  }
  await workbook.commit();
}

export function writeRecognitionPdf(recognition: Recognition, output: Writable): Promise<void> {
  const { doc, finished } = openReportPdf(`Đề nghị khen thưởng năm ${recognition.year} — ${recognition.unit.name}`, recognition.generatedBy, output);
  drawReportHeader(doc, recognitionHeader(recognition));
  doc.font("italic").fontSize(9).text(recognitionCriteria(recognition), MARGIN);
  doc.moveDown(0.8);
  const teams = recognition.teams.filter((team) => team.proposed);
  const members = recognition.members.filter((member) => member.proposed);
  doc.font("bold").fontSize(11).text(`I. Tập thể: ${teams.length} tổ công nghệ số cộng đồng`, MARGIN);
  doc.moveDown(0.4);
  if (teams.length === 0) doc.font("regular").fontSize(10).text("Chưa có tổ nào đạt tiêu chí.", MARGIN).moveDown(0.8);
  else
    table(
      doc,
      [
        { header: "STT", width: 30, align: "right" },
        { header: "Tổ", width: 165 },
        { header: "Địa bàn", width: 100 },
        { header: "Hoạt động", width: 55, align: "right" },
        { header: "Số tháng", width: 45, align: "right" },
        { header: "Người dân được hỗ trợ", width: 65, align: "right" },
        { header: "Thủ tục", width: 55, align: "right" },
      ],
      teams.map((team, index) => [String(index + 1), team.name, team.unitName, formatNumber(team.activities, "vi"), String(team.months), formatNumber(team.helped, "vi"), formatNumber(team.procedures, "vi")]),
    );
  doc.font("bold").fontSize(11).text(`II. Cá nhân: ${members.length} thành viên`, MARGIN);
  doc.moveDown(0.4);
  if (members.length === 0) doc.font("regular").fontSize(10).text("Chưa có thành viên nào đạt tiêu chí.", MARGIN).moveDown(0.8);
  else
    table(
      doc,
      [
        { header: "STT", width: 30, align: "right" },
        { header: "Họ và tên", width: 120 },
        { header: "Vai trò", width: 55 },
        { header: "Thành phần", width: 85 },
        { header: "Tổ", width: 110 },
        { header: "Hoạt động", width: 55, align: "right" },
        { header: "Người dân được hỗ trợ", width: 60, align: "right" },
      ],
      members.map((member, index) => [String(index + 1), member.fullName, roleLabel(member.role), affiliationLabel(member.affiliation), member.unitName, formatNumber(member.activities, "vi"), formatNumber(member.helped, "vi")]),
    );
  // Places to sign, as on every administrative proposal.
  if (doc.y + 90 > doc.page.height - MARGIN) doc.addPage();
  const half = (doc.page.width - 2 * MARGIN) / 2;
  const top = doc.y + 10;
  doc.font("bold").fontSize(10).text("NGƯỜI LẬP", MARGIN, top, { width: half, align: "center" });
  doc.font("italic").fontSize(9).text("(Ký, ghi rõ họ tên)", { width: half, align: "center" });
  doc.font("bold").fontSize(10).text("THỦ TRƯỞNG ĐƠN VỊ", MARGIN + half, top, { width: half, align: "center" });
  doc.font("italic").fontSize(9).text("(Ký, đóng dấu)", { width: half, align: "center" });
  finishReportPdf(doc);
  return finished;
}

const CONTENT_TYPES = { xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", pdf: "application/pdf" } as const;

/** The file as the routes serve it: scope check, year check and audit before the first byte, then the stream. */
export async function exportRecognition(actor: Actor, code: string, format: "xlsx" | "pdf", params: { year?: string | null }) {
  const recognition = await getRecognition(actor, code, params);
  await writeAuditLog(db, actor, {
    action: "exports.download",
    entityType: "report",
    entityId: `${recognition.unit.code}/khen-thuong-${recognition.year}.${format}`,
    unitId: recognition.unit.id,
    after: { format, year: recognition.year, teams: recognition.teams.length, members: recognition.members.length },
  });
  const pass = new PassThrough();
  (format === "xlsx" ? writeRecognitionXlsx(recognition, pass) : writeRecognitionPdf(recognition, pass)).catch((error: unknown) => {
    console.error("[export]", error);
    pass.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return { fileName: `de-nghi-khen-thuong-${safeFileName(recognition.unit.code)}-${recognition.year}.${format}`, contentType: CONTENT_TYPES[format], stream: pass };
}
