/**
 * The three loads a ward office and a committee put on the app, run with
 * autocannon against a running `next start` on 127.0.0.1:
 *   - sign-in: the credentials callback, as the sign-in form posts it;
 *   - dashboard: a district's dashboard page, signed in;
 *   - save: the entry form's server action, each connection saving its own
 *     residential group's month over and over (a new request id and the
 *     version the last save returned, as the form does).
 * Each returns its figures: requests, throughput, latency, errors, answers
 * other than 2xx, refused saves, and the server's resident memory before and after.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import autocannon from "autocannon";
import type { Client } from "pg";
import { addMonths } from "../../lib/periods";
import { demoAnchor } from "../../prisma/seed/demo-places";
import { SeededRandom } from "../../prisma/seed/random";
import { percentile, time } from "./samples";

export interface LoadFigures {
  scenario: string;
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Answers that were 2xx but said the work was not done (a refused save, a failed sign-in). */
  refused: number;
  rssBeforeMb: number;
  rssAfterMb: number;
}

/**
 * The stated bound: the app server's resident memory stays under this through every load. With
 * the heap capped at 512 MB (lib/cli/build-state.ts) 60 s of each load ended near 320 MB.
 */
export const MEMORY_BOUND_MB = 768;

export interface LoadTarget {
  baseUrl: string;
  serverPid: number;
}

/** Resident memory of the app server and its children. */
export function processRssMb(pid: number): number {
  const result = spawnSync("ps", ["-o", "rss=", "--ppid", String(pid), "-p", String(pid)], { encoding: "utf8" });
  return Math.round(result.stdout.split("\n").reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024);
}

async function measure(target: LoadTarget, scenario: string, connections: number, seconds: number, options: Partial<autocannon.Options>, refused: () => number): Promise<LoadFigures> {
  const rssBeforeMb = processRssMb(target.serverPid);
  const result = await autocannon({ url: target.baseUrl, connections, duration: seconds, ...options } as autocannon.Options);
  return {
    scenario,
    connections,
    seconds,
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    refused: refused(),
    rssBeforeMb,
    rssAfterMb: processRssMb(target.serverPid),
  };
}

/** Sign-ins with the right password: each answer must set a session cookie. */
export async function loadSignIn(target: LoadTarget, username: string, password: string, connections: number, seconds: number): Promise<LoadFigures> {
  const csrf = await fetch(`${target.baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((entry) => entry.split(";")[0]).join("; ");
  let refused = 0;
  return measure(
    target,
    `sign-in (${username})`,
    connections,
    seconds,
    {
      requests: [
        {
          method: "POST",
          path: "/api/auth/callback/credentials",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: target.baseUrl, cookie },
          body: new URLSearchParams({ csrfToken, username, password, json: "true" }).toString(),
          onResponse: (status: number, _body: string, _context: object, headers?: Record<string, string | string[] | undefined>) => {
            const setCookie = JSON.stringify(headers ?? {});
            if (status >= 400 || !setCookie.includes("session-token")) refused += 1;
          },
        },
      ],
    },
    () => refused,
  );
}

export async function loadDashboard(target: LoadTarget, cookie: string, pathname: string, connections: number, seconds: number): Promise<LoadFigures> {
  return measure(target, `dashboard ${pathname}`, connections, seconds, { url: `${target.baseUrl}${pathname}`, headers: { cookie } }, () => 0);
}

/** The id Next.js gave a server action in this build. */
export function actionId(exportedName: string, file: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, "../../.next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName && entry.filename === file);
  if (!found) throw new Error(`no server action ${exportedName} in ${file}: build the app first`);
  return found[0];
}

export interface SaveTarget {
  unitCode: string;
  period: string;
  version: number;
  values: Record<string, number>;
}

/**
 * Groups of Hòa Thuận Tây with their figures of the month before the demo's last, to be saved
 * again and again as January 2024: a month they had not reported (the demo starts in 2025), so
 * nothing warns of a jump.
 */
export async function demoSaveTargets(sql: Client, count: number): Promise<SaveTarget[]> {
  const { rows } = await sql.query(
    `SELECT u.code, json_object_agg(e.code, v.value) AS values FROM admin_unit u JOIN admin_unit w ON w.id = u.parent_id AND w.code = '20206'
     JOIN data_value v ON v.unit_id = u.id AND v.period_id = ${addMonths(demoAnchor(), -1)} JOIN data_element e ON e.id = v.element_id
     WHERE u.valid_to IS NULL GROUP BY u.code ORDER BY u.code LIMIT $1`,
    [count],
  );
  return rows.map((row) => ({ unitCode: row.code, period: "2024-01", version: 0, values: row.values }));
}

/**
 * Each request saves a group's month that no other request in flight is saving (one group per
 * connection, taken from a pool and given back with the version its save returned), as one
 * official per group would; the households figure goes up and down by one, so every save writes.
 */
export async function loadSaves(target: LoadTarget, cookie: string, groups: SaveTarget[], seconds: number): Promise<LoadFigures> {
  const id = actionId("saveReportAction", "app/(app)/entry/actions.ts");
  const free = [...groups];
  const turns = new Map<string, number>();
  let refused = 0;
  return measure(
    target,
    `save of a month's figures (${groups.length} groups)`,
    groups.length,
    seconds,
    {
      requests: [
        {
          method: "POST",
          path: `/entry/${groups[0].unitCode}/${groups[0].period}`,
          setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
            const group = free.shift()!;
            context.group = group;
            const turn = (turns.get(group.unitCode) ?? 0) + 1;
            turns.set(group.unitCode, turn);
            const values = { ...group.values, HOUSEHOLDS: group.values.HOUSEHOLDS + (turn % 2) };
            const input = { unitCode: group.unitCode, period: group.period, version: group.version, requestId: crypto.randomUUID(), values: Object.fromEntries(Object.entries(values).map(([code, value]) => [code, String(value)])), reasons: {} };
            return {
              ...request,
              path: `/entry/${group.unitCode}/${group.period}`,
              headers: { "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", "next-action": id, origin: target.baseUrl, cookie },
              body: JSON.stringify([input]),
            };
          },
          onResponse: (_status: number, body: string, context: Record<string, unknown>) => {
            const group = context.group as SaveTarget;
            const saved = /"ok":true,"version":(\d+)/.exec(body);
            if (saved) group.version = Number(saved[1]);
            else refused += 1;
            free.push(group);
          },
        },
      ],
    } as unknown as Partial<autocannon.Options>,
    () => refused,
  );
}

/**
 * An open loop: dashboard loads arriving at random (a Poisson process of `perSecond` on average,
 * the same arrivals for a given seed) for `seconds`, each sent when it arrives whether or not the
 * earlier ones were answered, as a province's meeting opens its dashboards. A closed loop (each
 * connection waits for its answer) slows its own arrivals when the server slows, and hides the queue;
 * here the latency is from the arrival to the last byte, queue included.
 */
export async function loadOpenLoop(target: LoadTarget, cookie: string, pathname: string, perSecond: number, seconds: number, seed = 24): Promise<LoadFigures> {
  const random = new SeededRandom(seed);
  const arrivals: number[] = [];
  for (let at = 0; ; ) {
    at += -Math.log(1 - random.next()) * (1000 / perSecond);
    if (at >= seconds * 1000) break;
    arrivals.push(at);
  }
  const rssBeforeMb = processRssMb(target.serverPid);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const start = performance.now();
  await Promise.all(
    arrivals.map(async (at) => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - (performance.now() - start))));
      try {
        const response = await fetch(`${target.baseUrl}${pathname}`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        if (response.status < 200 || response.status >= 300) non2xx += 1;
      } catch {
        errors += 1;
      }
      // From the arrival, not from when the request went out: a late timer is part of the wait.
      latencies.push(performance.now() - start - at);
    }),
  );
  return {
    scenario: `dashboard ${pathname}, open loop ${perSecond}/s`,
    connections: 0,
    seconds,
    requests: arrivals.length,
    perSecond: Math.round(arrivals.length / seconds),
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    errors,
    non2xx,
    refused: 0,
    rssBeforeMb,
    rssAfterMb: processRssMb(target.serverPid),
  };
}

/** One district dashboard after another, warm: the median time a page takes the server with nothing else to do. */
export async function sequentialPageTimes(target: LoadTarget, cookie: string, pathname: string, count: number): Promise<{ median: number; p90: number }> {
  const times = await time(count, async () => (await fetch(`${target.baseUrl}${pathname}`, { headers: { cookie } })).arrayBuffer());
  return { median: Math.round(percentile(times, 0.5) * 10) / 10, p90: Math.round(percentile(times, 0.9) * 10) / 10 };
}
