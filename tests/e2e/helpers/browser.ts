/** Debian's Chromium driven by playwright-core, with the flags that keep it off the closed network (STACK.md). */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = path.join(__dirname, "..", "screenshots");

/**
 * Without Chromium the browser suite cannot run. In CI that is a failure; on a
 * developer machine with only Node and npm the suite is skipped with a notice.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: .ci/run must install it (apt-get install -y chromium).`);
  console.warn(`Chromium not found at ${CHROMIUM_PATH}: skipping the browser tests. Install it with: apt-get install -y chromium`);
  return false;
}

/**
 * The browser's environment: the test's own, less a moved clock. The suite can
 * run with the clock moved by libfaketime (LD_PRELOAD, FAKETIME: see README,
 * "Testing on any date"), which the app server and PostgreSQL follow; Chromium's
 * own timers stall under it, so the browser keeps the machine's clock, as a
 * user's phone keeps its own.
 */
function browserEnv(): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  if (env.FAKETIME) {
    delete env.FAKETIME;
    if (env.LD_PRELOAD?.includes("faketime")) delete env.LD_PRELOAD;
  }
  return env;
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** playwright-core gives every launch a fresh temporary profile of its own. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, env: browserEnv(), args: CHROMIUM_ARGS });
}

/**
 * A phone's browser with a profile that outlives it: closing and launching it
 * again on the same folder keeps the service worker, its caches and IndexedDB,
 * as a phone keeps them between two openings of the app.
 */
export async function launchPhone(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    env: browserEnv(),
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  // A full-page picture shows the charts too, which a reader would draw by scrolling down.
  if ((await page.locator("[data-chart-state]").count()) > 0) {
    // Asked again at every poll: a page not yet hydrated has nobody listening to the first ask.
    await page.waitForFunction(() => {
      window.dispatchEvent(new Event("dashboard:draw-charts"));
      return [...document.querySelectorAll("[data-chart-state]")].every((box) => box.querySelector("svg"));
    });
  }
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill("#username", username);
  await page.fill("#password", password);
  await page.click("#sign-in-form button[type=submit]");
}

/** Follows a link of the header's navigation; on a phone it is folded under the Menu button, which is opened first. */
export async function followNav(page: Page, name: string): Promise<void> {
  const menu = page.locator("header summary");
  if (await menu.isVisible()) await menu.click();
  await page.locator("header nav").filter({ visible: true }).getByRole("link", { name, exact: true }).click();
}
