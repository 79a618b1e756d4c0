/** The production build served by `next start` on a free port against the database at hand; built first if the sources changed. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { needsBuild, nextBinary, PROJECT_ROOT, withAppHeapLimit } from "../../lib/cli/build-state";
import { waitForServer } from "../../lib/cli/http-probe";
import { findFreePort } from "../../lib/ports.mjs";

export interface BenchApp {
  baseUrl: string;
  server: ChildProcess;
  stop: () => Promise<void>;
}

export async function startBenchApp(databaseUrl: string): Promise<BenchApp> {
  if (needsBuild()) {
    console.log("  building the app (next build)…");
    const built = spawnSync(process.execPath, [nextBinary(), "build"], { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [nextBinary(), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: PROJECT_ROOT,
    env: { ...withAppHeapLimit(process.env), DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  };
  if ((await waitForServer(`${baseUrl}/sign-in`, server, 60_000)) !== "ready") {
    await stop();
    throw new Error("the app did not start");
  }
  return { baseUrl, server, stop };
}

/** Signs in through next-auth's credentials callback, as the sign-in form does; returns the Cookie header. */
export async function signInToApp(baseUrl: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(csrf);
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl, cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }).toString(),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) throw new Error(`sign-in as ${username} failed (HTTP ${response.status})`);
  return cookieHeader();
}
