/** A member as the audit log records it before and after a change, whichever path (form or import) made the change. */
export interface AuditedMember {
  fullName: string;
  role: string;
  affiliation: string;
  birthYear: number | null;
  gender: string | null;
  phone: string | null;
  trainedOn: Date | null;
  teamId: number;
  active: boolean;
}

export const memberSnapshot = (member: AuditedMember) => ({
  fullName: member.fullName,
  role: member.role,
  affiliation: member.affiliation,
  birthYear: member.birthYear,
  gender: member.gender,
  phone: member.phone,
  trainedOn: member.trainedOn?.toISOString().slice(0, 10) ?? null,
  teamId: member.teamId,
  active: member.active,
});
