/**
 * `npm run db:backup` and `npm run db:restore`, run as an operator runs them:
 * a backup of the demo database restored into an empty one gives the same
 * rows, the same dashboard figures and sound roll-ups; a restore never
 * overwrites data unasked and never leaves half a backup behind.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { Client } from "pg";
import { connectDatabase, db } from "@/lib/db";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { verifyRollups } from "@/lib/dashboard/verify-rollups";
import { seedDatabase } from "@/prisma/seed/seed";
import { findFreePort } from "@/lib/ports.mjs";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { currentDatabaseUrl } from "../setup/database-per-file";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../..");
const NOW = new Date("2026-11-20T08:00:00Z");
const nationalAdmin = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };
let dir: string;
let backupFile: string;
const extraDatabases: TestDatabase[] = [];

function npmScript(script: "backup" | "restore", args: string[], env: Record<string, string | undefined>) {
  const run = spawnSync(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", `lib/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** Every table's row count and a digest of its whole content, read straight from PostgreSQL. */
async function contents(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const row = await client.query(`SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`);
      result[name] = `${row.rows[0].n} ${row.rows[0].digest}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

/** The dashboards of the province and each district for the default month, as the app computes them. */
async function dashboards(url: string) {
  connectDatabase(url);
  const units = await db.adminUnit.findMany({ where: { level: { in: ["PROVINCE", "DISTRICT"] } }, select: { code: true }, orderBy: { code: "asc" } });
  const result: Record<string, unknown> = {};
  for (const { code } of units) {
    const dashboard = await getDashboard(nationalAdmin, code, {}, NOW);
    if (!dashboard.ok) throw new Error(dashboard.error.message);
    result[code] = { cards: dashboard.cards, children: dashboard.children, trend: dashboard.trend };
  }
  return result;
}

async function emptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ empty: true });
  extraDatabases.push(database);
  return database;
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true, anchor: 202610 }); // the demo as a first start in November 2026 (NOW) makes it
  dir = mkdtempSync(path.join(os.tmpdir(), "tcns-backup-"));
  // mkdtemp makes the folder private to root; the embedded PostgreSQL runs as the postgres user.
  chmodSync(dir, 0o755);
  backupFile = path.join(dir, "demo.tcns.gz");
  const made = npmScript("backup", [backupFile], { DATABASE_URL: currentDatabaseUrl() });
  expect(made).toMatchObject({ status: 0 });
  expect(made.out).toContain("Đã sao lưu");
});

afterAll(async () => {
  connectDatabase(currentDatabaseUrl());
  for (const database of extraDatabases) await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  it("write a private, complete file", () => {
    expect(statSync(backupFile).mode & 0o077).toBe(0);
    const text = gunzipSync(readFileSync(backupFile)).toString("utf8");
    expect(text.startsWith("TCNS-BACKUP 1 ")).toBe(true);
    expect(text.trimEnd().split("\n").at(-1)).toMatch(/^END \{"rows":/);
  });

  it("restore into an empty database the same rows, the same dashboard figures and sound roll-ups", async () => {
    const target = await emptyDatabase();
    const restored = npmScript("restore", [backupFile], { DATABASE_URL: target.url });
    expect(restored).toMatchObject({ status: 0 });
    expect(restored.out).toContain("Đã khôi phục");

    const [before, after] = [await contents(currentDatabaseUrl()), await contents(target.url)];
    expect(Number(before.data_value.split(" ")[0])).toBeGreaterThan(1000);
    expect(after).toEqual(before);

    const original = await dashboards(currentDatabaseUrl());
    expect(await dashboards(target.url)).toEqual(original);
    const { differences } = await verifyRollups();
    expect(differences).toEqual([]);
    // The sequences continue after the restored ids: a new row does not collide with a restored one.
    await expect(db.auditLog.create({ data: { actorName: "system", action: "test.after_restore", entityType: "backup" } })).resolves.toBeTruthy();
  });

  it("refuse a database that holds data unless asked to replace it, and then replace all of it", async () => {
    const target = await emptyDatabase();
    expect(npmScript("restore", [backupFile], { DATABASE_URL: target.url }).status).toBe(0);
    const client = new Client({ connectionString: target.url });
    await client.connect();
    try {
      await client.query("UPDATE data_value SET value = value + 1 WHERE id IN (SELECT id FROM data_value ORDER BY id LIMIT 5)");
      const changed = await contents(target.url);

      const refused = npmScript("restore", [backupFile], { DATABASE_URL: target.url });
      expect(refused.status).toBe(1);
      expect(refused.out).toContain("đã có dữ liệu");
      expect(refused.out).toContain("--replace");
      expect(await contents(target.url)).toEqual(changed);

      expect(npmScript("restore", [backupFile, "--replace"], { DATABASE_URL: target.url }).status).toBe(0);
      expect(await contents(target.url)).toEqual(await contents(currentDatabaseUrl()));
    } finally {
      await client.end();
    }
  });

  it("restore nothing from a file cut short or not a backup, and say so", async () => {
    const target = await emptyDatabase();
    const bytes = readFileSync(backupFile);
    const cut = path.join(dir, "cut.tcns.gz");
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const failed = npmScript("restore", [cut], { DATABASE_URL: target.url });
    expect(failed.status).toBe(1);
    expect(failed.out).toContain("bị cắt cụt hoặc hỏng");
    // Only the calendar of months that the migrations write is there.
    const counts = Object.entries(await contents(target.url)).filter(([name]) => name !== "period").map(([, entry]) => entry.split(" ")[0]);
    expect(counts.length).toBeGreaterThan(10);
    expect(new Set(counts)).toEqual(new Set(["0"]));

    const stranger = path.join(dir, "notes.txt");
    writeFileSync(stranger, "not a backup");
    const refused = npmScript("restore", [stranger], { DATABASE_URL: target.url });
    expect(refused.status).toBe(1);
    expect(refused.out).toContain("không phải tệp gzip");
    // The schema is there and still empty: the full backup now goes in.
    expect(npmScript("restore", [backupFile], { DATABASE_URL: target.url }).status).toBe(0);
    expect(await contents(target.url)).toEqual(await contents(currentDatabaseUrl()));
  });

  it("work on the embedded database of `npm start` when DATABASE_URL is unset", async () => {
    const embedded = { DATABASE_URL: undefined, DATA_DIR: path.join(dir, "embedded-data"), EMBEDDED_DB_PORT: String(await findFreePort()) };
    const restored = npmScript("restore", [backupFile], embedded);
    expect(restored).toMatchObject({ status: 0 });
    const again = path.join(dir, "from-embedded.tcns.gz");
    expect(npmScript("backup", [again], embedded)).toMatchObject({ status: 0 });
    const endLine = (file: string) => gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n").at(-1);
    expect(endLine(again)).toEqual(endLine(backupFile));
  });
});
