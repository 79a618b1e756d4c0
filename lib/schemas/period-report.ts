/**
 * The rules for a month's figures, shared by the entry form (checking as the
 * official types) and the server (which checks everything again). Messages
 * are in Vietnamese and name the field and the rule.
 */
import { z } from "zod";

/** No residential group or ward comes near a million people or dossiers a month: a bigger number is a typing slip. */
export const MAX_FIGURE = 1_000_000;
/** A change larger than this against the previous month needs a reason. */
export const CHANGE_WARNING_RATIO = 0.5;

export interface ElementRule {
  code: string;
  name: string;
}

/** "part ≤ whole": every indicator's numerator is part of its denominator; adults are part of the population. */
export interface PartOfRule {
  part: string;
  whole: string;
}

export const EXTRA_PART_OF_RULES: PartOfRule[] = [{ part: "ADULTS", whole: "PEOPLE" }];

/**
 * One typed figure: empty means "not reported"; otherwise a whole number, with
 * Vietnamese thousands dots or spaces allowed ("1.030", "12 345").
 */
export function parseFigure(raw: string, name: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const text = raw.trim();
  if (text === "") return { ok: true, value: null };
  if (/^-/.test(text)) return { ok: false, message: `${name}: không được là số âm.` };
  if (/^\d{1,3}([.\s]\d{3})+$/.test(text) || /^\d+$/.test(text)) {
    const value = Number(text.replace(/[.\s]/g, ""));
    if (value > MAX_FIGURE) return { ok: false, message: `${name}: số quá lớn (tối đa ${MAX_FIGURE.toLocaleString("vi-VN")}); kiểm tra lại có gõ thừa chữ số không.` };
    return { ok: true, value };
  }
  if (/^\d+[.,]\d+$/.test(text)) return { ok: false, message: `${name}: phải là số nguyên (đếm người, hộ, hồ sơ), không có phần thập phân.` };
  return { ok: false, message: `${name}: phải là số nguyên không âm, ví dụ 1030 hoặc 1.030.` };
}

export interface FigureCheck {
  values: Record<string, number | null>;
  /** Errors block the save. */
  errors: Record<string, string>;
  /** Warnings block it too until the user gives a reason. */
  warnings: Record<string, string>;
}

export function checkFigures(
  elements: ElementRule[],
  partOf: PartOfRule[],
  raw: Record<string, string>,
  previous: Record<string, number | null>,
  reasons: Record<string, string> = {},
): FigureCheck {
  const values: Record<string, number | null> = {};
  const errors: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  const names = new Map(elements.map((element) => [element.code, element.name]));
  for (const element of elements) {
    const parsed = parseFigure(raw[element.code] ?? "", element.name);
    if (parsed.ok) values[element.code] = parsed.value;
    else errors[element.code] = parsed.message;
  }
  for (const { part, whole } of [...partOf, ...EXTRA_PART_OF_RULES]) {
    const partValue = values[part];
    const wholeValue = values[whole];
    if (!names.has(part) || !names.has(whole) || errors[part]) continue;
    if (partValue != null && wholeValue != null && partValue > wholeValue) {
      errors[part] = `${names.get(part)}: không được lớn hơn ${names.get(whole)} (${wholeValue.toLocaleString("vi-VN")}).`;
    } else if (partValue != null && wholeValue == null && !errors[whole]) {
      errors[whole] = `${names.get(whole)}: cần nhập để kiểm tra ${names.get(part)}.`;
    }
  }
  for (const element of elements) {
    const value = values[element.code];
    const before = previous[element.code];
    if (errors[element.code] || value == null || before == null || before === 0) continue;
    const change = Math.abs(value - before) / before;
    if (change > CHANGE_WARNING_RATIO && (reasons[element.code] ?? "").trim().length < 5) {
      warnings[element.code] = `${element.name}: thay đổi ${Math.round(change * 100)}% so với tháng trước (${before.toLocaleString("vi-VN")} → ${value.toLocaleString("vi-VN")}). Nếu đúng, hãy ghi lý do.`;
    }
  }
  return { values, errors, warnings };
}

/** The envelope the form sends; the figures themselves are checked by checkFigures. */
export const saveReportSchema = z.object({
  unitCode: z.string().trim().min(1, "Thiếu mã đơn vị.").max(32),
  period: z.string().regex(/^\d{4}-\d{2}$/, "Kỳ báo cáo phải có dạng YYYY-MM."),
  version: z.coerce.number().int().min(0),
  requestId: z.uuid("Mã lần lưu không hợp lệ; hãy tải lại trang."),
  values: z.record(z.string(), z.string().max(40)),
  reasons: z.record(z.string(), z.string().trim().max(500, "Lý do dài tối đa 500 ký tự.")).default({}),
});

export type SaveReportInput = z.input<typeof saveReportSchema>;
