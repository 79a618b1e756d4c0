/**
 * `npm run bench:seed -- --scale district|province|national [--seed N]`:
 * synthetic data for the benchmark, deterministic from the seed, loaded with
 * PostgreSQL COPY into a database of its own (tcns_bench_<scale>) on
 * BENCH_DATABASE_URL's server or on a persistent embedded cluster in
 * .data/bench-postgres. National: 34 provinces, about 3,300 wards (a share of
 * them under districts), 100,000 residential groups with one team of 4–9
 * members each, 24 months of every figure and of the teams' activities (0–3
 * records a team a month). The roll-up triggers are deferred
 * for the load and the roll-ups built once at the end.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createPrismaClient } from "../../lib/db";
import { runningPostmasterPid, startEmbeddedPostgres } from "../../lib/embedded-postgres.mjs";
import { applyMigrations } from "../../prisma/schema-engine";
import { seedDatabase } from "../../prisma/seed/seed";
import { SeededRandom } from "../../prisma/seed/random";

export const SCALES = {
  district: { provinces: 1, wards: 13, districtShare: 1, groups: [30, 50], members: [4, 9] },
  province: { provinces: 1, wards: 100, districtShare: 0.5, groups: [20, 40] },
  national: { provinces: 34, wards: 3321, districtShare: 0.3, groups: [20, 40] },
} as const;
export type Scale = keyof typeof SCALES;

export const BENCH_MONTHS = 24;
/** The last generated month: October 2026, like the demo data. */
export const BENCH_LAST_MONTH = 202610;

export function benchDatabaseName(scale: Scale): string {
  return `tcns_bench_${scale}`;
}

/** The server that holds the generated databases: BENCH_DATABASE_URL, or an embedded cluster kept in .data/bench-postgres. */
export async function benchServer(): Promise<{ url: (database: string) => string; close: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) {
    const base = new URL(process.env.BENCH_DATABASE_URL);
    return {
      url: (database) => Object.assign(new URL(base.toString()), { pathname: `/${database}` }).toString(),
      close: async () => {},
    };
  }
  const dataDir = path.resolve(".data/bench-postgres");
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (runningPostmasterPid(dataDir)) {
    // Another bench command holds the cluster: share it (line 4 of postmaster.pid is its port).
    const port = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
    return { url: (database) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`, close: async () => {} };
  }
  const cluster = await startEmbeddedPostgres({ dataDir, port: 54330 });
  return { url: (database) => cluster.url(database), close: () => cluster.stop() };
}

function months(): number[] {
  const list: number[] = [];
  for (let index = BENCH_MONTHS - 1; index >= 0; index -= 1) {
    const total = Math.floor(BENCH_LAST_MONTH / 100) * 12 + (BENCH_LAST_MONTH % 100) - 1 - index;
    list.push(Math.floor(total / 12) * 100 + (total % 12) + 1);
  }
  return list;
}

/** COPY rows from a generator; text format, tab-separated, \N for null. */
async function copyRows(client: Client, sql: string, rows: Iterable<(string | number | null)[]>): Promise<void> {
  const lines = (function* () {
    let chunk: string[] = [];
    for (const row of rows) {
      chunk.push(row.map((cell) => (cell === null ? "\\N" : String(cell).replace(/[\t\n\\]/g, " "))).join("\t"));
      if (chunk.length === 5000) {
        yield `${chunk.join("\n")}\n`;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield `${chunk.join("\n")}\n`;
  })();
  await pipeline(Readable.from(lines), client.query(copyFrom(sql)));
}

interface UnitRow {
  code: string;
  name: string;
  level: "PROVINCE" | "DISTRICT" | "WARD" | "RESIDENTIAL_GROUP";
  kind: string;
  parentCode: string | null;
}

function unitPlan(scale: Scale, random: SeededRandom): UnitRow[][] {
  const spec = SCALES[scale];
  const provinces: UnitRow[] = [];
  const districts: UnitRow[] = [];
  const wards: UnitRow[] = [];
  const groups: UnitRow[] = [];
  const wardsPerProvince = Math.round(spec.wards / spec.provinces);
  for (let p = 1; p <= spec.provinces; p += 1) {
    const province = `BP${String(p).padStart(2, "0")}`;
    provinces.push({ code: province, name: `Tỉnh Thử ${p}`, level: "PROVINCE", kind: "Tỉnh", parentCode: null });
    const count = p === spec.provinces ? spec.wards - wardsPerProvince * (spec.provinces - 1) : wardsPerProvince;
    const underDistricts = Math.round(count * spec.districtShare);
    for (let w = 1; w <= count; w += 1) {
      let parent = province;
      if (w <= underDistricts) {
        // About ten wards to a district, as before the 2025 reform; the rest sit straight under the province.
        parent = `${province}-D${Math.ceil(w / 10)}`;
        if ((w - 1) % 10 === 0) districts.push({ code: parent, name: `Huyện Thử ${Math.ceil(w / 10)}`, level: "DISTRICT", kind: "Huyện", parentCode: province });
      }
      const ward = `${province}-W${String(w).padStart(3, "0")}`;
      wards.push({ code: ward, name: `Xã Thử ${p}.${w}`, level: "WARD", kind: "Xã", parentCode: parent });
      for (let g = 1, total = random.int(spec.groups[0], spec.groups[1]); g <= total; g += 1) {
        groups.push({ code: `${ward}-${String(g).padStart(2, "0")}`, name: `Thôn ${g}`, level: "RESIDENTIAL_GROUP", kind: "Thôn", parentCode: ward });
      }
    }
  }
  return [provinces, districts, wards, groups];
}

export async function generate(scale: Scale, seed: number, log: (line: string) => void = console.log): Promise<{ url: string; groups: number; values: number }> {
  const server = await benchServer();
  const database = benchDatabaseName(scale);
  const admin = new Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = server.url(database);
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  await seedDatabase(prisma, { demo: false });
  await prisma.$disconnect();

  const random = new SeededRandom(seed);
  const client = new Client({ connectionString: url });
  await client.connect();
  let started = Date.now();
  const step = (what: string) => {
    log(`  ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
  };
  try {
    // Figures, reports and report states are loaded with the roll-up triggers deferred; the roll-ups are built once at the end.
    await client.query("SET tcns.defer_rollups = 'on'");
    const ids = new Map<string, number>();
    let groupCount = 0;
    for (const level of unitPlan(scale, random)) {
      await copyRows(
        client,
        "COPY admin_unit (code, name, level, kind, parent_id, updated_at) FROM STDIN",
        level.map((unit) => [unit.code, unit.name, unit.level, unit.kind, unit.parentCode ? ids.get(unit.parentCode)! : null, "2026-01-01"]),
      );
      // Statistics before the next level: the closure trigger's lookup of a parent's ancestors was planned
      // on an empty table as a sequential scan, and 100,000 groups then scanned it each (hours, not seconds).
      await client.query("ANALYZE admin_unit; ANALYZE admin_unit_closure");
      const { rows } = await client.query<{ id: number; code: string }>("SELECT id, code FROM admin_unit WHERE level = $1", [level[0]?.level ?? "PROVINCE"]);
      for (const row of rows) ids.set(row.code, row.id);
      if (level[0]?.level === "RESIDENTIAL_GROUP") groupCount = level.length;
    }
    step(`${ids.size.toLocaleString("en")} units`);

    await client.query(`INSERT INTO team (code, name, unit_id, updated_at) SELECT 'TCNS-' || code, 'Tổ công nghệ số ' || name, id, now() FROM admin_unit WHERE level = 'RESIDENTIAL_GROUP'`);
    const teams = await client.query<{ id: number }>("SELECT id FROM team ORDER BY id");
    const affiliations = ["PARTY_CELL", "RESIDENTIAL_GROUP_HEAD", "FATHERLAND_FRONT", "WOMENS_UNION", "VETERANS", "YOUTH_UNION", "STUDENT_VOLUNTEER", "POLICE", "TECH_COMPANY", "OTHER"];
    await copyRows(
      client,
      "COPY team_member (team_id, full_name, role, affiliation, birth_year, gender, phone, trained_on, updated_at) FROM STDIN",
      (function* () {
        for (const { id } of teams.rows) {
          for (let m = 0, size = random.int(4, 9); m < size; m += 1) {
            yield [id, `Thành viên ${m + 1}`, m === 0 ? "LEADER" : m === 1 ? "DEPUTY" : "MEMBER", affiliations[random.int(0, 9)], random.int(1950, 2006), random.chance(0.5) ? "MALE" : "FEMALE", `09${String(random.int(0, 99_999_999)).padStart(8, "0")}`, random.chance(0.7) ? "2025-09-15" : null, "2026-01-01"];
          }
        }
      })(),
    );
    step("teams and members");

    // The teams' activity log: 0–3 records a month (one team in ten silent for its last three months).
    const activityTeams = (await client.query<{ id: number; unit_id: number }>("SELECT id, unit_id FROM team ORDER BY id")).rows;
    let activityCount = 0;
    await copyRows(
      client,
      "COPY activity (id, team_id, unit_id, occurred_on, kind, place, helped_vneid, helped_signature, helped_online_filing, helped_cashless, helped_bank_account, helped_health_book, helped_other, procedures, apps_installed, attendees, created_by, updated_at) FROM STDIN",
      (function* () {
        const kinds = ["HOME_VISITS", "HOME_VISITS", "HOME_VISITS", "ONE_STOP_DUTY", "CAMPAIGN_DAY", "TRAINING", "COMMUNITY_MEETING", "OTHER"];
        const periods = months();
        for (const team of activityTeams) {
          const silentFrom = random.chance(0.1) ? periods.length - 3 : periods.length;
          for (let index = 0; index < silentFrom; index += 1) {
            const period = periods[index];
            for (let n = random.int(0, 3); n > 0; n -= 1) {
              activityCount += 1;
              const kind = kinds[random.int(0, kinds.length - 1)];
              const day = `${Math.floor(period / 100)}-${String(period % 100).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
              yield [activityCount, team.id, team.unit_id, day, kind, "Nhà văn hóa thôn", random.int(0, 8), random.int(0, 5), random.int(0, 6), random.int(0, 5), random.int(0, 3), random.int(0, 3), random.int(0, 2), random.int(0, 4), random.int(0, 6), kind === "TRAINING" ? random.int(10, 40) : null, "bench", "2026-01-01"];
            }
          }
        }
      })(),
    );
    await client.query("SELECT setval('activity_id_seq', $1)", [activityCount + 1]);
    // Two or three of the team's members took part in each.
    const participations = await client.query(
      `INSERT INTO activity_member (activity_id, member_id)
       SELECT a.id, m.id FROM activity a
       JOIN (SELECT id, team_id, row_number() OVER (PARTITION BY team_id ORDER BY id) AS n FROM team_member) m ON m.team_id = a.team_id AND m.n <= 2 + a.id % 2`,
    );
    step(`${activityCount.toLocaleString("en")} activities, ${(participations.rowCount ?? 0).toLocaleString("en")} participations`);

    const elements = (await client.query<{ id: number; code: string; collection_level: string }>("SELECT id, code, collection_level::text FROM data_element")).rows;
    const byCode = new Map(elements.map((element) => [element.code, element.id]));
    const groupIds = [...ids].filter(([code]) => /-W\d+-\d+$/.test(code)).map(([, id]) => id);
    const wardIds = [...ids].filter(([code]) => /-W\d+$/.test(code)).map(([, id]) => id);
    const periods = months();
    await client.query("DROP INDEX data_value_period_id_element_id_idx");
    await client.query("ALTER TABLE data_value DROP CONSTRAINT IF EXISTS data_value_unit_id_period_id_element_id_key");
    await client.query("DROP INDEX IF EXISTS data_value_unit_id_period_id_element_id_key");
    let valueCount = 0;
    // Tens of millions of rows: skip the per-row foreign-key checks and the statement triggers'
    // transition tables during the copy (the generator writes only valid keys, and the roll-ups
    // are built at the end). Needs a superuser, as the embedded cluster's is; elsewhere it is skipped.
    const replica = await client.query("SET session_replication_role = replica").then(
      () => true,
      () => false,
    );
    await copyRows(
      client,
      "COPY data_value (unit_id, period_id, element_id, value, updated_at) FROM STDIN",
      (function* () {
        for (const unitId of groupIds) {
          const people = random.int(400, 2500);
          const adults = Math.round(people * random.between(0.68, 0.8));
          const households = Math.round(people / random.between(3.2, 4.2));
          const merchants = random.int(0, 60);
          const start = random.between(0.15, 0.45);
          const growth = random.between(0.003, 0.012);
          for (const [index, period] of periods.entries()) {
            const share = (base: number) => Math.min(adults, Math.round(adults * Math.min(0.98, base + growth * index)));
            const figures: [string, number][] = [
              ["PEOPLE", people], ["ADULTS", adults], ["ADULTS_DIGITAL_SIGNATURE", share(start)], ["ADULTS_VNEID_L2", share(start + 0.35)],
              ["ADULTS_SMARTPHONE", share(start + 0.4)], ["ADULTS_CASHLESS", share(start + 0.2)], ["ADULTS_ONLINE_PUBLIC_SERVICE", share(start + 0.1)],
              ["ADULTS_BANK_ACCOUNT", share(start + 0.38)], ["PEOPLE_EHEALTH", Math.round(people * Math.min(0.95, start + 0.4 + growth * index))],
              ["HOUSEHOLDS", households], ["HOUSEHOLDS_FIBRE", Math.round(households * Math.min(0.95, start + 0.35))], ["MERCHANTS", merchants],
              ["MERCHANTS_QR", Math.round(merchants * Math.min(1, start + 0.4))], ["RESIDENTS_HELPED", (unitId * 31 + index * 7) % 60], ["TRAINING_SESSIONS", (unitId + index) % 4],
            ];
            for (const [code, value] of figures) {
              valueCount += 1;
              yield [unitId, period, byCode.get(code)!, value, "2026-01-01"];
            }
          }
        }
        for (const unitId of wardIds) {
          for (const period of periods) {
            const total = 150 + ((unitId * 13 + period) % 300);
            valueCount += 2;
            yield [unitId, period, byCode.get("DOSSIERS_TOTAL")!, total, "2026-01-01"];
            yield [unitId, period, byCode.get("DOSSIERS_ONLINE")!, Math.round(total * (0.45 + ((unitId + period) % 20) / 100)), "2026-01-01"];
          }
        }
      })(),
    );
    step(`${valueCount.toLocaleString("en")} figures copied${replica ? " (foreign-key checks skipped)" : ""}`);
    await client.query(`CREATE UNIQUE INDEX data_value_unit_id_period_id_element_id_key ON data_value (unit_id, period_id, element_id)`);
    await client.query(`CREATE INDEX data_value_period_id_element_id_idx ON data_value (period_id, element_id)`);
    step("indexes");
    // Reports: every month approved but the last, which is submitted.
    await client.query(
      `INSERT INTO period_report (unit_id, period_id, status, version, updated_at)
       SELECT u.id, p.id, CASE WHEN p.id = $1 THEN 'SUBMITTED'::"ReportStatus" ELSE 'APPROVED'::"ReportStatus" END, 1, now()
       FROM admin_unit u CROSS JOIN unnest($2::int[]) AS p(id) WHERE u.level IN ('WARD', 'RESIDENTIAL_GROUP')`,
      [BENCH_LAST_MONTH, periods],
    );
    if (replica) await client.query("SET session_replication_role = origin");
    step("reports");
    await client.query("SET tcns.defer_rollups = 'off'");
    // Tens of millions of roll-up rows load far faster into a table without its key, which is built after.
    await client.query("ALTER TABLE rollup_value DROP CONSTRAINT rollup_value_pkey");
    await client.query("SELECT rollup_rebuild()");
    await client.query("ALTER TABLE rollup_value ADD CONSTRAINT rollup_value_pkey PRIMARY KEY (unit_id, period_id, element_id)");
    step("roll-ups built");
    await client.query("VACUUM ANALYZE");
    step("vacuum analyze");
    return { url, groups: groupCount, values: valueCount };
  } finally {
    await client.end();
    await server.close();
  }
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (require.main === module) {
  const scale = (argument("scale") ?? "district") as Scale;
  if (!(scale in SCALES)) {
    console.error("Cách dùng / Usage: npm run bench:seed -- --scale district|province|national [--seed N]");
    process.exit(2);
  }
  const started = Date.now();
  generate(scale, Number(argument("seed") ?? 2026)).then(
    ({ groups, values }) => {
      console.log(`${scale}: ${groups.toLocaleString("en")} residential groups, ${values.toLocaleString("en")} figures in ${((Date.now() - started) / 1000).toFixed(0)} s (${benchDatabaseName(scale)})`);
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
