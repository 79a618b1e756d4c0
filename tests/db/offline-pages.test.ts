/**
 * The pages a phone keeps for working offline are the user's own: the forms
 * they report on for this month and last month, never a unit outside their
 * scope (the service worker fetches them with the user's session, and caches
 * what it gets).
 */
import { db } from "@/lib/db";
import { offlinePagesOf } from "@/lib/offline/offline-pages";
import type { SessionUser } from "@/lib/auth/session";
import { createUnits } from "../setup/create-units";

let ids: Record<string, number>;
const base = { fullName: "x", locale: "vi", mustChangePassword: false };
const NOW = new Date("2026-03-10T08:00:00+07:00");

beforeAll(async () => {
  ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null],
    ["W", "WARD", "Phường", "P"],
    ["W-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["W-02", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["V", "WARD", "Xã", "P"],
    ["V-01", "RESIDENTIAL_GROUP", "Thôn", "V"],
  ]);
  await db.team.create({ data: { code: "T-W01", name: "Tổ W-01", unitId: ids["W-01"] } });
});

const user = async (role: SessionUser["role"], scope: string | null, teamCode?: string): Promise<SessionUser> => {
  const teamId = teamCode ? (await db.team.findUniqueOrThrow({ where: { code: teamCode } })).id : null;
  const created = await db.user.create({ data: { username: `${role}.${scope}.${Math.random()}`, fullName: "x", role, scopeUnitId: scope ? ids[scope] : null, teamId, passwordHash: "x" } });
  return { ...base, id: created.id, username: created.username, role, scopeUnitId: created.scopeUnitId, teamId };
};

describe("the pages kept on a phone for working offline", () => {
  it("for a team leader: home, their group's form for this month and last (across the year's turn), their team", async () => {
    const leader = await user("TEAM_LEADER", "W-01", "T-W01");
    expect(await offlinePagesOf(leader, NOW)).toEqual(["/", "/entry/W-01/2026-03", "/entry/W-01/2026-02", "/teams/T-W01", "/teams/T-W01/activities/new", "/units/W-01"]);
    expect(await offlinePagesOf(leader, new Date("2026-01-05T08:00:00+07:00"))).toEqual(["/", "/entry/W-01/2026-01", "/entry/W-01/2025-12", "/teams/T-W01", "/teams/T-W01/activities/new", "/units/W-01"]);
  });

  it("for a ward official: the ward's month pages and every group's form of their ward, none of another ward", async () => {
    const official = await user("WARD_OFFICIAL", "W");
    const pages = await offlinePagesOf(official, NOW);
    expect(pages).toEqual(expect.arrayContaining(["/", "/units/W", "/units/W/month/2026-03", "/entry/W/2026-03", "/entry/W-01/2026-03", "/entry/W-02/2026-02"]));
    expect(pages.some((page) => page.includes("V"))).toBe(false);
  });

  it("for whoever does not enter figures: only the home page", async () => {
    expect(await offlinePagesOf(await user("STEERING", "P"), NOW)).toEqual(["/"]);
    expect(await offlinePagesOf(await user("ADMIN", null), NOW)).toEqual(["/"]);
  });

  it("for a team leader whose team was deactivated: nothing to report, only home", async () => {
    await db.team.create({ data: { code: "T-W02", name: "Tổ W-02", unitId: ids["W-02"], active: false } });
    const leader = await user("TEAM_LEADER", "W-02", "T-W02");
    expect(await offlinePagesOf(leader, NOW)).toEqual(["/"]);
  });
});
