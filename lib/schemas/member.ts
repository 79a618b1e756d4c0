/** Rules for teams and their members, shared by the registry forms, the server actions and the members import. */
import { z } from "zod";
import { normalizeName } from "../text";

export const MEMBER_ROLES = ["LEADER", "DEPUTY", "MEMBER"] as const;
export const AFFILIATIONS = [
  "PARTY_CELL", "RESIDENTIAL_GROUP_HEAD", "FATHERLAND_FRONT", "WOMENS_UNION", "VETERANS",
  "YOUTH_UNION", "STUDENT_VOLUNTEER", "POLICE", "TECH_COMPANY", "OTHER",
] as const;
export const GENDERS = ["MALE", "FEMALE"] as const;

const empty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/**
 * A Vietnamese mobile number: 10 digits starting with 0, or +84 / 84 in place
 * of the 0; spaces, dots and dashes are allowed and removed. Stored as 0xxxxxxxxx.
 */
export const phoneSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/[\s.\-()]/g, "").replace(/^\+?84(?=\d{9}$)/, "0") : value),
  z.string().regex(/^0[35789]\d{8}$/, "Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (có thể viết +84), ví dụ 0905 123 456."),
);

export function memberSchema(now = new Date()) {
  const thisYear = now.getFullYear();
  return z.object({
    fullName: z.string().transform(normalizeName).pipe(z.string().min(2, "Họ và tên: nhập ít nhất 2 ký tự.").max(120, "Họ và tên: tối đa 120 ký tự.")),
    role: z.enum(MEMBER_ROLES, { error: "Vai trò trong tổ: chọn tổ trưởng, tổ phó hoặc thành viên." }),
    affiliation: z.enum(AFFILIATIONS, { error: "Thành phần: chọn một mục trong danh sách." }),
    birthYear: z.preprocess(
      empty,
      z.coerce
        .number({ error: "Năm sinh: phải là số, ví dụ 1962." })
        .int("Năm sinh: phải là số nguyên, ví dụ 1962.")
        .min(1920, "Năm sinh: không trước năm 1920.")
        .max(thisYear - 10, `Năm sinh: thành viên phải từ 10 tuổi trở lên (sinh không sau năm ${thisYear - 10}).`)
        .nullable(),
    ),
    gender: z.preprocess(empty, z.enum(GENDERS, { error: "Giới tính: chọn nam hoặc nữ, hoặc để trống." }).nullable()),
    phone: z.preprocess(empty, phoneSchema.nullable()),
    trainedOn: z.preprocess(
      empty,
      z.iso
        .date("Ngày tập huấn: dùng dạng năm-tháng-ngày, ví dụ 2025-09-15.")
        .refine((date) => date <= now.toISOString().slice(0, 10), "Ngày tập huấn: không được ở tương lai.")
        .nullable(),
    ),
  });
}

export type MemberInput = z.infer<ReturnType<typeof memberSchema>>;

export const teamSchema = z.object({
  name: z.string().transform(normalizeName).pipe(z.string().min(3, "Tên tổ: nhập ít nhất 3 ký tự.").max(200, "Tên tổ: tối đa 200 ký tự.")),
  foundedOn: z.preprocess(empty, z.iso.date("Ngày thành lập: dùng dạng năm-tháng-ngày.").nullable()),
  foundingDecision: z.preprocess(empty, z.string().trim().max(80, "Số quyết định: tối đa 80 ký tự.").nullable()),
});

export type TeamInput = z.infer<typeof teamSchema>;
