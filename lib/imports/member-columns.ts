/**
 * How a members file's cells map onto the member rules. Ward officials keep
 * their lists in Excel with Vietnamese words ("Tổ trưởng", "Hội Phụ nữ", "Nữ",
 * 15/09/2025), so each cell accepts the code or the Vietnamese label, with or
 * without diacritics, and a date as dd/MM/yyyy or yyyy-MM-dd.
 */
import { foldVietnamese } from "../text";
import { AFFILIATIONS, GENDERS, MEMBER_ROLES } from "../schemas/member";

export const MEMBER_COLUMNS = ["team_code", "full_name", "role", "affiliation", "birth_year", "gender", "phone", "trained_on"] as const;
export type MemberColumn = (typeof MEMBER_COLUMNS)[number];

/** The member-rule field each column feeds, to report a rule's error under the user's column name. */
export const COLUMN_OF_FIELD: Record<string, MemberColumn> = {
  fullName: "full_name",
  role: "role",
  affiliation: "affiliation",
  birthYear: "birth_year",
  gender: "gender",
  phone: "phone",
  trainedOn: "trained_on",
};

const ROLE_LABELS: Record<string, (typeof MEMBER_ROLES)[number]> = { "to truong": "LEADER", "to pho": "DEPUTY", "thanh vien": "MEMBER" };
const AFFILIATION_LABELS: Record<string, (typeof AFFILIATIONS)[number]> = {
  "bi thu chi bo": "PARTY_CELL",
  "to truong to dan pho": "RESIDENTIAL_GROUP_HEAD",
  "mat tran to quoc": "FATHERLAND_FRONT",
  "mat tran": "FATHERLAND_FRONT",
  "hoi phu nu": "WOMENS_UNION",
  "cuu chien binh": "VETERANS",
  "hoi cuu chien binh": "VETERANS",
  "doan thanh nien": "YOUTH_UNION",
  "sinh vien, tinh nguyen vien": "STUDENT_VOLUNTEER",
  "sinh vien": "STUDENT_VOLUNTEER",
  "tinh nguyen vien": "STUDENT_VOLUNTEER",
  "cong an": "POLICE",
  "doanh nghiep cong nghe so": "TECH_COMPANY",
  khac: "OTHER",
};
const GENDER_LABELS: Record<string, (typeof GENDERS)[number]> = { nam: "MALE", nu: "FEMALE" };

/** A code as written (LEADER) or a label in Vietnamese (Tổ trưởng, to truong); unknown text is passed on for the rule to refuse. */
/** A cell as a code: the code itself, or its label folded (with or without diacritics); `empty` for an empty cell. */
export function codeOf(cell: string, codes: readonly string[], labels: Record<string, string>, empty: string): string {
  const trimmed = cell.trim();
  if (trimmed === "") return empty;
  if (codes.includes(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return labels[foldVietnamese(trimmed)] ?? trimmed;
}

/** dd/MM/yyyy (as Vietnamese spreadsheets show dates) becomes yyyy-MM-dd; anything else goes to the rule as typed. */
export function isoDateOf(cell: string): string {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell.trim());
  if (!match) return cell.trim();
  return `${match[3]}-${match[2].padStart(2, "0")}-${match[1].padStart(2, "0")}`;
}

/** One file row as the input of the member rules (memberSchema). */
export function memberInputOf(values: Record<MemberColumn, string>) {
  return {
    fullName: values.full_name,
    role: codeOf(values.role, MEMBER_ROLES, ROLE_LABELS, "MEMBER"),
    affiliation: codeOf(values.affiliation, AFFILIATIONS, AFFILIATION_LABELS, "OTHER"),
    birthYear: values.birth_year,
    gender: codeOf(values.gender, GENDERS, GENDER_LABELS, ""),
    phone: values.phone,
    trainedOn: isoDateOf(values.trained_on),
  };
}

/** Two rows name the same member of a team when their names agree in NFC, ignoring case and spacing. */
export function memberKey(teamId: number, fullName: string): string {
  return `${teamId}:${fullName.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi")}`;
}
