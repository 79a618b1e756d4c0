/**
 * Whatever today's date, every demo account's dashboard (and the read API and
 * the reports, which share the rule) opens on a month with figures: the month
 * being reported when anyone below has reported it, else the latest month
 * with figures, saying which month has none yet.
 */
import { db } from "@/lib/db";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { getUnitIndicators } from "@/lib/dashboard/get-unit-indicators";
import { loadReportContext } from "@/lib/exports/report-context";
import { scopeUnitCode } from "@/lib/units/scope";
import { addMonths, periodCode } from "@/lib/periods";
import { DEMO_USERS } from "@/prisma/seed/demo-places";
import { seedDatabase } from "@/prisma/seed/seed";

// Pinned: the demo as a first start on some day of December 2026 makes it.
const ANCHOR = 202611;

beforeAll(async () => {
  await seedDatabase(db, { demo: true, anchor: ANCHOR });
}, 120_000);

const actors = async () =>
  Promise.all(
    DEMO_USERS.map(async (user) => {
      const row = await db.user.findUniqueOrThrow({ where: { username: user.username } });
      const actor = { id: row.id, username: row.username, role: row.role, scopeUnitId: row.scopeUnitId, teamId: row.teamId };
      return { actor, code: await scopeUnitCode(actor) };
    }),
  );

describe("the month a dashboard opens on", () => {
  // Vietnam's clock: the first of the month just after midnight, the 15th, the last evening of the year.
  it.each([
    ["the first of a month", "2026-12-01T00:15:00+07:00"],
    ["the 15th", "2026-12-15T10:00:00+07:00"],
    ["31 December", "2026-12-31T22:00:00+07:00"],
  ])("on %s opens every demo account on the demo's last month or, for a group not reported yet, the month before", async (_label, when) => {
    const now = new Date(when);
    for (const { actor, code } of await actors()) {
      const dashboard = await getDashboard(actor, code, {}, now);
      if (!dashboard.ok) throw new Error(`${actor.username}: ${dashboard.error.message}`);
      expect({ user: actor.username, hasFigures: dashboard.cards.some((card) => card.value !== null) }).toEqual({ user: actor.username, hasFigures: true });
      if (dashboard.selection.to === ANCHOR) expect(dashboard.unreportedMonth).toBeNull();
      else expect({ user: actor.username, to: dashboard.selection.to, unreported: dashboard.unreportedMonth }).toEqual({ user: actor.username, to: addMonths(ANCHOR, -1), unreported: ANCHOR });
    }
  });

  it("a year after the first start, opens on the last month with figures and names the month nobody has reported", async () => {
    const now = new Date("2027-12-02T09:00:00+07:00");
    for (const { actor, code } of await actors()) {
      if (code === null || actor.role === "TEAM_LEADER") continue;
      const dashboard = await getDashboard(actor, code, {}, now);
      if (!dashboard.ok) throw new Error(dashboard.error.message);
      expect({ user: actor.username, to: dashboard.selection.to, unreported: dashboard.unreportedMonth }).toEqual({ user: actor.username, to: ANCHOR, unreported: 202711 });
      expect(dashboard.cards.some((card) => card.value !== null)).toBe(true);
      // The API and the reports follow the same rule when no period is given...
      expect((await getUnitIndicators(actor, code, {}, now)).period).toBe(periodCode(ANCHOR));
      expect((await loadReportContext(actor, code, {}, "csv", now)).selection.to).toBe(ANCHOR);
      // ...and a month asked for is the month shown, even an empty one.
      const asked = await getDashboard(actor, code, { period: "2027-11" }, now);
      expect(asked.ok && { to: asked.selection.to, unreported: asked.unreportedMonth, anyValue: asked.cards.some((card) => card.value !== null) }).toEqual({ to: 202711, unreported: null, anyValue: false });
    }
  });

  it("opens a unit with no figures at all on the month being reported, with its honest empty state", async () => {
    const province = await db.adminUnit.findUniqueOrThrow({ where: { code: "48" } });
    const empty = await db.adminUnit.create({ data: { code: "EMPTY-1", name: "Phường Mới", level: "WARD", kind: "Phường", parentId: province.id } });
    const admin = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };
    const dashboard = await getDashboard(admin, empty.code, {}, new Date("2026-12-02T09:00:00+07:00"));
    expect(dashboard.ok && { to: dashboard.selection.to, unreported: dashboard.unreportedMonth, anyValue: dashboard.cards.some((card) => card.value !== null) }).toEqual({ to: ANCHOR, unreported: null, anyValue: false });
  });

  it("counts Hải Châu's groups as they were in each month: 521 before the 2023 merger, 517 after it", async () => {
    const admin = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };
    const groups = async (period: string) => {
      const dashboard = await getDashboard(admin, "492", { period }, new Date("2026-12-02T09:00:00+07:00"));
      if (!dashboard.ok) throw new Error(dashboard.error.message);
      return { total: dashboard.completeness.groupsTotal, reported: dashboard.completeness.groupsReported };
    };
    expect(await groups("2023-06")).toEqual({ total: 521, reported: 0 });
    expect((await groups("2023-07")).total).toBe(517);
    const latest = await groups(periodCode(ANCHOR));
    expect(latest.total).toBe(517);
    expect(latest.reported).toBeLessThanOrEqual(517);
  });
});

