/** One unit's page: where it sits, what lies directly below it, and the teams it has. */
import "server-only";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { compareVietnamese } from "../text";
import { findReadableUnitByCode } from "./scope";
import { can } from "../auth/authorize";
import { addMonths, periodCode, periodOfDate } from "../periods";
import { countBelow, findAncestors, findChildren } from "./tree-queries";
import { TEAM_HEADER_SELECT } from "../teams/team-select";
import { unitLineage } from "../reorganisation/unit-lineage";

export async function getUnitOverview(user: SessionUser, code: string) {
  const unit = await findReadableUnitByCode(user, code);
  const [ancestors, children] = await Promise.all([findAncestors(unit.id), findChildren(unit.id)]);
  const [counts, lineage] = await Promise.all([countBelow([unit.id, ...children.map((child) => child.id)]), unitLineage(unit.id)]);
  const teams = await db.team.findMany({
    where: { unitId: unit.id },
    select: {
      ...TEAM_HEADER_SELECT,
      members: {
        where: { active: true },
        // Phone and birth year are personal data: selected here only because
        // findReadableUnitByCode has just proved the team lies in the user's scope.
        select: { id: true, fullName: true, role: true, affiliation: true, trainedOn: true, phone: true, birthYear: true },
        orderBy: [{ role: "asc" }, { id: "asc" }],
      },
    },
    orderBy: { code: "asc" },
  });
  // The breadcrumb starts at the top of the user's own scope, not above it. The
  // unit is readable, so the scope unit is on its ancestor path (top down).
  const scopeIndex = user.scopeUnitId === null ? 0 : ancestors.findIndex((ancestor) => ancestor.id === user.scopeUnitId);
  const visibleAncestors = ancestors.slice(Math.max(scopeIndex, 0), -1);
  const empty = { residentialGroups: 0, teams: 0, members: 0 };
  // Figures are entered at wards and residential groups, by those who may write them there.
  const carriesFigures = unit.level === "WARD" || unit.level === "RESIDENTIAL_GROUP";
  // A unit that has ended keeps its figures as they were (lib/reports/save-period-report.ts refuses new ones).
  const canEnterFigures = carriesFigures && unit.validTo === null && (await can(user, "values.write", { unitId: unit.id }));
  // Teams are set up where they work (wards, residential groups), while the unit is current.
  const canCreateTeam = carriesFigures && unit.validTo === null && !teams.some((team) => team.active) && (await can(user, "teams.write", { unitId: unit.id }));
  // A ward's tools: the grid, the team leaders' accounts, and a team for every group still without one.
  const isWard = unit.level === "WARD" && unit.validTo === null;
  const [canWorkOnWard, canManageLeaders, canSetUpTeams] = isWard
    ? await Promise.all([can(user, "values.ward", { unitId: unit.id }), can(user, "leaders.manage", { unitId: unit.id }), can(user, "teams.write", { unitId: unit.id })])
    : [false, false, false];
  // A campaign day of many teams: entered by the ward, the district or the province.
  const canLogCampaignDay = unit.level !== "RESIDENTIAL_GROUP" && unit.validTo === null && (await can(user, "activities.campaign", { unitId: unit.id }));
  const groupsWithoutTeam = canSetUpTeams
    ? await db.adminUnit.count({ where: { level: "RESIDENTIAL_GROUP", validTo: null, ancestors: { some: { ancestorId: unit.id } }, teams: { none: { active: true } } } })
    : 0;
  return {
    unit,
    counts: counts.get(unit.id) ?? empty,
    breadcrumb: visibleAncestors,
    children: children
      .map((child) => ({ ...child, ...(counts.get(child.id) ?? empty) }))
      .sort((a, b) => compareVietnamese(a.name, b.name)),
    teams,
    lineage,
    canEnterFigures,
    canCreateTeam,
    canWorkOnWard,
    canManageLeaders,
    canLogCampaignDay,
    groupsWithoutTeam,
    /** The last complete month: what a ward official usually reports now. */
    reportingPeriod: periodCode(addMonths(periodOfDate(new Date()), -1)),
  };
}
