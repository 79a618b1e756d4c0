/**
 * Finds the database a command-line tool should act on: DATABASE_URL when set;
 * otherwise the project's embedded database, reusing the one `npm start` runs
 * or starting it just for the command.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../env";
import { placeCluster, runningPostmasterPid, startEmbeddedPostgres } from "../embedded-postgres.mjs";

export const APP_DATABASE = "tocongnghe";

/** Where the embedded cluster's files are asked to live; placeCluster() may put them elsewhere (see postgres-user.mjs). */
export function embeddedDataDir(): string {
  return path.join(getEnv().DATA_DIR, "postgres");
}

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Stops the embedded cluster if this command started it. */
  release: () => Promise<void>;
}

export async function openCliDatabase(): Promise<DatabaseHandle> {
  const env = getEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, release: async () => {} };

  const dataDir = placeCluster(embeddedDataDir()).dir;
  if (runningPostmasterPid(dataDir)) {
    // postmaster.pid line 4 holds the port of the running cluster.
    const port = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
    return {
      url: `postgresql://postgres:postgres@127.0.0.1:${port}/${APP_DATABASE}`,
      embedded: true,
      release: async () => {},
    };
  }
  const cluster = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_DB_PORT });
  await cluster.ensureDatabase(APP_DATABASE);
  return { url: cluster.url(APP_DATABASE), embedded: true, release: () => cluster.stop() };
}

/** Runs a command body against the CLI database and exits with a clear message on failure. */
export async function runCli(body: (url: string) => Promise<number | void>): Promise<void> {
  let handle: DatabaseHandle | undefined;
  let exitCode = 0;
  try {
    handle = await openCliDatabase();
    exitCode = (await body(handle.url)) ?? 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    exitCode = 1;
  } finally {
    await handle?.release().catch(() => {});
  }
  process.exit(exitCode);
}
