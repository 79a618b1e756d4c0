/**
 * The teams panel reads roll-ups (rollup_members, rollup_units) that triggers
 * keep. Random changes through every path (the member and team use cases, the
 * members import's raw inserts, a team moved to another unit, a ward moved to
 * another district, a group closed) must leave the panel of every unit equal to
 * an independent count over the raw rows, walking parent_id in JavaScript.
 */
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { SeededRandom } from "@/prisma/seed/random";
import { teamStats } from "@/lib/teams/team-stats";
import { groupsBelow } from "@/lib/dashboard/dashboard-subject";
import { verifyRollups } from "@/lib/dashboard/verify-rollups";
import { addMember, moveMember, setMemberActive, updateMember } from "@/lib/teams/manage-members";
import { createTeam, setTeamActive } from "@/lib/teams/manage-teams";
import { AFFILIATIONS } from "@/lib/schemas/member";
import { createUnits, type UnitSpec } from "../setup/create-units";

const YEAR = 2026;
const system = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };
let ids: Record<string, number>;

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  const specs: UnitSpec[] = [["P", "PROVINCE", "Tỉnh", null], ["D1", "DISTRICT", "Huyện", "P"], ["D2", "DISTRICT", "Huyện", "P"]];
  for (const [ward, parent] of [["W1", "D1"], ["W2", "D1"], ["W3", "D2"], ["W4", "P"]]) {
    specs.push([ward, "WARD", "Xã", parent]);
    for (let g = 1; g <= 4; g += 1) specs.push([`${ward}-${g}`, "RESIDENTIAL_GROUP", "Thôn", ward]);
  }
  ids = await createUnits(specs);
});

/** The independent count: raw rows, ancestors found by walking parent_id. */
async function expectedStats(rootId: number) {
  const units = await db.adminUnit.findMany({ select: { id: true, parentId: true, level: true, validTo: true } });
  const parent = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const below = (unitId: number) => {
    for (let at: number | null | undefined = unitId; at != null; at = parent.get(at)) if (at === rootId) return true;
    return false;
  };
  const teams = await db.team.findMany({ where: { active: true }, select: { id: true, unitId: true } });
  const counted = new Set(teams.filter((team) => below(team.unitId)).map((team) => team.id));
  const members = await db.teamMember.findMany({ where: { active: true }, select: { teamId: true, affiliation: true, birthYear: true, trainedOn: true } });
  const mine = members.filter((member) => counted.has(member.teamId));
  const ageGroup = (birthYear: number | null) =>
    birthYear === null ? "unknown" : YEAR - birthYear < 30 ? "under30" : YEAR - birthYear < 45 ? "from30to44" : YEAR - birthYear < 60 ? "from45to59" : "from60";
  const byAffiliation = new Map<string, { members: number; trained: number }>();
  const byAge = new Map<string, number>();
  for (const member of mine) {
    const entry = byAffiliation.get(member.affiliation) ?? { members: 0, trained: 0 };
    entry.members += 1;
    entry.trained += member.trainedOn ? 1 : 0;
    byAffiliation.set(member.affiliation, entry);
    byAge.set(ageGroup(member.birthYear), (byAge.get(ageGroup(member.birthYear)) ?? 0) + 1);
  }
  return {
    teams: counted.size,
    members: mine.length,
    trained: mine.filter((member) => member.trainedOn).length,
    byAffiliation: Object.fromEntries(byAffiliation),
    byAge: Object.fromEntries(byAge),
    groups: units.filter((unit) => unit.level === "RESIDENTIAL_GROUP" && unit.validTo === null && below(unit.id)).length,
  };
}

async function expectPanelsMatch() {
  for (const [code, id] of Object.entries(ids)) {
    const expected = await expectedStats(id);
    const found = await teamStats([id], YEAR);
    const groups = (await groupsBelow([id])).get(id) ?? 0;
    expect({
      code,
      teams: found.teams,
      members: found.members,
      trained: found.trained,
      byAffiliation: Object.fromEntries(found.byAffiliation.map(({ affiliation, ...counts }) => [affiliation, counts])),
      byAge: Object.fromEntries(found.byAgeGroup.filter((row) => row.members > 0).map((row) => [row.ageGroup, row.members])),
      groups,
    }).toEqual({ code, ...expected });
  }
  expect((await verifyRollups()).differences).toEqual([]);
}

describe("teams panel roll-ups", () => {
  it("equal an independent count after random changes through every path", async () => {
    const random = new SeededRandom(7);
    const groupCodes = Object.keys(ids).filter((code) => /-\d$/.test(code));
    const teamCodes: string[] = [];
    for (const code of [...groupCodes, "W1", "W4"]) {
      const created = await createTeam(system, code, { name: `Tổ ${code}`, foundedOn: "2025-03-01", foundingDecision: "" });
      expect(created).toMatchObject({ ok: true });
      if (created.ok && "teamCode" in created) teamCodes.push(created.teamCode);
    }
    const memberIds: number[] = [];
    for (let index = 0; index < 60; index += 1) {
      const added = await addMember(system, teamCodes[random.int(0, teamCodes.length - 1)], {
        fullName: `Người ${index}`,
        role: "MEMBER",
        affiliation: AFFILIATIONS[random.int(0, AFFILIATIONS.length - 1)],
        birthYear: random.chance(0.15) ? "" : String(random.int(1950, 2005)),
        gender: "FEMALE",
        phone: "",
        trainedOn: random.chance(0.6) ? "2025-09-15" : "",
      });
      expect(added).toMatchObject({ ok: true });
      if (added.ok) memberIds.push(added.memberId);
    }
    // A bulk insert in one statement, as the members import writes.
    await db.$executeRaw`INSERT INTO team_member (team_id, full_name, affiliation, birth_year, trained_on, updated_at)
      SELECT t.id, 'Nhập ' || g, 'YOUTH_UNION', 1990 + g, CASE WHEN g % 2 = 0 THEN DATE '2025-10-01' END, now()
      FROM team t CROSS JOIN generate_series(1, 3) AS g WHERE t.code LIKE 'TCNS-W2-%'`;
    await expectPanelsMatch();

    for (let index = 0; index < 25; index += 1) {
      const memberId = memberIds[random.int(0, memberIds.length - 1)];
      const step = random.int(0, 2);
      if (step === 0) await setMemberActive(system, memberId, random.chance(0.5));
      if (step === 1) {
        const member = await db.teamMember.findUniqueOrThrow({ where: { id: memberId } });
        await updateMember(system, memberId, { fullName: member.fullName, role: "MEMBER", affiliation: "VETERANS", birthYear: "1958", gender: "MALE", phone: "", trainedOn: random.chance(0.5) ? "2026-01-10" : "" });
      }
      if (step === 2) await moveMember(system, memberId, teamCodes[random.int(0, teamCodes.length - 1)]).catch(() => undefined);
    }
    await setTeamActive(system, "TCNS-W3-1", false, "Sáp nhập thử nghiệm");
    await setTeamActive(system, "TCNS-W1", false, "Giải thể thử nghiệm");
    await setTeamActive(system, "TCNS-W1", true, "Hoạt động lại thử nghiệm");
    await expectPanelsMatch();

    // Reorganisations: a team follows its group into another unit, a ward changes district, a group closes.
    // (A unit has one active team: the receiver's own stops first, as a merge would carry its members.)
    await db.team.updateMany({ where: { unitId: ids["W3-2"], active: true }, data: { active: false } });
    await db.team.update({ where: { code: "TCNS-W1-2" }, data: { unitId: ids["W3-2"] } });
    await db.adminUnit.update({ where: { id: ids.W2 }, data: { parentId: ids.D2 } });
    await db.adminUnit.update({ where: { id: ids["W4-4"] }, data: { validTo: new Date("2026-07-01") } });
    await db.adminUnit.update({ where: { id: ids.W4 }, data: { parentId: ids.D1 } });
    await db.teamMember.deleteMany({ where: { team: { code: "TCNS-W4-3" } } });
    await expectPanelsMatch();
  });

  it("the checker finds a corrupted members or groups count", async () => {
    await db.$executeRaw`UPDATE rollup_members SET members = members + 2 WHERE unit_id = ${ids.P} AND members > 0 AND ctid = (SELECT ctid FROM rollup_members WHERE unit_id = ${ids.P} AND members > 0 LIMIT 1)`;
    await db.$executeRaw`UPDATE rollup_units SET groups = groups - 1 WHERE unit_id = ${ids.W3}`;
    const { differences } = await verifyRollups();
    expect(differences.map((difference) => [difference.table, difference.unitCode]).sort()).toEqual([["rollup_members", "P"], ["rollup_units", "W3"]]);
    await db.$executeRaw`SELECT rollup_rebuild()`;
    expect((await verifyRollups()).differences).toEqual([]);
  });
});
