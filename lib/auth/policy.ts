/**
 * Who may do what, and where. One table for the whole platform: every use case
 * in lib/ names its operation and calls authorize() with the unit (or team) it
 * touches, so the rule sits next to the query. Pure data and logic, no I/O.
 *
 * Scope: a user sees and acts on the subtree of their scope unit; an
 * administrator without a scope unit acts on the whole country.
 */
import type { Role } from "../generated/prisma/enums";

export type Operation =
  /** Read a unit, its teams and its figures (dashboards, reports, registry). */
  | "units.read"
  /** Import or change the administrative map. */
  | "units.import"
  /**
   * Change the map: rename, move, merge, split, abolish the district level.
   * Steering committees only for wards and residential groups in their subtree
   * (lib/reorganisation/run-reorganisation.ts adds that level rule).
   */
  | "units.reorganise"
  /**
   * Enter or correct the raw figures of one unit's month through its form. A
   * team leader only for their own team's residential group.
   */
  | "values.write"
  /**
   * Work on a whole ward's month at once: the ward's grid, the imports and the
   * workbook, reminders to the groups, and submitting the month upward.
   */
  | "values.ward"
  /** Approve or reopen the submitted reports of the wards below. */
  | "reports.approve"
  /** Set targets for an indicator, a unit and a period range. */
  | "targets.write"
  /** Create, edit or deactivate teams. */
  | "teams.write"
  /** Keep a team's member list. */
  | "members.write"
  /** Log and correct a team's activities (home visits, campaign days, trainings…). */
  | "activities.write"
  /** Enter a campaign day once for many teams of a ward, a district or a province, a line per team. */
  | "activities.campaign"
  /** See and manage accounts inside one's scope. */
  | "users.manage"
  /** Create, reset and deactivate the team leaders' accounts of the teams inside one's scope. */
  | "leaders.manage"
  /** Issue and revoke read-API tokens for accounts. */
  | "tokens.manage"
  /** Browse the audit log. */
  | "audit.read"
  /** Change one's own password or language. */
  | "profile.update";

export interface Rule {
  roles: readonly Role[];
  /**
   * subtree: the target unit must lie within the user's scope;
   * team: as subtree, and a team leader only on their own team;
   * group: as subtree, and a team leader only on their own team's residential group;
   * self: the user acts only on their own account;
   * global: no target unit (the map itself, the audit log).
   */
  scope: "subtree" | "team" | "group" | "self" | "global";
}

export const POLICY: Record<Operation, Rule> = {
  "units.read": { roles: ["ADMIN", "STEERING", "WARD_OFFICIAL", "TEAM_LEADER"], scope: "subtree" },
  "units.import": { roles: ["ADMIN"], scope: "global" },
  "units.reorganise": { roles: ["ADMIN", "STEERING"], scope: "subtree" },
  // Steering committees read and set targets but enter no raw figures. Team leaders
  // enter their own group's month (they know its figures); the ward checks and submits it.
  "values.write": { roles: ["ADMIN", "WARD_OFFICIAL", "TEAM_LEADER"], scope: "group" },
  "values.ward": { roles: ["ADMIN", "WARD_OFFICIAL"], scope: "subtree" },
  "reports.approve": { roles: ["ADMIN", "STEERING"], scope: "subtree" },
  "targets.write": { roles: ["ADMIN", "STEERING"], scope: "subtree" },
  "teams.write": { roles: ["ADMIN", "WARD_OFFICIAL"], scope: "subtree" },
  "members.write": { roles: ["ADMIN", "WARD_OFFICIAL", "TEAM_LEADER"], scope: "team" },
  // A team leader logs their own team's work; the ward any team of the ward (a campaign day across teams).
  "activities.write": { roles: ["ADMIN", "WARD_OFFICIAL", "TEAM_LEADER"], scope: "team" },
  // Thanh Oai's 27 August: the district (or the ward) enters the day once, with a line per team below it.
  "activities.campaign": { roles: ["ADMIN", "STEERING", "WARD_OFFICIAL"], scope: "subtree" },
  "users.manage": { roles: ["ADMIN", "STEERING"], scope: "subtree" },
  // The ward hands its team leaders their accounts; steering committees may too, as through users.manage.
  "leaders.manage": { roles: ["ADMIN", "STEERING", "WARD_OFFICIAL"], scope: "subtree" },
  // Tokens let other systems read as a user: only administrators hand them out.
  "tokens.manage": { roles: ["ADMIN"], scope: "subtree" },
  "audit.read": { roles: ["ADMIN"], scope: "global" },
  "profile.update": { roles: ["ADMIN", "STEERING", "WARD_OFFICIAL", "TEAM_LEADER"], scope: "self" },
};

/** Which roles an account manager may hand out: a steering committee creates ward officials and team leaders only. */
export const ASSIGNABLE_ROLES: Record<Role, readonly Role[]> = {
  ADMIN: ["ADMIN", "STEERING", "WARD_OFFICIAL", "TEAM_LEADER"],
  STEERING: ["WARD_OFFICIAL", "TEAM_LEADER"],
  WARD_OFFICIAL: [],
  TEAM_LEADER: [],
};

export function roleAllows(role: Role, operation: Operation): boolean {
  return POLICY[operation].roles.includes(role);
}
