/**
 * Sign-in, the dashboard and the entry form's save under concurrent load
 * (autocannon on 127.0.0.1), short enough for CI: no error, no answer other
 * than 2xx, no refused save, memory under a stated bound, and afterwards
 * every roll-up equals a recomputation and the audit log holds every save.
 * `npm run bench:load` runs the same loads for 60 seconds each.
 */
import { Client } from "pg";
import { connectDatabase, disconnectDb } from "@/lib/db";
import { verifyRollups } from "@/lib/dashboard/verify-rollups";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { signInToApp } from "../bench/bench-app";
import { demoSaveTargets, loadDashboard, loadSaves, loadSignIn, MEMORY_BOUND_MB, type LoadFigures } from "../bench/load-scenarios";
import { auditDisagreements, lastAuditId } from "../setup/audit-agreement";
import { startTestApp, type TestApp } from "./helpers/app-server";

jest.setTimeout(300_000);

const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);

let app: TestApp;
let sql: Client;

beforeAll(async () => {
  app = await startTestApp();
  sql = new Client({ connectionString: app.database.url });
  sql.on("error", () => {});
  await sql.connect();
  connectDatabase(app.database.url);
}, 300_000);

afterAll(async () => {
  await disconnectDb();
  await sql?.end();
  await app?.stop();
});

function expectClean(figures: LoadFigures) {
  console.log(`${figures.scenario}: ${figures.requests} requests in ${figures.seconds} s (${figures.perSecond}/s) from ${figures.connections} connections, p50 ${figures.p50} ms, p99 ${figures.p99} ms, errors ${figures.errors}, non-2xx ${figures.non2xx}, refused ${figures.refused}, memory ${figures.rssBeforeMb} → ${figures.rssAfterMb} MB`);
  expect(figures.requests).toBeGreaterThan(0);
  expect({ errors: figures.errors, non2xx: figures.non2xx, refused: figures.refused }).toEqual({ errors: 0, non2xx: 0, refused: 0 });
  expect(figures.rssAfterMb).toBeLessThan(MEMORY_BOUND_MB);
}

describe("under concurrent load", () => {
  const target = () => ({ baseUrl: app.baseUrl, serverPid: app.serverPid });

  it("signs in without an error", async () => {
    expectClean(await loadSignIn(target(), "canbo.thanhbinh", DEMO_PASSWORD, 4, Math.min(SECONDS, 5)));
  });

  it("serves a district's dashboard without an error", async () => {
    const cookie = await signInToApp(app.baseUrl, "bcd.haichau", DEMO_PASSWORD);
    expectClean(await loadDashboard(target(), cookie, "/dashboard/492", 10, SECONDS));
  });

  it("saves months from eight phones at once, losing none", async () => {
    const cookie = await signInToApp(app.baseUrl, "canbo.hoathuantay", DEMO_PASSWORD);
    const since = await lastAuditId(sql);
    const savesBefore = Number((await sql.query("SELECT count(*) AS n FROM save_request")).rows[0].n);
    const figures = await loadSaves(target(), cookie, await demoSaveTargets(sql, 8), SECONDS);
    expectClean(figures);
    // Every answered save was committed once (its request id is recorded); the saves still in flight when the
    // run stopped (one per connection at most) were committed too. The audit log agrees with what is stored.
    const committed = Number((await sql.query("SELECT count(*) AS n FROM save_request")).rows[0].n) - savesBefore;
    expect(committed).toBeGreaterThanOrEqual(figures.requests);
    expect(committed).toBeLessThanOrEqual(figures.requests + figures.connections);
    expect(await auditDisagreements(sql, since)).toEqual([]);
    expect((await verifyRollups()).differences).toEqual([]);
  });
});
