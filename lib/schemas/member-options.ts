/**
 * The choices of a member's card, without the rules: the member form in the
 * browser needs the lists, and importing them from member.ts would send zod
 * to the phone with them.
 */
export const MEMBER_ROLES = ["LEADER", "DEPUTY", "MEMBER"] as const;
export const AFFILIATIONS = [
  "PARTY_CELL", "RESIDENTIAL_GROUP_HEAD", "FATHERLAND_FRONT", "WOMENS_UNION", "VETERANS",
  "YOUTH_UNION", "STUDENT_VOLUNTEER", "POLICE", "TECH_COMPANY", "OTHER",
] as const;
export const GENDERS = ["MALE", "FEMALE"] as const;
