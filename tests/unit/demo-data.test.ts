import { buildDemoData } from "@/prisma/seed/demo-data";

describe("the demo data generator", () => {
  it("gives the same data for the same seed and different data for another", () => {
    const first = buildDemoData();
    expect(buildDemoData()).toEqual(first);
    expect(buildDemoData(7).members.slice(0, 20)).not.toEqual(first.members.slice(0, 20));
  });

  it("never records a training before the team was founded", () => {
    const { teams, members } = buildDemoData();
    const founded = new Map(teams.map((team) => [team.code, team.foundedOn]));
    const early = members.filter((member) => member.trainedOn !== null && member.trainedOn < founded.get(member.teamCode)!);
    expect(early).toEqual([]);
  });

  it("writes valid Vietnamese mobile numbers for members", () => {
    const { members } = buildDemoData();
    expect(members.every((member) => /^0[35789]\d{8}$/.test(member.phone))).toBe(true);
  });
});
