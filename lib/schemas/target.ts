/** Rules for setting a target, shared by the form and the server. */
import { z } from "zod";
import { parsePeriodCode } from "../periods";

const empty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const month = (label: string) =>
  z.preprocess(
    empty,
    z
      .string()
      .refine((text) => parsePeriodCode(text) !== null, `${label}: dùng dạng YYYY-MM, ví dụ 2026-01.`)
      .transform((text) => parsePeriodCode(text)!)
      .nullable(),
  );

export const targetSchema = z
  .object({
    indicatorCode: z.string().trim().min(1, "Chỉ tiêu: chọn một chỉ tiêu."),
    /** A percentage as people type it: 40, 40,5 or 40.5. */
    percent: z
      .string()
      .trim()
      .regex(/^\d{1,3}([.,]\d{1,2})?$/, "Mức chỉ tiêu: nhập phần trăm từ 0 đến 100, ví dụ 40 hoặc 40,5.")
      .transform((text) => Number(text.replace(",", ".")))
      .refine((value) => value >= 0 && value <= 100, "Mức chỉ tiêu: từ 0 đến 100%."),
    fromPeriod: month("Áp dụng từ tháng"),
    toPeriod: month("Áp dụng đến tháng"),
    reason: z.string().transform((text) => text.normalize("NFC").trim()).pipe(z.string().min(5, "Lý do: ghi rõ căn cứ hoặc lý do (ít nhất 5 ký tự).").max(500, "Lý do: tối đa 500 ký tự.")),
    source: z.preprocess(empty, z.string().trim().max(200, "Căn cứ: tối đa 200 ký tự.").nullable()),
  })
  .refine((target) => target.fromPeriod === null || target.toPeriod === null || target.fromPeriod <= target.toPeriod, {
    path: ["toPeriod"],
    message: "Áp dụng đến tháng: phải sau hoặc bằng tháng bắt đầu.",
  });

export type TargetInput = z.infer<typeof targetSchema>;
