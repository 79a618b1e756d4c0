/**
 * The app process is killed (SIGKILL: no chance to clean up) in the middle of
 * a 10,000-row import and in the middle of a report save, then started again.
 * The database must hold all or none of each change, every roll-up must equal
 * a recomputation from the raw values, the audit log must agree with the
 * figures, and what the official typed must still get saved.
 *
 * "In the middle" is made certain, not left to timing: the test holds a lock
 * on the audit log, which every write takes last, so the app's transaction is
 * caught after its figures are written and before it can commit.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { Browser, Page } from "playwright-core";
import { connectDatabase, disconnectDb } from "@/lib/db";
import { verifyRollups } from "@/lib/dashboard/verify-rollups";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { auditDisagreements, lastAuditId } from "../setup/audit-agreement";
import { seedDemo, serveApp, type ServedApp } from "./helpers/app-server";
import { browserAvailable, launchBrowser, signIn } from "./helpers/browser";
import { storedFigures, unreportedGroups } from "./helpers/demo-groups";
import { LATEST, LATEST_CODE, PREVIOUS } from "./helpers/demo-months";
import { addMonths } from "@/lib/periods";

jest.setTimeout(300_000);
const describeInBrowser = browserAvailable() ? describe : describe.skip;

let database: TestDatabase;
let app: ServedApp & { port: number; secret: string };
let browser: Browser;
let sql: Client;
let auditBefore: number;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.url);
  [app, browser] = await Promise.all([serveApp(database.url), launchBrowser()]);
  sql = new Client({ connectionString: database.url });
  sql.on("error", () => {});
  await sql.connect();
  auditBefore = await lastAuditId(sql);
  connectDatabase(database.url);
  dir = mkdtempSync(path.join(os.tmpdir(), "tcns-crash-"));
}, 300_000);

afterAll(async () => {
  await disconnectDb();
  await sql?.end();
  await browser?.close();
  await app?.stop();
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Holds the audit log against writers, runs `act` (which starts a write in
 * the app), waits until the app's transaction is stuck on that lock, kills
 * the app, lets go, and waits until PostgreSQL has thrown the orphaned
 * transaction away. Then starts the app again on the same port and key.
 */
async function killMidWrite(act: () => Promise<void>): Promise<void> {
  const holder = new Client({ connectionString: database.url });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query("LOCK TABLE audit_log IN SHARE MODE");
  await act();
  let stuck: number | undefined;
  for (let tries = 0; tries < 300 && stuck === undefined; tries += 1) {
    const { rows } = await sql.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%audit_log%'`,
    );
    stuck = rows[0]?.pid;
    if (stuck === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(stuck).toBeDefined();
  // Caught mid-way: the stuck transaction has already written figures (it holds the write lock of data_value).
  const written = await sql.query(
    `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = $1 AND c.relname = 'data_value' AND l.mode = 'RowExclusiveLock' AND l.granted`,
    [stuck],
  );
  expect(written.rows).toHaveLength(1);
  const exited = new Promise((resolve) => app.server.once("exit", resolve));
  app.server.kill("SIGKILL");
  await exited;
  await holder.query("ROLLBACK");
  await holder.end();
  for (let tries = 0; tries < 100; tries += 1) {
    const { rows } = await sql.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [stuck]);
    if (rows.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  app = await serveApp(database.url, { port: app.port, secret: app.secret });
}

const count = async (query: string, values: unknown[] = []) => Number((await sql.query(query, values)).rows[0].n);

async function adminOnImportPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, app.baseUrl, "admin", DEMO_PASSWORD);
  await page.waitForURL(`${app.baseUrl}/`);
  await page.goto(`${app.baseUrl}/import`);
  return page;
}

describeInBrowser("killing the app in the middle of a write", () => {
  it("loses none or all of a 10,000-row import, and the import goes through once the app is back", async () => {
    // The two months before the demo's last of Hải Châu's groups, entered again as March and April 2024 (months with no figures: the demo starts in 2025).
    const { rows } = await sql.query(
      `SELECT u.code AS unit, CASE v.period_id WHEN ${PREVIOUS} THEN '2024-03' ELSE '2024-04' END AS period, e.code AS element, v.value
       FROM data_value v JOIN admin_unit u ON u.id = v.unit_id AND u.level = 'RESIDENTIAL_GROUP' AND u.valid_to IS NULL
       JOIN admin_unit_closure c ON c.descendant_id = u.id JOIN admin_unit d ON d.id = c.ancestor_id AND d.code = '492'
       JOIN data_element e ON e.id = v.element_id AND e.collection_level = 'RESIDENTIAL_GROUP' AND e.source = 'FORM'
       WHERE v.period_id IN (${PREVIOUS}, ${addMonths(PREVIOUS, -1)}) ORDER BY v.period_id DESC, u.code, e.code LIMIT 10000`,
    );
    expect(rows).toHaveLength(10_000);
    const file = path.join(dir, "ten-thousand.csv");
    writeFileSync(file, `unit_code,period,element_code,value\n${rows.map((row) => `${row.unit},${row.period},${row.element},${row.value}`).join("\n")}\n`);
    const monthsCount = () => count("SELECT count(*) AS n FROM data_value WHERE period_id IN (202403, 202404)");
    expect(await monthsCount()).toBe(0);

    const page = await adminOnImportPage();
    await page.setInputFiles("#file", file);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    const commit = page.getByRole("button", { name: "Ghi 10.000 dòng" });
    await page.locator("main").getByRole("status").or(page.locator("main").getByRole("alert")).first().waitFor({ timeout: 60_000 });
    expect(await page.locator("main").textContent()).toMatch(/Tệp hợp lệ: 10.000 dòng/);
    await killMidWrite(() => commit.click());

    expect(await monthsCount()).toBe(0);
    expect(await count("SELECT count(*) AS n FROM period_report WHERE period_id IN (202403, 202404)")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE id > $1 AND action = 'values.import'", [auditBefore])).toBe(0);
    expect((await verifyRollups()).differences).toEqual([]);

    // The same page, on the restarted app: the official sends the file again and it goes in whole.
    await page.reload();
    await page.setInputFiles("#file", file);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await commit.click({ timeout: 60_000 });
    await page.locator("main").getByRole("status").filter({ hasText: "Đã ghi 10.000 dòng" }).waitFor({ timeout: 120_000 });
    expect(await monthsCount()).toBe(10_000);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE id > $1 AND action = 'values.import'", [auditBefore])).toBe(10_000);
    expect(await auditDisagreements(sql, auditBefore)).toEqual([]);
    expect((await verifyRollups()).differences).toEqual([]);
    await page.context().close();
  });

  it("loses none or all of a report save, and what was typed is saved once the app is back", async () => {
    const [group] = await unreportedGroups(sql);
    const previous = await storedFigures(sql, group, PREVIOUS);
    const reportRows = () => count("SELECT count(*) AS n FROM period_report r JOIN admin_unit u ON u.id = r.unit_id WHERE u.code = $1 AND r.period_id = $2", [group, LATEST]);
    const reportsBefore = await reportRows();

    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, "canbo.hoathuantay", DEMO_PASSWORD);
    await page.waitForURL(`${app.baseUrl}/`);
    await page.goto(`${app.baseUrl}/entry/${group}/${LATEST_CODE}`);
    for (const [code, value] of Object.entries(previous)) await page.fill(`#field-${code}`, String(value));
    await killMidWrite(() => page.getByRole("button", { name: "Lưu số liệu" }).click());

    expect(await storedFigures(sql, group, LATEST)).toEqual({});
    expect(await reportRows()).toBe(reportsBefore);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE id > $1 AND entity_id LIKE $2", [auditBefore, `${group}/${LATEST_CODE}/%`])).toBe(0);
    expect((await verifyRollups()).differences).toEqual([]);

    // No answer came: the page kept the save on the device and says so; sent from the queue, it saves on the restarted app, once.
    await page.locator("main").getByRole("status").filter({ hasText: "Đã lưu trên máy, sẽ gửi khi có mạng." }).waitFor();
    // The queue also retries by itself every minute; "Gửi ngay" sends at once (unless the minute came first).
    const sendNow = page.getByTestId("outbox-bar").getByRole("button", { name: "Gửi ngay" });
    if (await sendNow.isVisible()) await sendNow.click({ timeout: 5_000 }).catch(() => {});
    await page.locator("main").getByRole("status").filter({ hasText: "Đã lưu lúc" }).waitFor();
    expect(await storedFigures(sql, group, LATEST)).toEqual(previous);
    expect(await auditDisagreements(sql, auditBefore)).toEqual([]);
    expect((await verifyRollups()).differences).toEqual([]);
    await context.close();
  });
});
