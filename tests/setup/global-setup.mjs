// Once per `npm test`: a real PostgreSQL for the suite. TEST_DATABASE_URL names
// a server to use (any database on it; the suite creates and drops its own);
// otherwise an embedded cluster starts in a temporary directory, apart from the
// data of `npm start`. A template database holds the migrated schema so that
// every test file gets a fresh copy in a fraction of a second.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { findFreePort, startEmbeddedPostgres } from "../../lib/embedded-postgres.mjs";

export default async function globalSetup() {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-test-pg-"));
    // mkdtemp makes the folder private to root; PostgreSQL runs as the postgres user.
    chmodSync(dir, 0o755);
    const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await findFreePort() });
    adminUrl = cluster.url("postgres");
    globalThis.__tcnsTestCluster = { cluster, dir };
  }
  const template = `tcns_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, template);
  // The same command an operator runs: `npm run db:migrate` against the template.
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
  execFileSync(process.execPath, [tsxCli, "--conditions=react-server", "prisma/migrate.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: templateUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });

  process.env.TCNS_TEST_ADMIN_URL = adminUrl;
  process.env.TCNS_TEST_TEMPLATE = template;
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function stopTestCluster() {
  const state = globalThis.__tcnsTestCluster;
  if (!state) return;
  await state.cluster.stop();
  rmSync(state.dir, { recursive: true, force: true });
}
