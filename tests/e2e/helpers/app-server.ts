/**
 * The real app for browser tests: the production build (made if missing or
 * stale), served by `next start` on a free port against a fresh database
 * seeded with the demo data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@/lib/db";
import { findFreePort } from "@/lib/ports.mjs";
import { needsBuild, nextBinary, PROJECT_ROOT, withAppHeapLimit } from "@/lib/cli/build-state";
import { waitForServer } from "@/lib/cli/http-probe";

export { httpRequest } from "@/lib/cli/http-probe";
import { seedDatabase } from "@/prisma/seed/seed";
import { createTestDatabase, type TestDatabase } from "../../setup/test-database";
import { LATEST } from "./demo-months";

export interface TestApp {
  baseUrl: string;
  database: TestDatabase;
  /** The `next start` process, for the load test's memory readings. */
  serverPid: number;
  stop: () => Promise<void>;
}

export interface ServedApp {
  baseUrl: string;
  server: ChildProcess;
  /** Stops `next start` (SIGTERM) and waits for it to exit. */
  stop: () => Promise<void>;
}

export interface ServeOptions {
  /** A restart keeps the port and the session key, as a real server does: open pages and sessions carry on. */
  port?: number;
  secret?: string;
}

/** `next start` of the production build (on a free port unless given), against the given database. */
export async function serveApp(databaseUrl: string, options: ServeOptions = {}): Promise<ServedApp & Required<ServeOptions>> {
  // The e2e project's global setup built the app once for all browser-test files.
  if (needsBuild()) throw new Error("The production build is missing or stale: run the browser tests through `npm test`.");
  const port = options.port ?? (await findFreePort());
  const secret = options.secret ?? randomBytes(32).toString("hex");
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, [nextBinary(), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    env: {
      ...withAppHeapLimit(process.env),
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const outcome = await waitForServer(`${baseUrl}/sign-in`, server, 60_000);
  if (outcome !== "ready") throw new Error(outcome === "exited" ? "the app server exited during start-up" : "the app server did not answer within 60 s");
  return {
    baseUrl,
    server,
    port,
    secret,
    stop: async () => {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    },
  };
}

/** Demo data in a fresh database. */
export async function seedDemo(databaseUrl: string): Promise<void> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    await seedDatabase(prisma, { demo: true, anchor: LATEST });
  } finally {
    await prisma.$disconnect();
  }
}

export async function startTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  await seedDemo(database.url);
  const app = await serveApp(database.url);
  return {
    baseUrl: app.baseUrl,
    database,
    serverPid: app.server.pid!,
    stop: async () => {
      await app.stop();
      await database.drop();
    },
  };
}
