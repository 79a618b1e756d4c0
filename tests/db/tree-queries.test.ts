import { db } from "@/lib/db";
import { findAncestors, findChildren, findSubtree, isWithin, countBelow } from "@/lib/units/tree-queries";

/**
 * A tree with both shapes of the map: Tỉnh A → Huyện B → Xã C → Thôn D1, D2
 * (three tiers) and Tỉnh A → Phường E → Tổ F (a ward directly under the
 * province, as since the 2025 two-tier reform), plus a second province.
 */
async function createUnit(code: string, level: "PROVINCE" | "DISTRICT" | "WARD" | "RESIDENTIAL_GROUP", kind: string, parentId: number | null) {
  return db.adminUnit.create({ data: { code, name: `Đơn vị ${code}`, level, kind, parentId } });
}

describe("unit tree queries", () => {
  let ids: Record<string, number>;

  beforeAll(async () => {
    const a = await createUnit("A", "PROVINCE", "Tỉnh", null);
    const b = await createUnit("B", "DISTRICT", "Huyện", a.id);
    const c = await createUnit("C", "WARD", "Xã", b.id);
    const d1 = await createUnit("D1", "RESIDENTIAL_GROUP", "Thôn", c.id);
    const d2 = await createUnit("D2", "RESIDENTIAL_GROUP", "Thôn", c.id);
    const e = await createUnit("E", "WARD", "Phường", a.id);
    const f = await createUnit("F", "RESIDENTIAL_GROUP", "Tổ dân phố", e.id);
    const z = await createUnit("Z", "PROVINCE", "Tỉnh", null);
    const z1 = await createUnit("Z1", "WARD", "Xã", z.id);
    ids = { A: a.id, B: b.id, C: c.id, D1: d1.id, D2: d2.id, E: e.id, F: f.id, Z: z.id, Z1: z1.id };
  });

  const codes = (units: { code: string }[]) => units.map((unit) => unit.code).sort();

  it("returns a province's whole subtree, including a ward directly under it", async () => {
    expect(codes(await findSubtree(ids.A))).toEqual(["A", "B", "C", "D1", "D2", "E", "F"]);
  });

  it("returns the children of a province: its district and its directly attached ward", async () => {
    expect(codes(await findChildren(ids.A))).toEqual(["B", "E"]);
    expect(codes(await findChildren(ids.C))).toEqual(["D1", "D2"]);
    expect(await findChildren(ids.F)).toEqual([]);
  });

  it("returns ancestors from the top down, with one level fewer under the two-tier structure", async () => {
    expect((await findAncestors(ids.D1)).map((unit) => unit.code)).toEqual(["A", "B", "C", "D1"]);
    expect((await findAncestors(ids.F)).map((unit) => unit.code)).toEqual(["A", "E", "F"]);
  });

  it("answers whether one unit lies within another", async () => {
    expect(await isWithin(ids.A, ids.F)).toBe(true);
    expect(await isWithin(ids.B, ids.F)).toBe(false);
    expect(await isWithin(ids.Z, ids.D1)).toBe(false);
  });

  it("keeps the closure table right when a unit moves, and refuses a cycle", async () => {
    // Move district B's commune C to sit directly under province Z.
    await db.adminUnit.update({ where: { id: ids.C }, data: { parentId: ids.Z } });
    expect(codes(await findSubtree(ids.A))).toEqual(["A", "B", "E", "F"]);
    expect(codes(await findSubtree(ids.Z))).toEqual(["C", "D1", "D2", "Z", "Z1"]);
    expect((await findAncestors(ids.D2)).map((unit) => unit.code)).toEqual(["Z", "C", "D2"]);

    await expect(db.adminUnit.update({ where: { id: ids.Z }, data: { parentId: ids.D1 } })).rejects.toThrow(/cycle/);
    expect((await findAncestors(ids.D1)).map((unit) => unit.code)).toEqual(["Z", "C", "D1"]);

    // And back again.
    await db.adminUnit.update({ where: { id: ids.C }, data: { parentId: ids.B } });
    expect(codes(await findSubtree(ids.A))).toEqual(["A", "B", "C", "D1", "D2", "E", "F"]);
  });

  it("counts residential groups, teams and members below each unit", async () => {
    const team = await db.team.create({ data: { code: "T-D1", name: "Tổ CNS D1", unitId: ids.D1 } });
    const communeTeam = await db.team.create({ data: { code: "T-C", name: "Tổ CNS xã C", unitId: ids.C } });
    await db.teamMember.createMany({
      data: [
        { teamId: team.id, fullName: "Nguyễn Văn An" },
        { teamId: team.id, fullName: "Trần Thị Bình" },
        { teamId: team.id, fullName: "Lê Văn Cũ", active: false },
        { teamId: communeTeam.id, fullName: "Phạm Thị Dung" },
      ],
    });
    await db.team.create({ data: { code: "T-F", name: "Tổ CNS F (giải thể)", unitId: ids.F, active: false } });
    const counts = await countBelow([ids.A, ids.C, ids.E, ids.Z]);
    expect(counts.get(ids.A)).toEqual({ residentialGroups: 3, teams: 2, members: 3 });
    expect(counts.get(ids.C)).toEqual({ residentialGroups: 2, teams: 2, members: 3 });
    expect(counts.get(ids.E)).toEqual({ residentialGroups: 1, teams: 0, members: 0 });
    expect(counts.get(ids.Z)).toEqual({ residentialGroups: 0, teams: 0, members: 0 });
  });

  it("refuses a name that is not in Unicode NFC, whatever path it comes by", async () => {
    const decomposed = "Hòa Thuận Tây".normalize("NFD");
    await expect(createUnit("NFD", "WARD", "Phường", ids.A).then(() => db.adminUnit.update({ where: { code: "NFD" }, data: { name: decomposed } }))).rejects.toThrow(/admin_unit_name_nfc/);
  });
});
