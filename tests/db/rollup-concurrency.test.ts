/**
 * Roll-ups under concurrent writers: 200 transactions from 20 connections
 * write, correct and delete figures of groups that share their ancestors (the
 * hot rows of the ward, district and province), alongside saves through the
 * entry form's use case. Afterwards every roll-up must equal a recomputation
 * from the raw values, and the checker must notice a deliberately corrupted one.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { SeededRandom } from "@/prisma/seed/random";
import { verifyRollups, repairRollups } from "@/lib/dashboard/verify-rollups";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import { createUnits, type UnitSpec } from "../setup/create-units";
import { currentDatabaseUrl } from "../setup/database-per-file";

const ROOT = path.resolve(__dirname, "../..");
const MONTHS = [202607, 202608, 202609];
let groups: { code: string; id: number }[];
let elements: { id: number; code: string }[];

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  const specs: UnitSpec[] = [["P", "PROVINCE", "Tỉnh", null], ["D", "DISTRICT", "Huyện", "P"]];
  for (const ward of ["W1", "W2"]) {
    specs.push([ward, "WARD", "Xã", "D"]);
    for (let g = 1; g <= 10; g += 1) specs.push([`${ward}-${g}`, "RESIDENTIAL_GROUP", "Thôn", ward]);
  }
  const ids = await createUnits(specs);
  groups = Object.entries(ids).filter(([code]) => /-\d+$/.test(code)).map(([code, id]) => ({ code, id }));
  elements = await db.dataElement.findMany({ where: { collectionLevel: "RESIDENTIAL_GROUP", source: "FORM" }, select: { id: true, code: true } });
});

describe("roll-ups with concurrent writers", () => {
  it("equal a recomputation after 200 concurrent transactions from 20 connections and concurrent form saves", async () => {
    const clients = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const client = new Client({ connectionString: currentDatabaseUrl() });
        await client.connect();
        return client;
      }),
    );
    let retried = 0;
    let committed = 0;
    const writer = async (client: Client, seed: number) => {
      const random = new SeededRandom(seed);
      for (let round = 0; round < 10; round += 1) {
        const group = groups[random.int(0, groups.length - 1)];
        const month = MONTHS[random.int(0, MONTHS.length - 1)];
        const chosen = elements.filter(() => random.chance(0.7));
        const values = chosen.map(() => random.int(0, 2000));
        const remove = random.chance(0.2) ? elements[random.int(0, elements.length - 1)].id : null;
        for (let attempt = 0; ; attempt += 1) {
          try {
            await client.query("BEGIN");
            // The writers' protocol, as the form save and the import follow it: a unit's month is written under its report row's lock.
            await client.query("INSERT INTO period_report (unit_id, period_id, updated_at) VALUES ($1, $2, now()) ON CONFLICT (unit_id, period_id) DO NOTHING", [group.id, month]);
            await client.query("SELECT id FROM period_report WHERE unit_id = $1 AND period_id = $2 FOR UPDATE", [group.id, month]);
            await client.query(
              `INSERT INTO data_value (unit_id, period_id, element_id, value, updated_at)
               SELECT $1, $2, e, v, now() FROM unnest($3::int[], $4::int[]) AS x(e, v) ORDER BY e
               ON CONFLICT (unit_id, period_id, element_id) DO UPDATE SET value = EXCLUDED.value`,
              [group.id, month, chosen.map((element) => element.id), values],
            );
            if (remove !== null) await client.query("DELETE FROM data_value WHERE unit_id = $1 AND period_id = $2 AND element_id = $3", [group.id, month, remove]);
            await client.query("COMMIT");
            committed += 1;
            break;
          } catch (error) {
            await client.query("ROLLBACK");
            // A deadlock or serialization failure is retried, as an application would; anything else fails the test.
            if (!["40P01", "40001"].includes((error as { code?: string }).code ?? "") || attempt > 5) throw error;
            retried += 1;
          }
        }
      }
    };
    const system = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };
    const formSaves = groups.slice(0, 8).map(async (group) => {
      const figures = Object.fromEntries(elements.map((element) => [element.code, "100"]));
      figures.ADULTS = "900";
      figures.PEOPLE = "1500";
      const reasons = Object.fromEntries(elements.map((element) => [element.code, "Kiểm tra đồng thời"]));
      const saved = await savePeriodReport(system, { unitCode: group.code, period: "2026-06", version: 0, requestId: crypto.randomUUID(), values: figures, reasons });
      expect(saved).toMatchObject({ ok: true });
    });
    await Promise.all([...clients.map((client, index) => writer(client, 1000 + index)), ...formSaves]);
    await Promise.all(clients.map((client) => client.end()));

    expect(committed).toBe(200);
    const { differences, checkedValues } = await verifyRollups();
    expect(differences).toEqual([]);
    expect(checkedValues).toBeGreaterThan(0);
    // Deadlocks would show up here: writers of a province queue on its advisory lock before any roll-up row.
    expect(retried).toBe(0);
  });

  it("finds a deliberately corrupted roll-up, and npm run db:verify-rollups -- --repair mends it", async () => {
    await db.$executeRaw`UPDATE rollup_value SET value = value + 3 WHERE (unit_id, period_id, element_id) IN (SELECT unit_id, period_id, element_id FROM rollup_value ORDER BY 1, 2, 3 LIMIT 1)`;
    await db.$executeRaw`UPDATE rollup_reporting SET groups_reported = groups_reported + 1 WHERE (unit_id, period_id) IN (SELECT unit_id, period_id FROM rollup_reporting ORDER BY 1, 2 LIMIT 1)`;
    const { differences } = await verifyRollups();
    expect(differences.map((difference) => difference.table).sort()).toEqual(["rollup_reporting", "rollup_value"]);
    expect(differences.find((difference) => difference.table === "rollup_value")).toMatchObject({ found: expect.any(Number), expected: expect.any(Number) });

    const run = (...args: string[]) =>
      spawnSync(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", "lib/cli/verify-rollups.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: currentDatabaseUrl() },
        encoding: "utf8",
        timeout: 60_000,
      });
    const found = run();
    expect(found.status).toBe(1);
    expect(found.stderr).toContain("Roll-up lệch ở 2 chỗ");
    expect(run("--repair").status).toBe(1);
    const clean = run();
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain("Roll-up khớp");
    expect((await verifyRollups()).differences).toEqual([]);
    await repairRollups();
  });

  it("finds each thing a reader depends on when it goes wrong: a sum, a row's count of figures, a missing row of a reported 0, an extra row", async () => {
    // A residential group reports merchants 1 and merchants with QR payment 0: the 0 is a figure, a row of value 0 at every level.
    const group = await db.adminUnit.findFirstOrThrow({ where: { level: "RESIDENTIAL_GROUP" }, orderBy: { id: "asc" } });
    const [merchants, qr] = await Promise.all(["MERCHANTS", "MERCHANTS_QR"].map((code) => db.dataElement.findUniqueOrThrow({ where: { code } })));
    await db.dataValue.createMany({ data: [{ unitId: group.id, periodId: 202401, elementId: merchants.id, value: 1 }, { unitId: group.id, periodId: 202401, elementId: qr.id, value: 0 }] });
    expect((await verifyRollups()).differences).toEqual([]);
    const zeroRow = await db.rollupValue.findUniqueOrThrow({ where: { unitId_periodId_elementId: { unitId: group.id, periodId: 202401, elementId: qr.id } } });
    expect({ value: zeroRow.value, figures: zeroRow.figures }).toEqual({ value: BigInt(0), figures: 1 });

    const corruptions: [string, () => Promise<unknown>, string][] = [
      ["a sum", () => db.$executeRaw`UPDATE rollup_value SET value = value + 3 WHERE unit_id = ${group.id} AND period_id = 202401 AND element_id = ${merchants.id}`, "MERCHANTS"],
      ["a count of figures", () => db.$executeRaw`UPDATE rollup_value SET figures = figures + 2 WHERE unit_id = ${group.id} AND period_id = 202401 AND element_id = ${merchants.id}`, "MERCHANTS figures"],
      ["the row of a reported 0", () => db.$executeRaw`DELETE FROM rollup_value WHERE unit_id = ${group.id} AND period_id = 202401 AND element_id = ${qr.id}`, "MERCHANTS_QR row"],
      ["a row where nothing was reported", () => db.$executeRaw`INSERT INTO rollup_value (unit_id, period_id, element_id, value, figures) VALUES (${group.id}, 202402, ${qr.id}, 0, 0)`, "MERCHANTS_QR row"],
    ];
    for (const [what, corrupt, reported] of corruptions) {
      await corrupt();
      const { differences } = await verifyRollups();
      expect({ what, found: differences.filter((difference) => difference.unitCode === group.code).map((difference) => difference.what) }).toEqual({ what, found: expect.arrayContaining([reported]) });
      await repairRollups();
      expect({ what, after: (await verifyRollups()).differences }).toEqual({ what, after: [] });
    }
    // Cleared again, the figures leave no row behind: the group is back to "no data" for them.
    await db.dataValue.deleteMany({ where: { unitId: group.id, periodId: 202401 } });
    expect(await db.rollupValue.count({ where: { periodId: 202401 } })).toBe(0);
    expect((await verifyRollups()).differences).toEqual([]);
  });
});
