import { createHash } from "node:crypto";
import { Client } from "pg";
import { createPrismaClient } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { seedDatabase } from "@/prisma/seed/seed";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// Pinned, so that the demo is the same whatever day the suite runs (a first start in December 2026).
const ANCHOR = 202611;

/** A digest of everything the seed writes that is not a timestamp, an id sequence or a salted hash. */
async function contentDigest(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const queries = [
    "SELECT u.code, u.name, u.level, u.kind, p.code AS parent FROM admin_unit u LEFT JOIN admin_unit p ON p.id = u.parent_id ORDER BY u.code",
    "SELECT t.code, t.name, u.code AS unit, t.founded_on::text, t.founding_decision FROM team t JOIN admin_unit u ON u.id = t.unit_id ORDER BY t.code",
    "SELECT t.code, m.full_name, m.role, m.affiliation, m.birth_year, m.gender, m.phone, m.trained_on::text FROM team_member m JOIN team t ON t.id = m.team_id ORDER BY t.code, m.id",
    "SELECT u.code, v.period_id, e.code AS element, v.value FROM data_value v JOIN admin_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id ORDER BY 1, 2, 3",
    "SELECT i.code, coalesce(u.code, '-') AS unit, t.value::text, t.reason FROM target t JOIN indicator i ON i.id = t.indicator_id LEFT JOIN admin_unit u ON u.id = t.unit_id ORDER BY 1, 2",
    "SELECT username, role, full_name FROM app_user ORDER BY username",
    "SELECT u.code, r.period_id, r.status FROM period_report r JOIN admin_unit u ON u.id = r.unit_id ORDER BY 1, 2",
  ];
  const hash = createHash("sha256");
  for (const sql of queries) hash.update(JSON.stringify((await client.query(sql)).rows));
  await client.end();
  return hash.digest("hex");
}

describe("the demo seed", () => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([first.drop(), second.drop()]);
  });

  it("writes the same data into two databases (deterministic), and never seeds twice", async () => {
    for (const database of [first, second]) {
      const prisma = createPrismaClient(database.url);
      try {
        expect(await seedDatabase(prisma, { demo: true, anchor: ANCHOR })).toEqual({ seeded: true, demo: true });
      } finally {
        await prisma.$disconnect();
      }
    }
    const digest = await contentDigest(first.url);
    expect(await contentDigest(second.url)).toBe(digest);

    const prisma = createPrismaClient(first.url);
    try {
      expect(await seedDatabase(prisma, { demo: true, anchor: ANCHOR })).toEqual({ seeded: false });
      expect(await contentDigest(first.url)).toBe(digest);
    } finally {
      await prisma.$disconnect();
    }
  }, 180_000); // two full demo seeds: several seconds each on a loaded two-core CI machine

  it("matches the figures of the sources: Hải Châu's 13 wards and 517 teams, Hòa Thuận Tây's 53 teams and 385 members", async () => {
    const client = new Client({ connectionString: first.url });
    await client.connect();
    try {
      const one = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0];
      const below = (code: string) =>
        `FROM admin_unit_closure c JOIN admin_unit a ON a.id = c.ancestor_id AND a.code = '${code}' JOIN admin_unit d ON d.id = c.descendant_id`;
      expect(await one(`SELECT count(*)::int AS n ${below("492")} WHERE d.level = 'WARD'`)).toEqual({ n: 13 });
      // 521 teams until the 2023 merger, 517 since: the four merged teams are kept, inactive, with their history.
      expect(await one(`SELECT count(*)::int AS n ${below("492")} JOIN team t ON t.unit_id = d.id AND t.active`)).toEqual({ n: 517 });
      expect(await one(`SELECT count(*)::int AS n ${below("492")} JOIN team t ON t.unit_id = d.id`)).toEqual({ n: 521 });
      expect(await one(`SELECT count(*)::int AS n ${below("492")} WHERE d.level = 'RESIDENTIAL_GROUP' AND d.valid_to IS NULL`)).toEqual({ n: 517 });
      // Hải Dương after the two-tier reform of 1 July 2025: no district in force, its wards directly under the province.
      expect(await one(`SELECT count(*)::int AS n FROM admin_unit d JOIN admin_unit p ON p.id = d.parent_id AND p.code = '30' WHERE d.level = 'DISTRICT' AND d.valid_to IS NULL`)).toEqual({ n: 0 });
      expect(await one(`SELECT count(*)::int AS n FROM admin_unit d JOIN admin_unit p ON p.id = d.parent_id AND p.code = '30' WHERE d.level = 'WARD' AND d.valid_to IS NULL`)).toEqual({ n: 3 });
      expect(await one(`SELECT count(*)::int AS n ${below("20206")} JOIN team t ON t.unit_id = d.id`)).toEqual({ n: 53 });
      expect(await one(`SELECT count(*)::int AS n ${below("20206")} JOIN team t ON t.unit_id = d.id JOIN team_member m ON m.team_id = t.id`)).toEqual({ n: 385 });
      // Team sizes in Hòa Thuận Tây stay within 6 to 9; the Cự Khê pilot team has 16 members.
      expect(
        await one(`SELECT min(n)::int AS min, max(n)::int AS max FROM (SELECT count(*) AS n ${below("20206")} JOIN team t ON t.unit_id = d.id JOIN team_member m ON m.team_id = t.id GROUP BY t.id) s`),
      ).toEqual({ min: 6, max: 9 });
      expect(await one("SELECT count(*)::int AS n FROM team t JOIN team_member m ON m.team_id = t.id WHERE t.code = 'TCNS-10231'")).toEqual({ n: 16 });
      // Every month from January 2025 to the anchor, and some groups have not reported the anchor month.
      expect(await one("SELECT min(period_id) AS first, max(period_id) AS last, count(DISTINCT period_id)::int AS n FROM data_value")).toEqual({ first: 202501, last: ANCHOR, n: 23 });
      const reported = await one(
        "SELECT count(DISTINCT unit_id) FILTER (WHERE period_id = 202611)::int AS latest, count(DISTINCT unit_id) FILTER (WHERE period_id = 202610)::int AS previous FROM data_value v JOIN admin_unit u ON u.id = v.unit_id WHERE u.level = 'RESIDENTIAL_GROUP'",
      );
      expect(reported.latest).toBeLessThan(reported.previous);
      // Older months are approved; the latest is partly submitted, partly in draft.
      const states = await client.query("SELECT period_id, status::text, count(*)::int AS n FROM period_report WHERE period_id IN (202605, 202611) GROUP BY 1, 2 ORDER BY 1, 2");
      expect(states.rows.filter((row) => row.period_id === 202605).map((row) => row.status)).toEqual(["APPROVED"]);
      expect(states.rows.filter((row) => row.period_id === 202611).map((row) => row.status).sort()).toEqual(["DRAFT", "SUBMITTED"]);
      // Each report was written after its month ended, and approved after it was written.
      expect(
        await one(`SELECT count(*) FILTER (WHERE submitted_at < make_timestamptz(period_id / 100, period_id % 100, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') + interval '1 month')::int AS early,
                          count(*) FILTER (WHERE approved_at < submitted_at)::int AS disordered FROM period_report`),
      ).toEqual({ early: 0, disordered: 0 });
      // No part exceeds its whole.
      expect(
        await one(`SELECT count(*)::int AS n FROM data_value p JOIN data_element pe ON pe.id = p.element_id AND pe.code = 'ADULTS_DIGITAL_SIGNATURE'
                   JOIN data_value w ON w.unit_id = p.unit_id AND w.period_id = p.period_id JOIN data_element we ON we.id = w.element_id AND we.code = 'ADULTS'
                   WHERE p.value > w.value`),
      ).toEqual({ n: 0 });
      // Hải Dương's online dossier rate over the demo year sits near the 53.51% of the source.
      const haiDuong = await one(`SELECT sum(v.value) FILTER (WHERE e.code = 'DOSSIERS_ONLINE')::float / sum(v.value) FILTER (WHERE e.code = 'DOSSIERS_TOTAL') AS rate
                                  ${below("30")} JOIN data_value v ON v.unit_id = d.id JOIN data_element e ON e.id = v.element_id WHERE v.period_id BETWEEN 202512 AND 202611`);
      expect(haiDuong.rate).toBeGreaterThan(0.51);
      expect(haiDuong.rate).toBeLessThan(0.56);
    } finally {
      await client.end();
    }
  });

  it("gives every demo account the documented password, hashed with argon2id", async () => {
    const prisma = createPrismaClient(first.url);
    try {
      const admin = await prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
      expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(admin.passwordHash, "wrong")).toBe(false);
    } finally {
      await prisma.$disconnect();
    }
  });
});
