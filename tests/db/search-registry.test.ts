import { db } from "@/lib/db";
import { foldVietnamese } from "@/lib/text";
import { findUnitsByName, searchRegistry } from "@/lib/search/search-registry";
import { seedDatabase } from "@/prisma/seed/seed";

const national = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };

beforeAll(async () => {
  await seedDatabase(db, { demo: true, anchor: 202611 });
});

describe("search without diacritics", () => {
  it("folds in SQL exactly as in the browser, for every name in the demo data", async () => {
    const rows = await db.$queryRaw<{ name: string; folded: string }[]>`
      SELECT name, vi_fold(name) AS folded FROM admin_unit UNION ALL SELECT full_name, vi_fold(full_name) FROM team_member`;
    expect(rows.length).toBeGreaterThan(5000);
    const mismatches = rows.filter((row) => row.folded !== foldVietnamese(row.name).replace(/\s+/g, " "));
    expect(mismatches).toEqual([]);
  });

  it("finds Hòa Thuận Tây when typed without accents, and in any case", async () => {
    for (const query of ["hoa thuan tay", "HOA THUAN TAY", "Hòa Thuận Tây".normalize("NFD"), "thuận tây"]) {
      const result = await searchRegistry(national, query);
      expect(result.units.map((unit) => unit.name)).toContain("Hòa Thuận Tây");
    }
  });

  it("finds members by name without accents, only inside the user's scope", async () => {
    const ward = await db.adminUnit.findUniqueOrThrow({ where: { code: "20206" } });
    const official = { id: null, username: "canbo", role: "WARD_OFFICIAL" as const, scopeUnitId: ward.id };
    const result = await searchRegistry(official, "nguyen");
    expect(result.members.length).toBeGreaterThan(0);
    expect(result.members.every((member) => member.unit_code.startsWith("20206"))).toBe(true);
    expect(result.members.every((member) => foldVietnamese(member.full_name).includes("nguyen"))).toBe(true);
    expect((await searchRegistry(official, "son la")).units).toEqual([]);
    expect(Object.keys(result.members[0])).not.toContain("phone");
  });

  it("treats LIKE wildcards as text and ignores a one-letter query", async () => {
    expect((await searchRegistry(national, "%")).units).toEqual([]);
    expect((await searchRegistry(national, "_a")).units).toEqual([]);
    expect(await searchRegistry(national, "h")).toMatchObject({ units: [], members: [] });
  });

  it("finds units for a code field by name, with their parent, only inside the user's scope", async () => {
    const district = await db.adminUnit.findUniqueOrThrow({ where: { code: "492" } });
    const steering = { id: null, username: "bcd", role: "STEERING" as const, scopeUnitId: district.id };
    const found = await findUnitsByName(steering, "to dan pho 39");
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((unit) => unit.name === "Tổ dân phố 39" && unit.parent_kind === "Phường")).toBe(true);
    expect(await findUnitsByName(steering, "hoa thuan tay")).toEqual([expect.objectContaining({ code: "20206", parent_name: "Hải Châu" })]);
    // Cự Khê is in Hà Nội, outside Hải Châu.
    expect(await findUnitsByName(steering, "cu khe")).toEqual([]);
    expect((await findUnitsByName(national, "cu khe")).map((unit) => unit.code)).toContain("10231");
    expect(await findUnitsByName(steering, "c")).toEqual([]);
  });
});
