/**
 * The real app for browser tests: the production build (made if missing or
 * stale), served by `next start` on a free port against a fresh database
 * seeded with the demo data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { createPrismaClient } from "@/lib/db";
import { findFreePort } from "@/lib/ports.mjs";
import { needsBuild, nextBinary, PROJECT_ROOT } from "@/lib/cli/build-state";
import { seedDatabase } from "@/prisma/seed/seed";
import { createTestDatabase, type TestDatabase } from "../../setup/test-database";

export interface TestApp {
  baseUrl: string;
  database: TestDatabase;
  stop: () => Promise<void>;
}

export interface PlainResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
}

/** One HTTP request without keep-alive, so no socket outlives the test; status 0 when nothing listens. */
export function httpRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<PlainResponse> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    request.on("error", () => resolve({ status: 0, headers: {} }));
    request.end(options.body);
  });
}

export async function startTestApp(): Promise<TestApp> {
  // The e2e project's global setup built the app once for all browser-test files.
  if (needsBuild()) throw new Error("The production build is missing or stale: run the browser tests through `npm test`.");
  const database = await createTestDatabase();
  const prisma = createPrismaClient(database.url);
  try {
    await seedDatabase(prisma, { demo: true });
  } finally {
    await prisma.$disconnect();
  }
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, [nextBinary(), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error("the app server exited during start-up");
    const { status } = await httpRequest(`${baseUrl}/sign-in`);
    if (status > 0 && status < 500) break;
    if (Date.now() > deadline) throw new Error("the app server did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    baseUrl,
    database,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
      }
      await database.drop();
    },
  };
}
