/**
 * Each role's main journey, end to end in Chromium, in Vietnamese and in
 * English: every main page is checked with axe-core (no serious or critical
 * violation), must not scroll sideways at 360 px, and is photographed at
 * 360 px and 1280 px into tests/e2e/screenshots/ for a person to look at.
 * The buttons are found by their words in the catalogue of the language under
 * test, so a page that kept a Vietnamese label in English fails here.
 */
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import vi from "@/lib/i18n/messages/vi.json";
import en from "@/lib/i18n/messages/en.json";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import type { Locale } from "@/lib/format";
import { followNav, signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser, type AppInBrowser } from "./helpers/app-in-browser";
import { storedFigures, unreportedGroups } from "./helpers/demo-groups";
import { LATEST, LATEST_CODE, PREVIOUS } from "./helpers/demo-months";
import { problemsAtBothWidths } from "./helpers/page-checks";
import { BUDGETED_ROUTES, DOCUMENT_BUDGET_BYTES, FIRST_LOAD_BUDGET_BYTES, firstLoadJs } from "./helpers/first-load-js";

const PERIOD = LATEST_CODE;
const CATALOGUE = { vi, en } as const;

/** "Nhập số liệu tháng {month}" with its placeholders as wildcards, for matching a label. */
function label(message: string): RegExp {
  const parts = message.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(parts.join(".*"));
}

describeInBrowser("each role's main journey, checked for accessibility at 360 and 1280 px", () => {
  // A journey visits up to ten pages and checks each at two widths with axe: more than the default minute on a busy two-core runner.
  jest.setTimeout(180_000);
  // One app for both languages: starting and seeding it is the slow part.
  const world = appInBrowser({ sql: true });
  describe.each(["vi", "en"] as const)("in %s", (locale: Locale) => journeys(world, locale));

  it("keeps the dashboard, the entry form and the ward's grid within their document and script budgets, the charts out of the first load, and links unprefetched", async () => {
    const pages = [
      ["dashboard", "/dashboard/492", "bcd.haichau"],
      ["entry", `/entry/20206-01/${LATEST_CODE}`, "canbo.hoathuantay"],
      ["grid", `/units/20206/month/${LATEST_CODE}/grid`, "canbo.hoathuantay"],
    ] as const;
    for (const [name, path, username] of pages) {
      const context = await world.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await signIn(page, world.app.baseUrl, username, DEMO_PASSWORD);
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      const firstLoad = firstLoadJs(BUDGETED_ROUTES[name]);
      expect(firstLoad.gzipBytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
      // The build's count is what the browser really loads before the page is usable, charts aside.
      const loaded: string[] = [];
      const prefetched: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "script") loaded.push(new URL(request.url()).pathname.replace(/^\/_next\//, ""));
        if (new URL(request.url()).searchParams.has("_rsc")) prefetched.push(request.url());
      });
      await page.goto(`${world.app.baseUrl}${path}`, { waitUntil: "networkidle" });
      // The document as the server sends it, its RSC payload included, uncompressed.
      const documentBytes = (await (await context.request.get(`${world.app.baseUrl}${path}`)).body()).length;
      expect(documentBytes).toBeLessThanOrEqual(DOCUMENT_BUDGET_BYTES[name]);
      // No page is fetched in the background for the links on screen: on a metered phone they cost data for nothing.
      expect(prefetched).toEqual([]);
      // Nothing is loaded after the first load until the reader scrolls: the charts lie below the phone's first screen.
      const holdsRecharts = (file: string) => readFileSync(`.next/${file}`, "utf8").includes("recharts-surface");
      expect(loaded.filter((file) => !firstLoad.files.includes(file))).toEqual([]);
      expect(firstLoad.files.filter(holdsRecharts)).toEqual([]);
      if (name === "dashboard") {
        // Scrolled to, the chart fetches recharts and draws.
        await page.locator("#trend-heading").scrollIntoViewIfNeeded();
        await page.locator("#trend-heading ~ figure .recharts-surface").waitFor();
        expect(loaded.filter((file) => !firstLoad.files.includes(file)).some(holdsRecharts)).toBe(true);
      }
      page.removeAllListeners("request");
      await context.close();
    }
  });
});

function journeys(world: AppInBrowser, locale: Locale): void {
  const M = CATALOGUE[locale];
  const contexts: BrowserContext[] = [];

  async function browse(): Promise<Page> {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    contexts.push(context);
    // The language chosen on this device before signing in; sign-in saves it on the user.
    await context.addCookies([{ name: "locale", value: locale, url: world.app.baseUrl }]);
    return context.newPage();
  }

  async function signedIn(username: string): Promise<Page> {
    const page = await browse();
    await signIn(page, world.app.baseUrl, username, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    return page;
  }

  async function visit(page: Page, path: string, name: string, problems: string[]): Promise<void> {
    const response = await page.goto(`${world.app.baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    problems.push(...(await problemsAtBothWidths(page, `${locale}-${name}`)));
  }

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it("signed out: the sign-in page and the how-to are in the chosen language", async () => {
    const page = await browse();
    const problems: string[] = [];
    await visit(page, "/sign-in", "sign-in", problems);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe(locale);
    await page.getByRole("heading", { name: M.signIn.title }).waitFor();
    await page.getByRole("link", { name: M.signIn.help }).click();
    await page.waitForURL(/\/help$/);
    // A link within the app changes the address before the new page (and its title) has rendered: checked once it has.
    for (const role of ["steering", "ward", "leader"] as const) await page.getByRole("heading", { name: M.help[role].title }).waitFor();
    await page.waitForFunction(() => document.title.length > 0);
    problems.push(...(await problemsAtBothWidths(page, `${locale}-help-signed-out`)));
    expect(problems).toEqual([]);
  });

  it("a ward official opens the ward, enters a group's month, imports, and keeps a team", async () => {
    // One unreported group for each language's run.
    const group = (await unreportedGroups(world.sql))[locale === "vi" ? 0 : 1];
    const page = await signedIn("canbo.hoathuantay");
    const problems: string[] = [];
    problems.push(...(await problemsAtBothWidths(page, `${locale}-units-home`)));
    await page.getByRole("heading", { name: M.units.title }).waitFor();

    await visit(page, "/units/20206", "ward", problems);
    await visit(page, `/units/20206/month/${PERIOD}`, "ward-month", problems);
    await visit(page, `/units/${group}`, "group", problems);
    await page.getByRole("link", { name: label(M.units.enterFigures) }).click();
    await page.waitForURL(new RegExp(`/entry/${group}/${PERIOD}$`));
    problems.push(...(await problemsAtBothWidths(page, `${locale}-entry`)));

    const previous = await storedFigures(world.sql, group, PREVIOUS);
    for (const [code, value] of Object.entries(previous)) await page.fill(`#field-${code}`, String(value));
    await page.getByRole("button", { name: M.entry.save }).click();
    await page.locator("main").getByRole("status").filter({ hasText: label(M.entry.saved) }).waitFor();
    problems.push(...(await problemsAtBothWidths(page, `${locale}-entry-saved`)));
    const { rows: saved } = await world.sql.query(
      `SELECT count(*)::int AS n FROM data_value v JOIN admin_unit u ON u.id = v.unit_id WHERE u.code = $1 AND v.period_id = ${LATEST}`,
      [group],
    );
    expect(saved[0].n).toBe(Object.keys(previous).length);

    // On a phone the links are folded under Menu.
    await followNav(page, M.nav.importValues);
    await page.waitForURL(/\/import$/);
    problems.push(...(await problemsAtBothWidths(page, `${locale}-import-values`)));
    await visit(page, "/import/members", "import-members", problems);
    await visit(page, "/teams/TCNS-20206-05", "team", problems);
    await page.getByText(M.teams.addMember).waitFor();
    await visit(page, `/search?q=${encodeURIComponent("hoa thuan")}`, "search", problems);
    await visit(page, "/help", "help", problems);
    await expect(page.locator("#ward").textContent()).resolves.toContain(M.help.yours);
    expect(problems).toEqual([]);
  });

  it("a steering committee reads the district, drills down to a ward, sets targets and exports the report", async () => {
    const page = await signedIn("bcd.haichau");
    const problems: string[] = [];
    await page.goto(`${world.app.baseUrl}/dashboard`);
    await page.waitForURL(/\/dashboard\/492/);
    problems.push(...(await problemsAtBothWidths(page, `${locale}-dashboard-district`)));
    await page.getByRole("heading", { name: M.dashboard.cardsTitle, exact: true }).waitFor();

    // The ranking's first ward, then the way back up.
    await page.getByRole("table", { name: M.dashboard.childrenTable }).locator("tbody a").first().click();
    await page.waitForURL(/\/dashboard\/\d{5}\?/);
    problems.push(...(await problemsAtBothWidths(page, `${locale}-dashboard-ward`)));
    await page.getByRole("navigation", { name: M.dashboard.breadcrumb }).getByRole("link").last().click();
    await page.waitForURL(/\/dashboard\/492/);

    await visit(page, "/dashboard/492/targets", "targets", problems);
    await visit(page, `/dashboard/492?period=${PERIOD}`, "dashboard-exports", problems);
    const csv = await page.request.get(await page.getByRole("link", { name: M.exports.csvSummary }).getAttribute("href").then((href) => `${world.app.baseUrl}${href}`));
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\n").length).toBeGreaterThan(10);
    await visit(page, "/admin/users", "users", problems);
    await visit(page, "/help", "help-steering", problems);
    await expect(page.locator("#steering").textContent()).resolves.toContain(M.help.yours);
    expect(problems).toEqual([]);
  });

  it("a team leader finds the own group and keeps the team's members", async () => {
    const page = await signedIn("totruong.htt01");
    const problems: string[] = [];
    problems.push(...(await problemsAtBothWidths(page, `${locale}-leader-home`)));
    await visit(page, "/units/20206-01", "leader-group", problems);
    await visit(page, "/teams/TCNS-20206-01", "leader-team", problems);
    await page.getByText(M.teams.addMember).click();
    await page.fill("#new-fullName", locale === "vi" ? "Lê Văn Tâm" : "Lê Thị Hoa");
    await page.fill("#new-phone", "0905 123 45");
    await page.getByRole("button", { name: M.teams.add, exact: true }).click();
    // The rule is named in the reader's language, and what was typed stays.
    await expect(page.locator("#new-phone-errors").textContent()).resolves.toMatch(locale === "vi" ? /10 chữ số/ : /10 digits/);
    expect(await page.inputValue("#new-fullName")).toBe(locale === "vi" ? "Lê Văn Tâm" : "Lê Thị Hoa");
    problems.push(...(await problemsAtBothWidths(page, `${locale}-leader-member-error`)));
    await visit(page, "/dashboard/20206-01", "leader-dashboard", problems);
    expect(problems).toEqual([]);
  });

  it("an administrator reaches accounts, the audit log, the map's reorganisation and the units import", async () => {
    const page = await signedIn("admin");
    const problems: string[] = [];
    await visit(page, "/admin/users", "admin-users", problems);
    await page.locator("main table a, main li a").filter({ hasText: "canbo.hoathuantay" }).first().click();
    await page.waitForURL(/\/admin\/users\/\d+$/);
    problems.push(...(await problemsAtBothWidths(page, `${locale}-admin-user`)));
    await visit(page, "/admin/audit", "audit", problems);
    await visit(page, "/admin/reorganise", "reorganise", problems);
    await visit(page, "/admin/units/import", "import-units", problems);
    await visit(page, "/dashboard", "dashboard-national", problems);
    expect(problems).toEqual([]);
  });
}
