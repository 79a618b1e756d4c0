"use server";

import { defineAction } from "@/lib/auth/define-action";
import { parseRowId } from "@/lib/ids";
import { addMember, moveMember, setMemberActive, updateMember } from "@/lib/teams/manage-members";
import { createMissingTeams, createTeam, setTeamActive, updateTeam } from "@/lib/teams/manage-teams";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const memberIdOf = (formData: FormData) => parseRowId(text(formData, "memberId"));
const memberFields = (formData: FormData) => ({
  fullName: text(formData, "fullName"),
  role: text(formData, "role"),
  affiliation: text(formData, "affiliation"),
  birthYear: text(formData, "birthYear"),
  gender: text(formData, "gender"),
  phone: text(formData, "phone"),
  trainedOn: text(formData, "trainedOn"),
});

export const addMemberAction = defineAction(
  "members.write",
  (user, _previous: unknown, formData: FormData) => addMember(user, text(formData, "teamCode"), memberFields(formData)),
  { revalidate: ["/teams", "/units"] },
);

export const updateMemberAction = defineAction(
  "members.write",
  (user, _previous: unknown, formData: FormData) => updateMember(user, memberIdOf(formData), memberFields(formData)),
  { revalidate: ["/teams", "/units"] },
);

export const setMemberActiveAction = defineAction(
  "members.write",
  (user, _previous: unknown, formData: FormData) => setMemberActive(user, memberIdOf(formData), text(formData, "active") === "true"),
  { revalidate: ["/teams", "/units"] },
);

export const moveMemberAction = defineAction(
  "members.write",
  (user, _previous: unknown, formData: FormData) => moveMember(user, memberIdOf(formData), text(formData, "targetTeamCode")),
  { revalidate: ["/teams", "/units"] },
);

const teamFields = (formData: FormData) => ({
  name: text(formData, "name"),
  foundedOn: text(formData, "foundedOn"),
  foundingDecision: text(formData, "foundingDecision"),
});

export const createTeamAction = defineAction(
  "teams.write",
  (user, _previous: unknown, formData: FormData) => createTeam(user, text(formData, "unitCode"), teamFields(formData)),
  { revalidate: ["/teams", "/units"] },
);

export const updateTeamAction = defineAction(
  "teams.write",
  (user, _previous: unknown, formData: FormData) => updateTeam(user, text(formData, "teamCode"), teamFields(formData)),
  { revalidate: ["/teams", "/units"] },
);

export const setTeamActiveAction = defineAction(
  "teams.write",
  (user, _previous: unknown, formData: FormData) => setTeamActive(user, text(formData, "teamCode"), text(formData, "active") === "true", text(formData, "reason")),
  { revalidate: ["/teams", "/units"] },
);

/** Sets up a ward at once: a team for every residential group of the ward that has none. */
export const createMissingTeamsAction = defineAction(
  "teams.write",
  (user, _previous: unknown, formData: FormData) => createMissingTeams(user, text(formData, "wardCode")),
  { revalidate: ["/teams", "/units"] },
);
