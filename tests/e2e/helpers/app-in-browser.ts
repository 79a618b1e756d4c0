/**
 * What every browser-test file needs: the real app on a fresh, seeded
 * database, and Chromium. Skipped with a notice where Chromium is missing,
 * except in CI (see browserAvailable).
 */
import type { Browser } from "playwright-core";
import { startTestApp, type TestApp } from "./app-server";
import { browserAvailable, launchBrowser } from "./browser";

export const describeInBrowser = browserAvailable() ? describe : describe.skip;

export interface AppInBrowser {
  app: TestApp;
  browser: Browser;
}

/** Registers the file's beforeAll and afterAll; the fields are set once beforeAll has run. */
export function appInBrowser(): AppInBrowser {
  const world = {} as AppInBrowser;
  beforeAll(async () => {
    [world.app, world.browser] = await Promise.all([startTestApp(), launchBrowser()]);
  }, 300_000);
  afterAll(async () => {
    await world.browser?.close();
    await world.app?.stop();
  });
  return world;
}
