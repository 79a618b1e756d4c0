/**
 * Curious and hostile users against the running app:
 *   - IDs of other scopes in every route with a parameter (pages and API),
 *     found from app/ so that a new route cannot be forgotten: 404, and not a
 *     word of the other unit;
 *   - SQL-injection strings in every filter of every page and API route:
 *     never a 500, never a leak, and the database unchanged;
 *   - XSS payloads stored in every kind of name the pages show, rendered in
 *     Chromium: shown as text, never run.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { signInToApp } from "../bench/bench-app";
import { signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser } from "./helpers/app-in-browser";
import { LATEST_CODE } from "./helpers/demo-months";

jest.setTimeout(300_000);

const APP_DIR = path.resolve(__dirname, "../../app");
const tally = { idor: 0, injections: 0, xssPages: 0 };

/** Every page and API route of app/, as URL templates: "/units/[code]/month/[period]". */
/** Routes that only write (the forms' and the offline queue's): asked with a POST of a well-formed save instead of a GET. */
const WRITE_ONLY = new Set<string>();

function routeTemplates(dir = APP_DIR, prefix = ""): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      // Route groups "(app)" add nothing to the URL; next-auth's own routes are next-auth's.
      if (name === "[...nextauth]") continue;
      found.push(...routeTemplates(full, /^\(.*\)$/.test(name) ? prefix : `${prefix}/${name}`));
    } else if (name === "page.tsx" || name === "route.ts") {
      found.push(prefix || "/");
      const source = name === "route.ts" ? readFileSync(full, "utf8") : "";
      if (/export const POST\b|export async function POST\b/.test(source) && !/export const GET\b|export async function GET\b/.test(source)) WRITE_ONLY.add(prefix);
    }
  }
  return found;
}

const INJECTIONS = ["' OR '1'='1", "1; DROP TABLE data_value; --", "%' UNION SELECT password_hash, username FROM app_user --", "2026-10' --", "\\'; SELECT pg_sleep(5); --"];
const FILTERS = ["q", "period", "from", "to", "indicator", "map", "sort", "dir", "action", "actor", "before", "level", "page"];
const XSS = ['<img src=x onerror="window.__xss=(window.__xss||0)+1">', "<script>window.__xss=1</script>", '"><svg onload="window.__xss=1">'];

describeInBrowser("hostile requests against the running app", () => {
  const world = appInBrowser({ sql: true });
  const cookies: Record<string, string> = {};
  const get = (who: string, pathname: string) => fetch(`${world.app.baseUrl}${pathname}`, { headers: { cookie: cookies[who] }, redirect: "manual" });
  const post = (who: string, pathname: string, body: unknown) =>
    fetch(`${world.app.baseUrl}${pathname}`, {
      method: "POST",
      headers: { cookie: cookies[who], origin: world.app.baseUrl, "content-type": "application/json" },
      body: JSON.stringify(body),
      redirect: "manual",
    });
  const monthSave = () => ({ version: 0, requestId: crypto.randomUUID(), values: { ADULTS: "100" }, reasons: {}, confirmed: [] });
  const strangerCard = () => ({ requestId: crypto.randomUUID(), fullName: "Người Lạ Mặt", role: "MEMBER", affiliation: "OTHER" });

  beforeAll(async () => {
    for (const username of ["canbo.hoathuantay", "totruong.htt01", "bcd.haichau", "admin"]) cookies[username] = await signInToApp(world.app.baseUrl, username, DEMO_PASSWORD);
  });

  afterAll(() => {
    console.log(`hostile requests: ${tally.idor} out-of-scope requests, ${tally.injections} injection requests, ${tally.xssPages} pages rendered with stored payloads`);
  });

  it("refuses IDs of other scopes in every parameterised route, without naming what is there", async () => {
    const templates = routeTemplates().filter((template) => template.includes("["));
    expect(templates).toEqual(
      expect.arrayContaining(["/units/[code]", "/entry/[code]/[period]", "/teams/[code]", "/dashboard/[code]", "/admin/users/[id]", "/api/v1/units/[code]/report.xlsx", "/units/[code]/month/[period]/grid", "/units/[code]/leaders", "/api/v1/units/[code]/workbook.xlsx"]),
    );
    // Hòa Thuận Tây's people asking for Thanh Bình's ward, group, team and people; Hải Châu's committee asking for Sơn La.
    const { rows: [other] } = await world.sql.query(
      `SELECT w.code AS ward, w.name AS ward_name, g.code AS grp, t.code AS team, (SELECT id FROM app_user WHERE username = 'admin') AS user_id
       FROM admin_unit w JOIN admin_unit g ON g.parent_id = w.id JOIN team t ON t.unit_id = g.id WHERE w.code = '20194' ORDER BY g.code LIMIT 1`,
    );
    const { rows: [far] } = await world.sql.query(
      `SELECT d.code, d.name, t.code AS team FROM admin_unit d JOIN admin_unit_closure c ON c.ancestor_id = d.id JOIN team t ON t.unit_id = c.descendant_id
       WHERE d.level = 'DISTRICT' AND d.code <> '492' AND d.valid_to IS NULL ORDER BY d.code, t.code LIMIT 1`,
    );
    // A team leader asking for the neighbouring group of their own ward: their account knows one group.
    const { rows: [neighbour] } = await world.sql.query(
      `SELECT g.code, g.name, t.code AS team FROM admin_unit g JOIN admin_unit w ON w.id = g.parent_id AND w.code = '20206' JOIN team t ON t.unit_id = g.id
       WHERE g.code <> '20206-01' AND g.valid_to IS NULL ORDER BY g.code LIMIT 1`,
    );
    const cases: [who: string, values: Record<string, string>, hidden: string][] = [
      ["totruong.htt01", { code: neighbour.code, team: neighbour.team, period: LATEST_CODE, id: String(other.user_id) }, neighbour.name],
      ["canbo.hoathuantay", { code: other.ward, team: other.team, period: LATEST_CODE, id: String(other.user_id) }, other.ward_name],
      ["canbo.hoathuantay", { code: other.grp, team: other.team, period: LATEST_CODE, id: String(other.user_id) }, other.ward_name],
      ["totruong.htt01", { code: other.ward, team: other.team, period: LATEST_CODE, id: String(other.user_id) }, other.ward_name],
      ["bcd.haichau", { code: far.code, team: far.team, period: LATEST_CODE, id: String(other.user_id) }, far.name],
    ];
    const refusals: string[] = [];
    for (const [who, values, hidden] of cases) {
      for (const template of templates) {
        const concrete = template.replace("[code]", template.startsWith("/teams") ? values.team : values.code).replace("[period]", values.period).replace("[id]", values.id);
        const response = WRITE_ONLY.has(template) ? await post(who, concrete, template.startsWith("/api/v1/teams") ? strangerCard() : monthSave()) : await get(who, concrete);
        tally.idor += 1;
        const body = await response.text();
        // A page the role may not use at all says so in a notice (200 with role="alert"); nothing shows the unit.
        const notice = response.status === 200 && body.includes('role="alert"');
        if (![403, 404].includes(response.status) && !notice) refusals.push(`${who} ${concrete} → ${response.status}`);
        if (body.includes(hidden)) refusals.push(`${who} ${concrete} named ${hidden}`);
      }
    }
    expect(refusals).toEqual([]);
    // The writes asked out of scope wrote nothing.
    expect(WRITE_ONLY.size).toBeGreaterThanOrEqual(2);
    expect((await world.sql.query(`SELECT count(*)::int AS n FROM team_member WHERE full_name = 'Người Lạ Mặt'`)).rows[0].n).toBe(0);
  });

  it("takes SQL injection in every filter of every route as plain text: no error, no leak, nothing changed", async () => {
    const counts = async () => (await world.sql.query(`SELECT (SELECT count(*) FROM data_value) AS v, (SELECT count(*) FROM app_user) AS u, (SELECT count(*) FROM admin_unit) AS a`)).rows[0];
    const before = await counts();
    const templates = routeTemplates().map((template) => template.replace("[code]", "492").replace("[period]", LATEST_CODE).replace("[id]", "1"));
    const failures: string[] = [];
    for (const injection of INJECTIONS) {
      const query = new URLSearchParams(FILTERS.map((name) => [name, injection])).toString();
      for (const template of templates) {
        for (const pathname of [`${template}?${query}`, template.replace("492", encodeURIComponent(injection))]) {
          const started = Date.now();
          const response = await get("admin", pathname);
          tally.injections += 1;
          const body = await response.text();
          if (response.status >= 500) failures.push(`${pathname} → ${response.status}`);
          if (body.includes("$argon2")) failures.push(`${pathname} leaked a password hash`);
          if (Date.now() - started > 4500) failures.push(`${pathname} slept: the string reached SQL`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("shows stored markup in names as text in every page that lists them, and never runs it", async () => {
    const [unitName, teamName, memberName] = XSS;
    await world.sql.query(`UPDATE admin_unit SET name = $1 WHERE code = '20206-01'`, [`Tổ 1 ${unitName}`]);
    await world.sql.query(`UPDATE team SET name = $1 WHERE unit_id = (SELECT id FROM admin_unit WHERE code = '20206-01')`, [`Tổ CNS ${teamName}`]);
    await world.sql.query(`UPDATE team_member SET full_name = $1 WHERE id = (SELECT min(m.id) FROM team_member m JOIN team t ON t.id = m.team_id JOIN admin_unit u ON u.id = t.unit_id WHERE u.code = '20206-01')`, [`Lê ${memberName}`]);
    await world.sql.query(`UPDATE app_user SET full_name = $1 WHERE username = 'totruong.htt01'`, [`Tổ trưởng ${XSS[0]}`]);
    await world.sql.query(`INSERT INTO audit_log (actor_name, action, entity_type, entity_id, reason) VALUES ('system', 'test.xss', 'unit', '20206-01', $1)`, [XSS[1]]);
    const { rows: [team] } = await world.sql.query(`SELECT t.code FROM team t JOIN admin_unit u ON u.id = t.unit_id WHERE u.code = '20206-01'`);

    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, world.app.baseUrl, "admin", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    const pages = ["/units/20206", "/units/20206-01", `/units/20206/month/${LATEST_CODE}`, `/units/20206/month/${LATEST_CODE}/grid`, "/units/20206/leaders", `/teams/${team.code}`, "/dashboard/20206", `/search?q=${encodeURIComponent("Tổ 1")}`, `/search?q=${encodeURIComponent(XSS[0])}`, "/admin/users", "/admin/audit?action=test.xss", `/entry/20206-01/${LATEST_CODE}`];
    for (const pathname of pages) {
      await page.goto(`${world.app.baseUrl}${pathname}`);
      tally.xssPages += 1;
      // Whatever ran would have set this, added an element, or opened a dialog.
      expect({ pathname, ran: await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0) }).toEqual({ pathname, ran: 0 });
      expect({ pathname, injected: await page.locator('main img[src="x"], main svg[onload], main script:not([src])').count() }).toEqual({ pathname, injected: 0 });
    }
    // And the names are there, as the text that was stored.
    await page.goto(`${world.app.baseUrl}/units/20206-01`);
    await expect(page.locator("main").textContent()).resolves.toContain(`Tổ 1 ${unitName}`);
    await page.goto(`${world.app.baseUrl}/teams/${team.code}`);
    await expect(page.locator("main").textContent()).resolves.toContain(`Lê ${memberName}`);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
