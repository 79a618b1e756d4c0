/**
 * A database for one bench run: created and dropped on BENCH_DATABASE_URL's
 * server, or a fresh embedded PostgreSQL in a temporary directory.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { findFreePort, startEmbeddedPostgres } from "../../lib/embedded-postgres.mjs";

export async function benchDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL;
  const name = `tcns_bench_${process.pid}`;
  if (server) {
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      close: async () => {
        const again = new Client({ connectionString: server });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-bench-"));
  chmodSync(dir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await findFreePort() });
  await cluster.ensureDatabase(name);
  return {
    url: cluster.url(name),
    close: async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
