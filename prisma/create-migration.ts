/**
 * `npm run db:migration:create -- <name>`: writes the SQL that takes the schema
 * of the newest migration (kept in schema-snapshot.prisma) to the current
 * schema.prisma. Review the SQL before committing; hand-written additions
 * (triggers, CHECK constraints) go at its end.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { runCli } from "../lib/cli/database";
import { diffSchemas, MIGRATIONS_DIR, SCHEMA_PATH, SNAPSHOT_PATH } from "./schema-engine";

const name = process.argv[2];

void runCli(async (url) => {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Cách dùng / Usage: npm run db:migration:create -- <name_in_snake_case>");
    return 2;
  }
  const current = await readFile(SCHEMA_PATH, "utf8");
  const previous = existsSync(SNAPSHOT_PATH) ? await readFile(SNAPSHOT_PATH, "utf8") : null;
  const sql = await diffSchemas(url, previous, current);
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log("Không có thay đổi nào trong schema.prisma. / No schema changes.");
    return 0;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(SNAPSHOT_PATH, current);
  if (!existsSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"))) {
    await writeFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
  }
  console.log(`Đã tạo / Created ${path.relative(process.cwd(), dir)}/migration.sql`);
});
