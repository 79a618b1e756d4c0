/**
 * What an operator asks for when the administrative map changes: the form on
 * /admin/reorganise and the seed's reforms go through this one rule. Checks
 * that need the database (levels, scope, locked periods) are in
 * lib/reorganisation/plan-reorganisation.ts.
 */
import { z } from "zod";
import { normalizeName } from "../text";
import { parsePeriodCode } from "../periods";

export const REORGANISATION_KINDS = ["RENAME", "MOVE", "MERGE", "SPLIT", "ABOLISH_LEVEL"] as const;
export type ReorganisationKindInput = (typeof REORGANISATION_KINDS)[number];

const code = (field: string) =>
  z
    .string({ error: `${field}: bắt buộc.` })
    .trim()
    .min(1, `${field}: bắt buộc.`)
    .max(32, `${field}: dài tối đa 32 ký tự.`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, `${field}: chỉ gồm chữ cái không dấu, chữ số và các dấu - _ .`);

const name = (field: string) =>
  z
    .string({ error: `${field}: bắt buộc.` })
    .transform(normalizeName)
    .pipe(z.string().min(2, `${field}: nhập ít nhất 2 ký tự.`).max(200, `${field}: tối đa 200 ký tự.`));

/** "2025-07-01" or "2025-07": a reorganisation takes effect on the first day of a month, because figures are monthly. */
const effectiveOn = z
  .string({ error: "Ngày hiệu lực: bắt buộc." })
  .trim()
  .transform((value, ctx) => {
    const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
    const period = match ? parsePeriodCode(`${match[1]}-${match[2]}`) : null;
    if (!match || period === null) {
      ctx.addIssue({ code: "custom", message: "Ngày hiệu lực: chọn tháng bắt đầu có hiệu lực, dạng năm-tháng, ví dụ 2025-07." });
      return z.NEVER;
    }
    if (match[3] !== undefined && match[3] !== "01") {
      ctx.addIssue({ code: "custom", message: "Ngày hiệu lực: phải là ngày đầu tháng (số liệu báo cáo theo tháng), ví dụ 2025-07-01." });
      return z.NEVER;
    }
    return period;
  });

const common = {
  effectiveOn,
  reason: z.string({ error: "Lý do: bắt buộc." }).transform(normalizeName).pipe(z.string().min(5, "Lý do: nhập ít nhất 5 ký tự.").max(500, "Lý do: tối đa 500 ký tự.")),
  decisionRef: z
    .string({ error: "Số quyết định: bắt buộc." })
    .transform(normalizeName)
    .pipe(z.string().min(3, "Số quyết định: bắt buộc, ví dụ 1656/NQ-UBTVQH15.").max(120, "Số quyết định: tối đa 120 ký tự.")),
};

/** A unit that receives: an existing one (by code) or a new one. */
const receiver = z.union([
  z.object({ existingCode: code("Mã đơn vị nhận") }),
  z.object({ newCode: code("Mã đơn vị mới"), newName: name("Tên đơn vị mới"), newKind: z.string().transform(normalizeName), parentCode: code("Mã đơn vị cấp trên").optional() }),
]);
export type ReceiverInput = z.output<typeof receiver>;

const codeList = (field: string, min: number) =>
  z
    .array(code(field), { error: `${field}: bắt buộc.` })
    .min(min, min === 1 ? `${field}: chọn ít nhất một đơn vị.` : `${field}: chọn ít nhất ${min} đơn vị.`)
    .max(200, `${field}: tối đa 200 đơn vị mỗi lần.`)
    .refine((codes) => new Set(codes).size === codes.length, `${field}: có mã đơn vị bị lặp.`);

const splitPart = z.object({
  unit: receiver,
  /** Percent of the old unit's counts, two decimals. Missing: taken from `adults`. */
  sharePercent: z.number({ error: "Tỷ lệ (%): phải là số." }).gt(0, "Tỷ lệ (%): phải lớn hơn 0.").max(100, "Tỷ lệ (%): không quá 100.").optional(),
  /** Adults living in the part: the default basis of the shares. */
  adults: z.number({ error: "Số người trưởng thành: phải là số." }).int("Số người trưởng thành: phải là số nguyên.").positive("Số người trưởng thành: phải lớn hơn 0.").optional(),
  /** Units directly below the old unit that go to this part (the rest go to the part with the largest share). */
  childCodes: z.array(code("Mã đơn vị trực thuộc")).default([]),
});

export const reorganisationSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("RENAME"),
      ...common,
      unitCode: code("Mã đơn vị"),
      newName: name("Tên mới").optional(),
      newCode: code("Mã mới").optional(),
    }).refine((input) => input.newName !== undefined || input.newCode !== undefined, { path: ["newName"], message: "Tên mới: nhập tên mới hoặc mã mới." }),
    z.object({ kind: z.literal("MOVE"), ...common, unitCode: code("Mã đơn vị"), newParentCode: code("Mã đơn vị cấp trên mới") }),
    z.object({ kind: z.literal("MERGE"), ...common, sourceCodes: codeList("Các đơn vị sáp nhập", 1), into: receiver }),
    z
      .object({
        kind: z.literal("SPLIT"),
        ...common,
        sourceCode: code("Mã đơn vị chia tách"),
        parts: z.array(splitPart).min(2, "Các phần: chia tách thành ít nhất 2 đơn vị.").max(20, "Các phần: tối đa 20 đơn vị."),
      })
      .superRefine((input, ctx) => {
        const withShare = input.parts.filter((part) => part.sharePercent !== undefined).length;
        const withAdults = input.parts.filter((part) => part.adults !== undefined).length;
        if (withShare === input.parts.length) {
          // Hundredths of a percent, so 33.33 + 33.33 + 33.34 is exactly 100.
          const total = input.parts.reduce((sum, part) => sum + Math.round(part.sharePercent! * 100), 0);
          if (total !== 10_000) {
            ctx.addIssue({ code: "custom", path: ["parts"], message: `Tỷ lệ (%): các phần phải cộng lại đúng 100%, hiện là ${(total / 100).toLocaleString("vi-VN")}%.` });
          }
        } else if (withAdults !== input.parts.length || withShare > 0) {
          ctx.addIssue({ code: "custom", path: ["parts"], message: "Tỷ lệ (%): nhập tỷ lệ cho mọi phần, hoặc để trống tỷ lệ và nhập số người trưởng thành của mọi phần." });
        }
      }),
    z.object({ kind: z.literal("ABOLISH_LEVEL"), ...common, districtCodes: codeList("Các quận/huyện", 1) }),
  ],
  { error: "Loại thay đổi: chọn đổi tên, chuyển, sáp nhập, chia tách hoặc bỏ cấp huyện." },
);

export type ReorganisationInput = z.output<typeof reorganisationSchema>;
