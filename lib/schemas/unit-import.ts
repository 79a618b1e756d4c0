/** The rule for one row of the administrative-tree CSV, shared by the admin page and `npm run import:units`. */
import { z } from "zod";
import { normalizeName } from "../text";
import { KINDS_BY_LEVEL, UNIT_LEVELS } from "../units/levels";

export const UNIT_CSV_COLUMNS = ["code", "name", "level", "kind", "parent_code"] as const;

export const unitRowSchema = z
  .object({
    code: z
      .string()
      .min(1, "Mã đơn vị không được để trống.")
      .max(32, "Mã đơn vị dài tối đa 32 ký tự.")
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và các dấu - _ ."),
    name: z
      .string()
      .transform(normalizeName)
      .pipe(z.string().min(1, "Tên đơn vị không được để trống.").max(200, "Tên đơn vị dài tối đa 200 ký tự.")),
    level: z.enum(UNIT_LEVELS, {
      error: `Cấp phải là một trong: ${UNIT_LEVELS.join(", ")}.`,
    }),
    kind: z.string().transform(normalizeName),
    parent_code: z.string(),
  })
  .superRefine((row, ctx) => {
    const kinds = KINDS_BY_LEVEL[row.level];
    if (!kinds.includes(row.kind)) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: `Loại của cấp ${row.level} phải là một trong: ${kinds.join(", ")}.` });
    }
    if (row.level === "PROVINCE" && row.parent_code !== "") {
      ctx.addIssue({ code: "custom", path: ["parent_code"], message: "Tỉnh/thành phố không có đơn vị cấp trên: để trống parent_code." });
    }
    if (row.level !== "PROVINCE" && row.parent_code === "") {
      ctx.addIssue({ code: "custom", path: ["parent_code"], message: "Thiếu mã đơn vị cấp trên (parent_code)." });
    }
  });

export type UnitRow = z.output<typeof unitRowSchema>;
