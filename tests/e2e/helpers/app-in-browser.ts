/**
 * What every browser-test file needs: the real app on a fresh, seeded
 * database, and Chromium. Skipped with a notice where Chromium is missing,
 * except in CI (see browserAvailable).
 */
import { Client } from "pg";
import type { Browser } from "playwright-core";
import { startTestApp, type TestApp } from "./app-server";
import { browserAvailable, launchBrowser } from "./browser";

export const describeInBrowser = browserAvailable() ? describe : describe.skip;

export interface AppInBrowser {
  app: TestApp;
  browser: Browser;
  /** A connection to the app's database, for tests that check what was stored (with `{ sql: true }`). */
  sql: Client;
}

/** Registers the file's beforeAll and afterAll; the fields are set once beforeAll has run. */
export function appInBrowser(options: { sql?: boolean } = {}): AppInBrowser {
  const world = {} as AppInBrowser;
  beforeAll(async () => {
    [world.app, world.browser] = await Promise.all([startTestApp(), launchBrowser()]);
    if (options.sql) {
      world.sql = new Client({ connectionString: world.app.database.url });
      // A connection ended by the database's drop must not crash the run.
      world.sql.on("error", () => {});
      await world.sql.connect();
    }
  }, 300_000);
  afterAll(async () => {
    await world.sql?.end();
    await world.browser?.close();
    await world.app?.stop();
  });
  return world;
}
