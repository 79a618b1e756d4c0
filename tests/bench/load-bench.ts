/**
 * Load on the built app: `connections` signed-in users of a district's steering
 * committee load its dashboard page over and over for `seconds` (autocannon on
 * 127.0.0.1, against `next start` on the database at hand). Reports requests
 * per second, latency percentiles, errors and non-2xx answers.
 */
import autocannon from "autocannon";
import { Client } from "pg";
import { hashPassword } from "../../lib/auth/password";
import { signInToApp, startBenchApp } from "./bench-app";
import type { Figure } from "./dashboard-bench";
import { processRssMb } from "./load-scenarios";

const USERNAME = "bench.load";
const PASSWORD = "Bench-load-2026!";

/** A steering committee account scoped to the unit, created (or reset) for the run. */
async function loadUser(url: string, unitCode: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO app_user (username, password_hash, full_name, role, scope_unit_id, updated_at)
       SELECT $1, $2, 'Ban chỉ đạo (đo tải)', 'STEERING', id, now() FROM admin_unit WHERE code = $3
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, scope_unit_id = EXCLUDED.scope_unit_id, active = true, must_change_password = false`,
      [USERNAME, await hashPassword(PASSWORD), unitCode],
    );
    await client.query("DELETE FROM sign_in_attempt WHERE username = $1", [USERNAME]).catch(() => undefined);
  } finally {
    await client.end();
  }
}

/** The Cookie header of a freshly signed-in steering committee member of the unit. */
export async function signInForBench(url: string, baseUrl: string, unitCode: string): Promise<string> {
  await loadUser(url, unitCode);
  return signInToApp(baseUrl, USERNAME, PASSWORD);
}

export async function benchDashboardLoad(url: string, unitCode: string, connections = 100, seconds = 30): Promise<Figure[]> {
  const app = await startBenchApp(url);
  const { baseUrl, server } = app;
  try {
    const cookie = await signInForBench(url, baseUrl, unitCode);
    const path = `/dashboard/${encodeURIComponent(unitCode)}`;
    const warm = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    if (warm.status !== 200) throw new Error(`the dashboard answered HTTP ${warm.status} before the load`);
    const rssBefore = processRssMb(server.pid!);
    const result = await autocannon({ url: `${baseUrl}${path}`, connections, duration: seconds, headers: { cookie } });
    const rssAfter = processRssMb(server.pid!);
    const label = `${connections} users on the dashboard of ${unitCode} for ${seconds} s`;
    return [
      { name: `${label}: requests`, value: result.requests.total, unit: "" },
      { name: `${label}: requests per second`, value: Math.round(result.requests.average), unit: "req/s" },
      { name: `${label}: latency p50`, value: result.latency.p50, unit: "ms" },
      { name: `${label}: latency p99`, value: result.latency.p99, unit: "ms", goal: "≤ 500 ms" },
      { name: `${label}: errors and timeouts`, value: result.errors + result.timeouts, unit: "", goal: "0" },
      { name: `${label}: answers other than 2xx`, value: result.non2xx, unit: "", goal: "0" },
      { name: `${label}: app's resident memory before → after`, value: rssAfter, unit: `MB (from ${rssBefore})` },
    ];
  } finally {
    await app.stop();
  }
}
