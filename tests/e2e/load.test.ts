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
import { loadDashboard, loadSaves, loadSignIn, MEMORY_BOUND_MB, type LoadFigures, type SaveTarget } from "../bench/load-scenarios";
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
    // September's figures of eight groups, saved again and again as January 2025 (a month they had not reported).
    const { rows } = await sql.query(
      `SELECT u.code, json_object_agg(e.code, v.value) AS values FROM admin_unit u JOIN admin_unit w ON w.id = u.parent_id AND w.code = '20206'
       JOIN data_value v ON v.unit_id = u.id AND v.period_id = 202609 JOIN data_element e ON e.id = v.element_id
       WHERE u.valid_to IS NULL GROUP BY u.code ORDER BY u.code LIMIT 8`,
    );
    const groups: SaveTarget[] = rows.map((row) => ({ unitCode: row.code, period: "2025-01", version: 0, values: row.values }));
    const figures = await loadSaves(target(), cookie, groups, SECONDS);
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
