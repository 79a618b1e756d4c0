import { buildDemoData } from "@/prisma/seed/demo-data";
import { DEMO_FIRST_PERIOD, demoAnchor } from "@/prisma/seed/demo-places";
import { periodRange } from "@/lib/periods";

// The anchor is pinned: the demo must be the same whatever day the suite runs.
const ANCHOR = 202611;

describe("the demo data generator", () => {
  it("gives the same data for the same anchor and seed, and different data for another seed", () => {
    const first = buildDemoData(ANCHOR);
    expect(buildDemoData(ANCHOR)).toEqual(first);
    expect(buildDemoData(ANCHOR, 7).members.slice(0, 20)).not.toEqual(first.members.slice(0, 20));
  });

  it("anchors on the last complete month before the start, on Vietnam's clock", () => {
    expect(demoAnchor(new Date("2026-12-02T08:00:00Z"))).toBe(202611);
    expect(demoAnchor(new Date("2026-12-01T00:30:00+07:00"))).toBe(202611);
    // 30 November 23:30 in Hà Nội is still November: October is the last complete month.
    expect(demoAnchor(new Date("2026-11-30T16:30:00Z"))).toBe(202610);
    expect(demoAnchor(new Date("2027-01-01T01:00:00+07:00"))).toBe(202612);
    expect(demoAnchor(new Date("2027-12-02T08:00:00Z"))).toBe(202711);
    // A clock set before the demo's history still shows the two-tier reform on both maps.
    expect(demoAnchor(new Date("2020-01-01T00:00:00Z"))).toBe(202510);
  });

  it("has figures for every month from January 2025 to the anchor, and about 8% of groups not yet reported in the anchor month", () => {
    for (const anchor of [202611, 202712]) {
      const { units, values } = buildDemoData(anchor);
      expect([...new Set(values.map((row) => row.periodId))].sort()).toEqual(periodRange(DEMO_FIRST_PERIOD, anchor));
      const groups = units.filter((unit) => unit.level === "RESIDENTIAL_GROUP").map((unit) => unit.code);
      const reportedLatest = new Set(values.filter((row) => row.periodId === anchor).map((row) => row.unitCode));
      const missing = groups.filter((code) => !reportedLatest.has(code)).length / groups.length;
      expect(missing).toBeGreaterThan(0.04);
      expect(missing).toBeLessThan(0.13);
    }
  });

  it("never records a training before the team was founded or after the anchor month", () => {
    const { teams, members } = buildDemoData(ANCHOR);
    const founded = new Map(teams.map((team) => [team.code, team.foundedOn]));
    const early = members.filter((member) => member.trainedOn !== null && member.trainedOn < founded.get(member.teamCode)!);
    expect(early).toEqual([]);
    expect(members.filter((member) => member.trainedOn !== null && member.trainedOn > "2026-11-30")).toEqual([]);
    expect(members.some((member) => member.trainedOn?.startsWith("2026-11"))).toBe(true);
  });

  it("gives members ages that fit their background (tóc bạc – đầu xanh)", () => {
    const { members } = buildDemoData(ANCHOR);
    const ages = (affiliation: string) => members.filter((member) => member.affiliation === affiliation).map((member) => 2026 - member.birthYear);
    const within = (list: number[], youngest: number, oldest: number) => list.length > 0 && list.every((age) => age >= youngest && age <= oldest);
    expect(within(ages("STUDENT_VOLUNTEER"), 18, 23)).toBe(true);
    expect(within(ages("YOUTH_UNION"), 18, 32)).toBe(true);
    expect(within(ages("VETERANS"), 55, 82)).toBe(true);
    expect(within(ages("PARTY_CELL"), 45, 74)).toBe(true);
    expect(within(ages("RESIDENTIAL_GROUP_HEAD"), 42, 72)).toBe(true);
    // Leaders are group heads or party-cell secretaries, so none is under 42.
    expect(Math.min(...members.filter((member) => member.role === "LEADER").map((member) => 2026 - member.birthYear))).toBeGreaterThanOrEqual(42);
    // Both generations are well represented.
    const all = members.map((member) => 2026 - member.birthYear);
    expect(all.filter((age) => age <= 30).length / all.length).toBeGreaterThan(0.2);
    expect(all.filter((age) => age >= 55).length / all.length).toBeGreaterThan(0.2);
  });

  it("ages its members with the anchor: the same people a year later are a year older", () => {
    const now = buildDemoData(ANCHOR).members.map((member) => 2026 - member.birthYear);
    const later = buildDemoData(202711).members.map((member) => 2027 - member.birthYear);
    expect(later).toEqual(now);
  });

  it("writes valid Vietnamese mobile numbers for members", () => {
    const { members } = buildDemoData(ANCHOR);
    expect(members.every((member) => /^0[35789]\d{8}$/.test(member.phone))).toBe(true);
  });
});
