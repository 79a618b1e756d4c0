/**
 * PostgreSQL stops while the app runs: every page and API call answers a
 * clear 503 "temporarily unavailable" instead of an error page or a crash,
 * and when PostgreSQL comes back the same app process serves again, with the
 * figures it had. The app runs on a cluster of its own here, so that the test
 * can stop and start it.
 */
import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "@/lib/ports.mjs";
import { applyMigrations } from "@/prisma/schema-engine";
import { signInToApp } from "../bench/bench-app";
import { seedDemo, serveApp, type ServedApp } from "./helpers/app-server";
import { startOwnCluster, type OwnCluster } from "./helpers/own-cluster";
import { LATEST_CODE } from "./helpers/demo-months";

jest.setTimeout(240_000);

let dir: string;
let port: number;
let cluster: OwnCluster | undefined;
let app: ServedApp;
let cookie: string;

const dataDir = () => path.join(dir, "data");

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tcns-outage-"));
  chmodSync(dir, 0o755);
  port = await findFreePort();
  cluster = await startOwnCluster(dataDir(), port);
  const url = cluster.url;
  await applyMigrations(url);
  await seedDemo(url);
  app = await serveApp(url);
  cookie = await signInToApp(app.baseUrl, "bcd.haichau", "ChuyenDoiSo@2026");
}, 240_000);

afterAll(async () => {
  await app?.stop();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = (pathname: string) => fetch(`${app.baseUrl}${pathname}`, { headers: { cookie }, redirect: "manual" });

/** Asks until `accept` holds (at most `seconds`), returning the last answer. */
async function poll(pathname: string, accept: (response: Response) => boolean, seconds: number): Promise<Response> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const response = await get(pathname);
    if (accept(response) || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("a database outage while the app runs", () => {
  it("gives 503 'temporarily unavailable' on every page and API call, then recovers without a restart", async () => {
    const before = await get("/dashboard/492");
    expect(before.status).toBe(200);
    const dashboardBefore = await before.text();
    expect(dashboardBefore).toContain("Hải Châu");

    await cluster!.stop();
    cluster = undefined;
    const first = await poll("/dashboard/492", (response) => response.status !== 200, 5);
    expect(first.status).toBe(503);

    for (const pathname of ["/dashboard/492", "/units/20206", `/entry/20206/${LATEST_CODE}`, "/sign-in", "/search?q=t%E1%BB%95"]) {
      const response = await get(pathname);
      expect({ pathname, status: response.status }).toEqual({ pathname, status: 503 });
      expect(response.headers.get("retry-after")).toBe("30");
      const body = await response.text();
      expect(body).toContain("Hệ thống tạm thời gián đoạn");
      expect(body).toContain("temporarily unavailable");
    }
    const api = await get("/api/v1/units");
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
    // A save attempted during the outage is refused whole: the form keeps its draft on the phone.
    const action = await fetch(`${app.baseUrl}/entry`, { method: "POST", headers: { cookie, origin: app.baseUrl, "next-action": "0" }, body: "[]" });
    expect(action.status).toBe(503);
    expect(app.server.exitCode).toBeNull();

    cluster = await startOwnCluster(dataDir(), port);
    const back = await poll("/dashboard/492", (response) => response.status === 200, 15);
    expect(back.status).toBe(200);
    expect(await back.text()).toContain("Hải Châu");
    expect(app.server.exitCode).toBeNull();
    // The session signed before the outage still holds: nobody has to sign in again.
    expect((await get("/units/20206")).status).toBe(200);
  });
});
