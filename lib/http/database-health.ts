/**
 * Whether PostgreSQL answers, as the proxy asks before every page and API
 * call. When it does not, the reader gets a plain "temporarily unavailable"
 * (HTTP 503) instead of an error page, and as soon as it answers again the
 * app serves as before, without a restart.
 *
 * A good answer is trusted for a second, so a busy app asks at most once a
 * second; a bad one is not trusted at all, so the first request after
 * PostgreSQL returns is served. The app's own connection pool reports its
 * broken connections here (lib/db.ts), which marks the outage at once.
 * State lives on globalThis: the proxy and the pages are separate bundles in
 * one process.
 */
import { Pool } from "pg";

const TRUST_GOOD_ANSWER_MS = 1000;
/** A database that hangs counts as down after this long. */
const PROBE_TIMEOUT_MS = 2000;

interface Health {
  ok: boolean;
  checkedAt: number;
  pending?: Promise<boolean>;
  pool?: Pool;
  url?: string;
}

const holder = globalThis as unknown as { __tcnsDatabaseHealth?: Health };
const health = (): Health => (holder.__tcnsDatabaseHealth ??= { ok: false, checkedAt: 0 });

function probePool(url: string): Pool {
  const state = health();
  if (state.pool && state.url === url) return state.pool;
  void state.pool?.end().catch(() => undefined);
  const pool = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS, idleTimeoutMillis: 30_000 });
  // A connection that PostgreSQL closed while idle: the pool drops it; the outage shows at the next probe.
  pool.on("error", () => markDatabaseDown());
  state.pool = pool;
  state.url = url;
  return pool;
}

/** Called when a connection of the app breaks: the next request asks PostgreSQL afresh. */
export function markDatabaseDown(): void {
  const state = health();
  state.ok = false;
  state.checkedAt = Date.now();
}

export async function databaseAvailable(url: string): Promise<boolean> {
  const state = health();
  if (state.ok && Date.now() - state.checkedAt < TRUST_GOOD_ANSWER_MS) return true;
  // Concurrent requests share one probe.
  state.pending ??= probePool(url)
    .query("SELECT 1")
    .then(
      () => true,
      () => false,
    )
    .then((ok) => {
      state.ok = ok;
      state.checkedAt = Date.now();
      state.pending = undefined;
      return ok;
    });
  return state.pending;
}
