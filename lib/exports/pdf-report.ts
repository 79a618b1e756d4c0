/**
 * The PDF report for printing and sending: A4 portrait, the header of a
 * Vietnamese administrative report, the unit's indicators, its children ranked
 * by one indicator with a bar chart against the target, and page numbers.
 * Vietnamese text uses Noto Sans shipped in an npm package: no font is fetched.
 */
import path from "node:path";
import { createRequire } from "node:module";
import type { Writable } from "node:stream";
import PDFDocument from "pdfkit";
import { periodLabel } from "../dashboard/period-selection";
import { formatNumber, formatPercent, formatPoints } from "../format";
import { unitDisplayName } from "../units/display-name";
import type { IndicatorFigure } from "../dashboard/indicator-figures";
import { reportHeader, type ReportContext } from "./report-context";
import { countedLabel, monthLabel, projectionLabel, stateLabel } from "./report-labels";

/**
 * The font files of the npm package, found from the app's own folder at run
 * time (a bundled server has no meaningful __dirname; the standalone build
 * carries the files, see outputFileTracingIncludes in next.config.js).
 */
export function pdfFonts() {
  const fontDir = path.dirname(createRequire(path.join(process.cwd(), "package.json")).resolve("@expo-google-fonts/noto-sans/package.json"));
  return {
    regular: path.join(fontDir, "400Regular", "NotoSans_400Regular.ttf"),
    bold: path.join(fontDir, "700Bold", "NotoSans_700Bold.ttf"),
    italic: path.join(fontDir, "400Regular_Italic", "NotoSans_400Regular_Italic.ttf"),
  };
}

/** Okabe–Ito colours, as on the dashboard: readable by colour-blind readers, and each bar also carries its figure. */
const STATE_COLOUR: Record<IndicatorFigure["state"], string> = { met: "#0072b2", near: "#e69f00", far: "#d55e00", noTarget: "#6b7280", noData: "#9ca3af", noDenominator: "#9ca3af" };
export const MARGIN = 40;

export interface Column {
  header: string;
  width: number;
  align?: "left" | "right" | "center";
}

export function table(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][]) {
  const x0 = MARGIN;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? "bold" : "regular").fontSize(8.5);
    const height = Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: columns[index].width - 6 }))) + 6;
    if (doc.y + height > doc.page.height - MARGIN - 20) {
      doc.addPage();
      if (!bold) drawRow(columns.map((column) => column.header), true);
    }
    const y = doc.y;
    if (bold) doc.rect(x0, y, columns.reduce((sum, column) => sum + column.width, 0), height).fill("#e2e8f0").fillColor("#000000");
    let x = x0;
    cells.forEach((cell, index) => {
      doc.font(bold ? "bold" : "regular").text(cell, x + 3, y + 3, { width: columns[index].width - 6, align: columns[index].align ?? "left" });
      x += columns[index].width;
    });
    doc.moveTo(x0, y + height).lineTo(x, y + height).lineWidth(0.3).strokeColor("#cbd5e1").stroke();
    doc.x = x0;
    doc.y = y + height;
  };
  drawRow(columns.map((column) => column.header), true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.8);
}

function barChart(doc: PDFKit.PDFDocument, bars: { name: string; figure: IndicatorFigure }[], target: number | null) {
  const labelWidth = 150;
  const chartWidth = doc.page.width - 2 * MARGIN - labelWidth - 50;
  const barHeight = 12;
  const gap = 5;
  const x0 = MARGIN + labelWidth;
  const needed = bars.length * (barHeight + gap) + 30;
  if (doc.y + Math.min(needed, 200) > doc.page.height - MARGIN - 20) doc.addPage();
  let top = doc.y;
  const axis = (y: number) => {
    doc.font("regular").fontSize(7).fillColor("#475569");
    for (const tick of [0, 0.25, 0.5, 0.75, 1]) doc.text(formatPercent(tick, "vi", 0), x0 + tick * chartWidth - 10, y, { width: 20, align: "center" });
    doc.fillColor("#000000");
  };
  const targetLine = (from: number, to: number) => {
    if (target === null) return;
    const x = x0 + target * chartWidth;
    doc.moveTo(x, from).lineTo(x, to).dash(3, { space: 2 }).lineWidth(1).strokeColor("#111827").stroke().undash();
  };
  let segmentTop = top;
  for (const { name, figure } of bars) {
    if (top + barHeight > doc.page.height - MARGIN - 30) {
      targetLine(segmentTop, top);
      axis(top + 2);
      doc.addPage();
      top = doc.y;
      segmentTop = top;
    }
    doc.font("regular").fontSize(8).fillColor("#000000").text(name, MARGIN, top + 2, { width: labelWidth - 6, align: "right", lineBreak: false, ellipsis: true });
    const width = (figure.value ?? 0) * chartWidth;
    if (width > 0) doc.rect(x0, top, width, barHeight).fill(STATE_COLOUR[figure.state]);
    doc.fillColor("#000000").text(figure.value === null ? "chưa có số liệu" : formatPercent(figure.value, "vi", 1), x0 + width + 4, top + 2, { lineBreak: false });
    top += barHeight + gap;
  }
  targetLine(segmentTop, top);
  axis(top + 2);
  doc.y = top + 16;
  if (target !== null) doc.font("italic").fontSize(8).text(`Đường nét đứt: mức chỉ tiêu ${formatPercent(target, "vi", 0)}.`, MARGIN, doc.y);
  doc.moveDown();
}

/** An A4 portrait document in Noto Sans, piped to `output`; `finished` settles when the output has it all. */
export function openReportPdf(title: string, author: string, output: Writable): { doc: PDFKit.PDFDocument; finished: Promise<void> } {
  const doc = new PDFDocument({ size: "A4", margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, bufferPages: true, info: { Title: title, Author: author } });
  const fonts = pdfFonts();
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  doc.registerFont("italic", fonts.italic);
  const finished = new Promise<void>((resolve, reject) => {
    output.on("finish", resolve);
    output.on("error", reject);
  });
  doc.pipe(output);
  return { doc, finished };
}

/** The header of a Vietnamese administrative document: issuing body on the left, the national motto on the right, place and date, title. */
export function drawReportHeader(doc: PDFKit.PDFDocument, header: ReturnType<typeof reportHeader>) {
  const half = (doc.page.width - 2 * MARGIN) / 2;
  const top = doc.y;
  doc.font("regular").fontSize(10).text(header.issuerAbove, MARGIN, top, { width: half - 20, align: "center" });
  doc.font("bold").text(header.issuer, { width: half - 20, align: "center" });
  const leftBottom = doc.y;
  doc.font("bold").fontSize(10).text(header.motto1, MARGIN + half - 20, top, { width: half + 20, align: "center" });
  doc.text(header.motto2, { width: half + 20, align: "center", underline: true });
  doc.y = Math.max(leftBottom, doc.y) + 6;
  doc.font("italic").fontSize(10).text(header.placeDate, MARGIN + half - 20, doc.y, { width: half + 20, align: "center" });
  doc.moveDown(1.2);
  doc.font("bold").fontSize(15).text(header.title, MARGIN, doc.y, { width: 2 * half, align: "center" });
  doc.font("bold").fontSize(11).text(header.subtitle, { width: 2 * half, align: "center" });
  doc.moveDown(1.2);
}

/** "Trang n/N" at the foot of every page, then the document is closed. */
export function finishReportPdf(doc: PDFKit.PDFDocument) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Written into the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(8).fillColor("#475569").text(`Trang ${index + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN + 10, { width: doc.page.width - 2 * MARGIN, align: "center", lineBreak: false });
  }
  doc.end();
}

/**
 * "III. Dự kiến đến hạn": where the unit lands on each indicator it has not met yet, then the units
 * below whose projection of the chosen indicator misses its target, the largest monthly shortfall first.
 */
function projectionParagraph(doc: PDFKit.PDFDocument, own: IndicatorFigure[], children: ReportContext["summary"], indicatorCode?: string | null) {
  const projected = own.filter((figure) => figure.projection && ["onTrack", "atRisk", "offTrack"].includes(figure.projection.state));
  const lines = projected.map((figure) => {
    const projection = figure.projection!;
    // The deadline has come: where it landed, nothing left to gain.
    if (projection.neededPerMonth === null) return `• ${figure.name}: đã đến hạn ${monthLabel(projection.deadline!)}, dừng ở ${formatPercent(projection.value, "vi", 1)}, chỉ tiêu ${formatPercent(figure.target!.value, "vi", 0)}: ${projectionLabel(projection.state).toLowerCase()}.`;
    return `• ${figure.name}: dự kiến ${formatPercent(projection.value, "vi", 1)} đến ${monthLabel(projection.deadline!)}${projection.deadlineFromTarget ? "" : " (hết năm, chỉ tiêu không có hạn)"}, chỉ tiêu ${formatPercent(figure.target!.value, "vi", 0)}: ${projectionLabel(projection.state).toLowerCase()}; cần thêm ${formatNumber(Math.ceil(projection.neededPerMonth ?? 0), "vi")} ${countedLabel(figure.code)} mỗi tháng, 3 tháng gần đây tăng ${formatNumber(Math.round(projection.pacePerMonth ?? 0), "vi")} mỗi tháng.`;
  });
  const indicator = own.find((figure) => figure.code === indicatorCode?.toUpperCase()) ?? own[0];
  const atRisk = children
    .map((child) => ({ name: child.unit.name, projection: child.figures.find((figure) => figure.code === indicator.code)?.projection }))
    .filter((child) => child.projection && (child.projection.state === "atRisk" || child.projection.state === "offTrack"))
    .sort((a, b) => (b.projection!.shortfallPerMonth ?? 0) - (a.projection!.shortfallPerMonth ?? 0));
  if (lines.length === 0 && atRisk.length === 0) return;
  doc.moveDown(0.6);
  doc.font("bold").fontSize(11).fillColor("#000").text("III. Dự kiến đến hạn chỉ tiêu", MARGIN);
  doc.font("regular").fontSize(9);
  for (const line of lines) doc.text(line, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  if (atRisk.length > 0) {
    const named = atRisk.slice(0, 10).map((child) => `${child.name} (thiếu ${formatNumber(Math.ceil(child.projection!.shortfallPerMonth ?? 0), "vi")} ${countedLabel(indicator.code)}/tháng)`);
    doc.text(`Đơn vị có nguy cơ không đạt ${indicator.name.charAt(0).toLowerCase()}${indicator.name.slice(1)}: ${named.join(", ")}${atRisk.length > 10 ? ` và ${atRisk.length - 10} đơn vị khác` : ""}.`, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  }
  doc.font("italic").fontSize(8).fillColor("#475569").text("Dự kiến theo nhịp 3 tháng gần đây có báo cáo đủ; khoảng dự kiến theo nhịp 3 và 6 tháng.", MARGIN);
  doc.fillColor("#000");
  doc.moveDown();
}

export function writePdfReport(context: ReportContext, output: Writable, indicatorCode?: string | null): Promise<void> {
  const { doc, finished } = openReportPdf(`Báo cáo ${context.unit.name}`, context.generatedBy, output);
  drawReportHeader(doc, reportHeader(context, periodLabel(context.selection, "vi")));

  const [own, ...children] = context.summary;
  doc.font("bold").fontSize(11).text(`I. Các chỉ tiêu của ${unitDisplayName(own.unit)}`, MARGIN);
  doc.moveDown(0.4);
  table(
    doc,
    [
      { header: "Chỉ tiêu", width: 180 },
      { header: "Tử số / Mẫu số", width: 95, align: "right" },
      { header: "Tỷ lệ", width: 50, align: "right" },
      { header: "Mức chỉ tiêu", width: 80, align: "right" },
      { header: "Chênh lệch (điểm %)", width: 55, align: "right" },
      { header: "Đánh giá", width: 55 },
    ],
    own.figures.map((figure) => [
      figure.name,
      figure.denominator > 0 ? `${formatNumber(figure.numerator, "vi")} / ${formatNumber(figure.denominator, "vi")}` : "–",
      formatPercent(figure.value, "vi", 1),
      figure.target ? `${formatPercent(figure.target.value, "vi", 0)} (${figure.target.unitName ?? "quốc gia"})` : "–",
      formatPoints(figure.gap, "vi"),
      stateLabel(figure.state),
    ]),
  );

  if (children.length > 0) {
    const indicator = own.figures.find((figure) => figure.code === indicatorCode?.toUpperCase()) ?? own.figures[0];
    const ranked = children
      .map((child) => ({ name: child.unit.name, figure: child.figures.find((figure) => figure.code === indicator.code)! }))
      .sort((a, b) => (b.figure.value ?? -1) - (a.figure.value ?? -1));
    doc.font("bold").fontSize(11).text(`II. Các đơn vị trực thuộc theo ${indicator.name.charAt(0).toLowerCase()}${indicator.name.slice(1)}`, MARGIN);
    doc.moveDown(0.4);
    table(
      doc,
      [
        { header: "Hạng", width: 35, align: "right" },
        { header: "Đơn vị", width: 165 },
        { header: "Tử số / Mẫu số", width: 100, align: "right" },
        { header: "Tỷ lệ", width: 55, align: "right" },
        { header: "Mức chỉ tiêu", width: 50, align: "right" },
        { header: "Chênh lệch", width: 50, align: "right" },
        { header: "Đánh giá", width: 60 },
      ],
      ranked.map(({ name, figure }, index) => [
        figure.value === null ? "–" : String(index + 1),
        name,
        figure.denominator > 0 ? `${formatNumber(figure.numerator, "vi")} / ${formatNumber(figure.denominator, "vi")}` : "–",
        formatPercent(figure.value, "vi", 1),
        figure.target ? formatPercent(figure.target.value, "vi", 0) : "–",
        formatPoints(figure.gap, "vi"),
        stateLabel(figure.state),
      ]),
    );
    barChart(doc, ranked, indicator.target?.value ?? null);
  }

  projectionParagraph(doc, own.figures, children, indicatorCode);

  doc.font("italic").fontSize(8).fillColor("#475569").text(`Tỷ lệ = tổng tử số / tổng mẫu số của mọi tổ dân phố, thôn bên dưới. Người lập: ${context.generatedBy}.`, MARGIN);
  finishReportPdf(doc);
  return finished;
}
