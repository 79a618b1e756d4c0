import { buildDemoActivities, DEMO_ACTIVITY_MONTHS, type DemoTeam } from "@/prisma/seed/demo-activities";
import { HELPED_FIELDS } from "@/lib/schemas/activity-options";
import { addMonths } from "@/lib/periods";

const ANCHOR = 202611;
const teams: DemoTeam[] = [
  { id: 1, code: "TCNS-10231", unitId: 100, atGroup: false, firstPeriod: 202001, memberIds: [11, 12, 13, 14] },
  { id: 2, code: "TCNS-03646", unitId: 200, atGroup: false, firstPeriod: 202001, memberIds: [21, 22, 23] },
  ...Array.from({ length: 60 }, (_, index) => ({ id: 10 + index, code: `TCNS-G${index}`, unitId: 1000 + index, atGroup: true, firstPeriod: index === 0 ? 202608 : 202001, memberIds: [5000 + index * 10, 5001 + index * 10, 5002 + index * 10] })),
];
/** What the demo already has as each group's RESIDENTS_HELPED: none for group 1 in the anchor month (it has not reported). */
const helpedOf = (unitId: number, period: number) => (unitId === 1001 && period === ANCHOR ? null : 10 + ((unitId + period) % 17));
const helpedSum = (activity: Record<(typeof HELPED_FIELDS)[number], number>) => HELPED_FIELDS.reduce((sum, field) => sum + activity[field], 0);

describe("the demo's activity history", () => {
  const activities = buildDemoActivities(teams, helpedOf, ANCHOR);

  it("is the same for the same teams and anchor", () => {
    expect(buildDemoActivities(teams, helpedOf, ANCHOR)).toEqual(activities);
  });

  it("covers the twelve months up to the anchor, never before a unit existed nor after the anchor month", () => {
    const months = new Set(activities.map((activity) => Number(activity.occurredOn.slice(0, 7).replace("-", ""))));
    expect(Math.min(...months)).toBe(addMonths(ANCHOR, -(DEMO_ACTIVITY_MONTHS - 1)));
    expect(Math.max(...months)).toBe(ANCHOR);
    expect(activities.filter((activity) => activity.teamId === 10).every((activity) => activity.occurredOn >= "2026-08-01")).toBe(true);
  });

  it("adds up, for each group's month, to the residents helped the demo already has (so the log explains the figure)", () => {
    const byGroupMonth = new Map<string, number>();
    for (const activity of activities.filter((candidate) => candidate.unitId >= 1000)) {
      const key = `${activity.unitId}:${activity.occurredOn.slice(0, 7)}`;
      byGroupMonth.set(key, (byGroupMonth.get(key) ?? 0) + helpedSum(activity));
    }
    expect(byGroupMonth.size).toBeGreaterThan(300);
    for (const [key, sum] of byGroupMonth) {
      const [unitId, month] = key.split(":");
      expect({ key, sum }).toEqual({ key, sum: helpedOf(Number(unitId), Number(month.replace("-", ""))) });
    }
    // A group that has not reported the month logged nothing in it.
    expect(byGroupMonth.has("1001:2026-11")).toBe(false);
  });

  it("has campaign months busier, some teams silent for two months or more, and the Cự Khê and Chiềng Xôm teams standing out", () => {
    const perMonth = (month: string) => activities.filter((activity) => activity.occurredOn.slice(5, 7) === month).length;
    expect(perMonth("10")).toBeGreaterThan(perMonth("11"));
    expect(activities.filter((activity) => activity.kind === "CAMPAIGN_DAY" && activity.occurredOn.slice(5, 7) === "08").length).toBeGreaterThan(10);
    const lastOf = (teamId: number) => activities.filter((activity) => activity.teamId === teamId).map((activity) => activity.occurredOn).sort().at(-1);
    const silent = teams.filter((team) => team.atGroup && team.id !== 10).filter((team) => {
      const last = lastOf(team.id);
      return last === undefined || last < "2026-10-01";
    });
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.length).toBeLessThan(teams.length / 3);
    const count = (teamId: number) => activities.filter((activity) => activity.teamId === teamId).length;
    const groupMedian = teams.filter((team) => team.atGroup).map((team) => count(team.id)).sort((a, b) => a - b)[30];
    expect(count(1)).toBeGreaterThan(3 * groupMedian);
    const chiengXomApps = activities.filter((activity) => activity.teamId === 2).reduce((sum, activity) => sum + activity.appsInstalled, 0);
    expect(chiengXomApps).toBeGreaterThan(800);
  });

  it("keeps every record within the form's rules: members of the team, counts 0–10,000, attendees only for a training, no long digit runs in the place", () => {
    for (const activity of activities) {
      const team = teams.find((candidate) => candidate.id === activity.teamId)!;
      expect(activity.memberIds.every((id) => team.memberIds.includes(id))).toBe(true);
      expect(activity.memberIds.length).toBeGreaterThan(0);
      for (const field of [...HELPED_FIELDS, "procedures", "appsInstalled"] as const) expect(activity[field]).toBeGreaterThanOrEqual(0);
      expect(activity.appsInstalled).toBeLessThanOrEqual(10_000);
      expect(activity.attendees === null).toBe(activity.kind !== "TRAINING");
      expect(activity.place).not.toMatch(/\d{9}/);
    }
  });
});
