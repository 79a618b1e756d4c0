import { cp, mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { applyMigrations, listMigrations, MIGRATIONS_DIR } from "@/prisma/schema-engine";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

describe("migrations through the offline schema engine", () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase({ empty: true });
  });
  afterAll(() => empty.drop());

  async function query<T extends object>(sql: string): Promise<T[]> {
    const client = new Client({ connectionString: empty.url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it("applies every migration to an empty database, recording them as the Prisma CLI does", async () => {
    const expected = (await listMigrations()).migrationDirectories.map((entry) => entry.path);
    expect(expected.length).toBeGreaterThan(0);
    expect(await applyMigrations(empty.url)).toEqual(expected);

    const recorded = await query<{ migration_name: string; finished: boolean }>(
      "SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(recorded).toEqual(expected.map((name) => ({ migration_name: name, finished: true })));
    const tables = (await query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).map((t) => t.tablename);
    expect(tables).toEqual(expect.arrayContaining(["admin_unit", "admin_unit_closure", "team", "team_member", "data_value", "target", "app_user", "audit_log"]));
    // The calendar of months is part of the schema.
    expect(await query("SELECT id FROM period WHERE id IN (201501, 202610, 204012) ORDER BY id")).toEqual([{ id: 201501 }, { id: 202610 }, { id: 204012 }]);
  });

  it("re-applies as a no-op", async () => {
    expect(await applyMigrations(empty.url)).toEqual([]);
    expect(await query("SELECT count(*)::int AS n FROM period")).toEqual([{ n: 312 }]);
  });

  it("applies a new migration on top of the existing ones, and only that one", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "tcns-migrations-"));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await mkdir(path.join(dir, "29991231000000_probe"));
      await writeFile(path.join(dir, "29991231000000_probe", "migration.sql"), 'ALTER TABLE "team" ADD COLUMN "probe_note" TEXT;');
      expect(await applyMigrations(empty.url, dir)).toEqual(["29991231000000_probe"]);
      expect(await applyMigrations(empty.url, dir)).toEqual([]);
      expect(await query("SELECT column_name FROM information_schema.columns WHERE table_name = 'team' AND column_name = 'probe_note'")).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("upgrades a database where two active teams share a unit: the oldest stays, the other is deactivated and audited", async () => {
    const target = await createTestDatabase({ empty: true });
    const all = (await listMigrations()).migrationDirectories.map((entry) => entry.path);
    const index = all.indexOf("20261202135149_ward_reporting");
    expect(index).toBeGreaterThan(0);
    try {
      await applyMigrations(target.url, MIGRATIONS_DIR, all.slice(0, index));
      const client = new Client({ connectionString: target.url });
      await client.connect();
      try {
        const { rows: [unit] } = await client.query(`INSERT INTO admin_unit (code, name, level, kind, updated_at) VALUES ('G', 'Thôn G', 'RESIDENTIAL_GROUP', 'Thôn', now()) RETURNING id`);
        await client.query(`INSERT INTO team (code, name, unit_id, updated_at) VALUES ('T-OLD', 'Tổ cũ', $1, now()), ('T-NEW', 'Tổ mới', $1, now())`, [unit.id]);
        expect(await applyMigrations(target.url, MIGRATIONS_DIR, all.slice(index))).toEqual(all.slice(index));
        expect((await client.query(`SELECT code, active FROM team ORDER BY id`)).rows).toEqual([{ code: "T-OLD", active: true }, { code: "T-NEW", active: false }]);
        expect((await client.query(`SELECT action, entity_id, after FROM audit_log`)).rows).toEqual([{ action: "teams.deactivate", entity_id: "T-NEW", after: { active: false, keptTeam: "T-OLD" } }]);
      } finally {
        await client.end();
      }
    } finally {
      await target.drop();
    }
  });

  it("rolls back a failing migration whole, leaving none of its statements behind", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "tcns-migrations-"));
    const target = await createTestDatabase();
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await mkdir(path.join(dir, "29991231000001_broken"));
      await writeFile(
        path.join(dir, "29991231000001_broken", "migration.sql"),
        'CREATE TABLE "half_done" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;',
      );
      await expect(applyMigrations(target.url, dir)).rejects.toThrow(/no_such_table/);
      const client = new Client({ connectionString: target.url });
      await client.connect();
      const { rows } = await client.query("SELECT to_regclass('half_done') AS t");
      await client.end();
      expect(rows).toEqual([{ t: null }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await target.drop();
    }
  });
});
