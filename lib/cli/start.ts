/**
 * `npm start`: one command from a fresh clone to a running platform.
 *
 * Without DATABASE_URL it runs an embedded PostgreSQL whose files live in
 * .data/postgres, applies the migrations, seeds the demo data on the first run
 * only, builds the app when the sources changed, serves it and prints where to
 * sign in. Ctrl-C stops the app and then PostgreSQL, cleanly.
 * With DATABASE_URL it only checks that the database is migrated and serves.
 * `npm run dev` does the same with the Next.js development server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { ConfigError, getEnv } from "../env";
import { isPortInUse, startEmbeddedPostgres, EmbeddedDatabaseError } from "../embedded-postgres.mjs";
import { createPrismaClient } from "../db";
import { applyMigrations, listMigrations } from "../../prisma/schema-engine";
import { seedDatabase } from "../../prisma/seed/seed";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-places";
import { APP_DATABASE, embeddedDataDir } from "./database";
import { needsBuild, nextBinary, PROJECT_ROOT, withAppHeapLimit } from "./build-state";
import { waitForServer } from "./http-probe";

const ROOT = PROJECT_ROOT;
const devMode = process.argv.includes("--dev");

class StartError extends Error {}

/** Stops the embedded PostgreSQL if this process started it; module-wide so that the last-resort handler can call it too. */
let stopDatabase: () => Promise<void> = async () => {};

function log(message: string) {
  console.log(`[tcns] ${message}`);
}

/** The auth secret: from the environment, else generated once and kept beside the data. */
function authSecret(dataDir: string): string {
  const configured = getEnv().NEXTAUTH_SECRET;
  if (configured) return configured;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(48).toString("base64url");
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
  } catch (error) {
    throw new StartError(
      `Không ghi được vào thư mục dữ liệu ${dataDir} (${(error as NodeJS.ErrnoException).code}). Chọn thư mục khác: DATA_DIR=/đường/dẫn npm start\n` +
        `Cannot write to the data folder ${dataDir} (${(error as NodeJS.ErrnoException).code}). Choose another: DATA_DIR=/some/path npm start`,
    );
  }
  log(`Đã tạo khóa bí mật đăng nhập mới tại ${path.relative(ROOT, file)}. / Generated a new auth secret.`);
  return secret;
}

function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBinary(), ...args], { cwd: ROOT, env, stdio: "inherit" });
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** With an external database: refuse to serve a schema older than the code, and say how to fix it. */
async function checkExternalDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 8000 });
  try {
    await client.connect();
  } catch (error) {
    throw new StartError(
      `Không kết nối được cơ sở dữ liệu trong DATABASE_URL: ${(error as Error).message}\n` +
        `Could not connect to DATABASE_URL. Check the host, port, user, password and database name.`,
    );
  }
  try {
    const applied = await client
      .query<{ migration_name: string }>("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL")
      .then((result) => new Set(result.rows.map((row) => row.migration_name)))
      .catch(() => new Set<string>());
    const expected = (await listMigrations()).migrationDirectories.map((entry) => entry.path);
    const missing = expected.filter((name) => !applied.has(name));
    if (missing.length > 0) {
      throw new StartError(
        `Cơ sở dữ liệu chưa được cập nhật (${missing.length} migration chưa áp dụng). Chạy: npm run db:migrate\n` +
          `The database is behind (${missing.length} pending migrations). Run: npm run db:migrate`,
      );
    }
  } finally {
    await client.end();
  }
}

function printBanner(address: string, embedded: boolean) {
  const lines = [
    "",
    "──────────────────────────────────────────────────────────────",
    ` Nền tảng Tổ công nghệ số cộng đồng đang chạy / The platform is running`,
    ` Mở / Open:  ${address}`,
  ];
  if (embedded) {
    lines.push(` Tài khoản mẫu / Demo logins (mật khẩu / password: ${DEMO_PASSWORD})`);
    for (const user of DEMO_USERS) lines.push(`   ${user.username.padEnd(20)} ${user.fullName}`);
  }
  lines.push(" Dừng / Stop: Ctrl-C", "──────────────────────────────────────────────────────────────", "");
  console.log(lines.join("\n"));
}

async function main(): Promise<number> {
  const env = getEnv();
  const started = Date.now();
  if (await isPortInUse(env.PORT)) {
    throw new StartError(
      `Cổng ${env.PORT} đang bị chiếm (có thể nền tảng đã chạy). Dừng chương trình đó, hoặc chọn cổng khác: PORT=3001 npm start\n` +
        `Port ${env.PORT} is in use (is the platform already running?). Stop it or choose another: PORT=3001 npm start`,
    );
  }

  let databaseUrl: string;
  const embedded = !env.DATABASE_URL;
  if (env.DATABASE_URL) {
    databaseUrl = env.DATABASE_URL;
    await checkExternalDatabase(databaseUrl);
    log("Dùng cơ sở dữ liệu trong DATABASE_URL. / Using DATABASE_URL.");
  } else {
    log("Khởi động cơ sở dữ liệu nhúng… / Starting the embedded PostgreSQL…");
    const cluster = await startEmbeddedPostgres({ dataDir: embeddedDataDir(), port: env.EMBEDDED_DB_PORT });
    stopDatabase = () => cluster.stop();
    if (cluster.relocated || cluster.binariesCopiedTo) {
      log(
        `Người dùng postgres không vào được thư mục dự án, nên cơ sở dữ liệu nằm ở ${cluster.dataDir}` +
          (cluster.binariesCopiedTo ? ` và chạy bản sao máy chủ ở ${cluster.binariesCopiedTo}` : "") +
          `.\n       The postgres user cannot enter the project folder, so the database lives in ${cluster.dataDir}` +
          (cluster.binariesCopiedTo ? ` and runs a copy of the server from ${cluster.binariesCopiedTo}` : "") +
          ".",
      );
    } else {
      log(`Dữ liệu ở / Data in: ${cluster.dataDir}`);
    }
    try {
      await cluster.ensureDatabase(APP_DATABASE);
      databaseUrl = cluster.url(APP_DATABASE);
      const applied = await applyMigrations(databaseUrl);
      if (applied.length > 0) log(`Đã áp dụng migration / Applied migrations: ${applied.join(", ")}`);
      const prisma = createPrismaClient(databaseUrl);
      try {
        const result = await seedDatabase(prisma, { demo: true });
        if (result.seeded) log("Đã nạp dữ liệu mẫu (lần chạy đầu). / Seeded the demo data (first run).");
      } finally {
        await prisma.$disconnect();
      }
    } catch (error) {
      await stopDatabase();
      throw error;
    }
  }

  // The heap cap is the app server's (see APP_HEAP_MB); the build's TypeScript step needs more than it.
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: authSecret(env.DATA_DIR),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(env.PORT),
  };

  let stopping = false;
  let child: ChildProcess | undefined;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`Đang dừng (${signal})… / Stopping…`);
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await waitForExit(child);
    }
    await stopDatabase();
    log("Đã dừng. / Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    if (!devMode && needsBuild()) {
      log("Đang build ứng dụng (chỉ khi mã nguồn thay đổi)… / Building the app…");
      const build = runNext(["build"], { ...childEnv, NODE_ENV: "production" });
      child = build;
      const code = await waitForExit(build);
      if (code !== 0) throw new StartError("Build thất bại; xem lỗi ở trên. / The build failed; see above.");
    }
    if (stopping) return 0;
    child = runNext(devMode ? ["dev", "-p", String(env.PORT)] : ["start", "-p", String(env.PORT)], {
      ...(devMode ? childEnv : withAppHeapLimit(childEnv)),
      NODE_ENV: devMode ? "development" : "production",
    });
    const address = `http://localhost:${env.PORT}`;
    const timeoutMs = devMode ? 180_000 : 60_000;
    const outcome = await waitForServer(`${address}/sign-in`, child, timeoutMs);
    if (outcome === "exited") throw new StartError("Máy chủ ứng dụng đã dừng khi đang khởi động. / The app server exited during start-up.");
    if (outcome === "timeout") throw new StartError(`Máy chủ không trả lời sau ${timeoutMs / 1000} giây. / The server did not answer in time.`);
    log(`Sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} giây. / Ready.`);
    printBanner(address, embedded);
    const code = await waitForExit(child);
    if (!stopping) {
      await stopDatabase();
      return code;
    }
    return 0;
  } catch (error) {
    if (child && child.exitCode === null) child.kill("SIGTERM");
    await stopDatabase();
    throw error;
  }
}

/**
 * What a user sees when start fails: the message of a failure we foresaw; for
 * anything else, its one-line cause and where to find more (TCNS_DEBUG=1 prints
 * the stack), never a bare stack trace.
 */
function failureMessage(error: unknown): string {
  const known = error instanceof StartError || error instanceof ConfigError || error instanceof EmbeddedDatabaseError;
  if (known) return (error as Error).message;
  if (process.env.TCNS_DEBUG) return String((error as Error)?.stack ?? error);
  return (
    `Khởi động thất bại: ${(error as Error)?.message ?? error}\n` +
    `Start failed: ${(error as Error)?.message ?? error}\n` +
    "Chạy lại với TCNS_DEBUG=1 để xem chi tiết; xem mục «Khi khởi động lỗi» trong README. / Run again with TCNS_DEBUG=1 for details; see «When start fails» in the README."
  );
}

let failing = false;
async function fail(error: unknown): Promise<never> {
  if (!failing) {
    failing = true;
    console.error(`\n[tcns] ${failureMessage(error)}`);
    await stopDatabase().catch(() => {});
  }
  process.exit(1);
}

// A child process that cannot be spawned (EACCES, ENOENT) surfaces as an 'error' event nobody listens to.
process.on("uncaughtException", (error) => void fail(error));
process.on("unhandledRejection", (error) => void fail(error));

main()
  .then((code) => {
    if (code !== 0) process.exit(code);
  })
  .catch(fail);
