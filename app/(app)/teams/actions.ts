"use server";

import { defineAction } from "@/lib/auth/define-action";
import { parseRowId } from "@/lib/ids";
import { addMember, moveMember, setMemberActive, updateMember } from "@/lib/teams/manage-members";
import { createMissingTeams, createTeam, setTeamActive, updateTeam } from "@/lib/teams/manage-teams";
import { editActivity, logActivity } from "@/lib/activities/log-activity";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const memberIdOf = (formData: FormData) => parseRowId(text(formData, "memberId"));

/** What the member form sends, at once or later from the device's queue (app/api/v1/teams/[code]/members). */
export interface SaveMemberInput {
  teamCode: string;
  /** Absent for a new member. */
  memberId?: number | string;
  requestId?: string;
  /** The card's version the edit was typed over. */
  version?: number;
  /** The card's fields (fullName, role, affiliation, birthYear, gender, phone, trainedOn) sit beside these. */
  [field: string]: unknown;
}

const memberFieldsOf = (input: Record<string, unknown>) =>
  Object.fromEntries(["fullName", "role", "affiliation", "birthYear", "gender", "phone", "trainedOn"].map((name) => [name, input[name] ?? ""]));

/** Adds a member (no memberId) or saves one's card, once per request id, never over a colleague's later change. */
export const saveMemberAction = defineAction(
  "members.write",
  async (user, input: SaveMemberInput): Promise<Awaited<ReturnType<typeof addMember>> | Awaited<ReturnType<typeof updateMember>>> => {
    const options = { requestId: input.requestId, version: typeof input.version === "number" ? input.version : undefined };
    const fields = memberFieldsOf(input);
    return input.memberId === undefined || input.memberId === ""
      ? addMember(user, String(input.teamCode ?? ""), fields, options)
      : updateMember(user, parseRowId(String(input.memberId)), fields, options);
  },
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

/** What the activity form sends, at once or later from the device's queue (app/api/v1/teams/[code]/activities). */
export interface SaveActivityInput {
  teamCode: string;
  /** Absent for a new record. */
  activityId?: number | string;
  requestId?: string;
  version?: number;
  /** Why the ward corrects a record after the author's week, or someone else's. */
  reason?: string;
  /** The record's fields (occurredOn, kind, place, memberIds, the counts) sit beside these. */
  [field: string]: unknown;
}

/** Logs a team's activity (no activityId) or changes one, once per request id, never over a later change. */
export const saveActivityAction = defineAction(
  "activities.write",
  async (user, input: SaveActivityInput): Promise<Awaited<ReturnType<typeof logActivity>> | Awaited<ReturnType<typeof editActivity>>> => {
    const { teamCode, activityId, requestId, version, reason, ...fields } = Object(input) as SaveActivityInput;
    const options = { requestId, version: typeof version === "number" ? version : undefined, reason: typeof reason === "string" ? reason : undefined };
    return activityId === undefined || activityId === ""
      ? logActivity(user, String(teamCode ?? ""), fields, options)
      : editActivity(user, parseRowId(String(activityId)), fields, options);
  },
  { revalidate: ["/teams", "/units"] },
);
