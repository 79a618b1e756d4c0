/**
 * A team's day of work logged from a phone, in Chromium against the running
 * app on the demo data: a team leader at 360 px logs a home-visit afternoon
 * with three members and the residents helped per service; with no signal the
 * record waits on the device and is written once when the signal returns.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { launchPhone, screenshot, signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser } from "./helpers/app-in-browser";
import { problemsAtBothWidths } from "./helpers/page-checks";

jest.setTimeout(240_000);
const TEAM = "TCNS-20206-01";
const LEADER = "totruong.htt01";

describeInBrowser("a team's activities logged from a phone, in Chromium", () => {
  const world = appInBrowser({ sql: true });
  const profiles: string[] = [];
  afterAll(() => profiles.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const stored = async (place: string) =>
    (
      await world.sql.query(
        `SELECT a.kind, a.helped_vneid, a.helped_signature, a.helped_online_filing, a.helped_cashless, a.procedures, a.apps_installed, a.created_by,
                (SELECT count(*)::int FROM activity_member m WHERE m.activity_id = a.id) AS members
         FROM activity a JOIN team t ON t.id = a.team_id AND t.code = $1 WHERE a.place = $2`,
        [TEAM, place],
      )
    ).rows;

  async function fill(page: Page, place: string) {
    await page.locator("#place").fill(place);
    const ticks = page.locator('input[name="memberIds"]');
    for (let index = 0; index < 3; index += 1) await ticks.nth(index).check();
    await page.locator("#helpedVneid").fill("5");
    await page.locator("#helpedSignature").fill("3");
    await page.locator("#helpedOnlineFiling").fill("2");
    await page.locator("#procedures").fill("4");
    await page.locator("#appsInstalled").fill("6");
  }

  it("a team leader at 360 px logs a home-visit afternoon with three members and the residents helped per service", async () => {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, world.app.baseUrl, LEADER, DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    await page.goto(`${world.app.baseUrl}/teams/${TEAM}`);
    await page.getByTestId("log-activity").click();
    await page.waitForURL(/\/activities\/new$/);
    await fill(page, "Kiệt 12 Lê Đình Dương");
    // A resident's phone number in the place is refused, naming the field; nothing is written.
    await page.locator("#place").fill("Nhà bà Tư 0905 123 456");
    await page.getByRole("button", { name: "Ghi hoạt động", exact: true }).click();
    await page.getByText(/Địa điểm: có dãy số giống số điện thoại/).waitFor();
    expect(await stored("Nhà bà Tư 0905 123 456")).toEqual([]);
    await page.locator("#place").fill("Kiệt 12 Lê Đình Dương");
    await page.getByRole("button", { name: "Ghi hoạt động", exact: true }).click();
    await page.getByRole("status").getByText("Đã ghi hoạt động.").waitFor();
    await screenshot(page, "activity-logged");
    expect(await stored("Kiệt 12 Lê Đình Dương")).toEqual([
      { kind: "HOME_VISITS", helped_vneid: 5, helped_signature: 3, helped_online_filing: 2, helped_cashless: 0, procedures: 4, apps_installed: 6, created_by: LEADER, members: 3 },
    ]);
    await page.goto(`${world.app.baseUrl}/teams/${TEAM}`);
    await expect(page.getByTestId("activity-list").textContent()).resolves.toMatch(/Kiệt 12 Lê Đình Dương.*10 người được hỗ trợ · 4 thủ tục · 6 ứng dụng · 3 thành viên/);
    // The month's residents helped is now the activities' sum: on the group's form, read-only, and in the ward's roll-up.
    const month = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 7);
    await page.goto(`${world.app.baseUrl}/entry/20206-01/${month}`);
    await page.getByTestId("from-activities-RESIDENTS_HELPED").waitFor();
    expect(await page.locator("#field-RESIDENTS_HELPED").inputValue()).toBe("10");
    expect(await page.locator("#field-RESIDENTS_HELPED").getAttribute("readonly")).not.toBeNull();
    const { rows } = await world.sql.query(
      `SELECT r.value::int AS value FROM rollup_value r JOIN admin_unit u ON u.id = r.unit_id AND u.code = '20206' JOIN data_element e ON e.id = r.element_id AND e.code = 'RESIDENTS_HELPED'
       WHERE r.period_id = $1`,
      [Number(month.replace("-", ""))],
    );
    expect(rows).toEqual([{ value: 10 }]);
    await context.close();

    // The ward's dashboard and the district's show the day on their next load: this month's row of the
    // activity panel holds what the records below add up to, counted here from the records themselves.
    for (const [username, unit] of [["canbo.hoathuantay", "20206"], ["bcd.haichau", "492"]] as const) {
      const { rows: [expected] } = await world.sql.query(
        `SELECT count(*)::int AS activities,
                sum(a.helped_vneid + a.helped_signature + a.helped_online_filing + a.helped_cashless + a.helped_bank_account + a.helped_health_book + a.helped_other)::int AS helped
         FROM activity a JOIN admin_unit_closure c ON c.descendant_id = a.unit_id JOIN admin_unit u ON u.id = c.ancestor_id AND u.code = $1
         WHERE to_char(a.occurred_on, 'YYYY-MM') = $2`,
        [unit, month],
      );
      expect(expected.activities).toBeGreaterThanOrEqual(1);
      const reader = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const dashboard = await reader.newPage();
      await signIn(dashboard, world.app.baseUrl, username, DEMO_PASSWORD);
      await dashboard.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await dashboard.goto(`${world.app.baseUrl}/dashboard/${unit}`);
      const row = dashboard.getByTestId("activity-months").locator("tbody tr").filter({ has: dashboard.locator("th", { hasText: month.split("-").reverse().join("/") }) });
      await expect(row.locator("td").nth(0).textContent()).resolves.toBe(String(expected.activities));
      await expect(row.locator("td").nth(1).textContent()).resolves.toBe(expected.helped.toLocaleString("vi-VN"));
      if (unit === "20206") {
        await screenshot(dashboard, "activity-panel-ward");
        // The lists of teams live on the ward's activities page, one link away: the team that logged
        // the day is among the most active, and the page passes the accessibility checks.
        await dashboard.getByTestId("activity-lists-link").click();
        await dashboard.waitForURL((url) => url.pathname === `/dashboard/${unit}/activities`);
        const ranked = dashboard.getByTestId("activity-ranked");
        await ranked.waitFor();
        expect(await ranked.locator("tbody tr").count()).toBeGreaterThanOrEqual(1);
        await dashboard.getByTestId("activity-silent").or(dashboard.getByText(/Tổ nào cũng có hoạt động/)).first().waitFor();
        expect(await problemsAtBothWidths(dashboard, "activity-lists-ward")).toEqual([]);
      }
      await reader.close();
    }
  });

  it("with no signal the record waits on the device and is written once when the signal returns", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-phone-"));
    profiles.push(dir);
    const context = await launchPhone(dir);
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, world.app.baseUrl, LEADER, DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    const form = `${world.app.baseUrl}/teams/${TEAM}/activities/new`;
    const isKept = () => page.evaluate(async (address) => navigator.serviceWorker.controller !== null && Boolean(await caches.match(address, { cacheName: "tcns-pages", ignoreVary: true })), new URL(form).pathname);
    for (const started = Date.now(); !(await isKept()); await page.waitForTimeout(250)) if (Date.now() - started > 60_000) throw new Error("the form was not kept");
    await context.setOffline(true);
    await page.goto(form);
    await fill(page, "Chợ Hòa Thuận, không có sóng");
    await page.getByRole("button", { name: "Ghi hoạt động", exact: true }).click();
    await page.getByRole("status").getByText("Đã lưu trên máy, sẽ gửi khi có mạng.").waitFor();
    await page.getByTestId("outbox-count").getByText("1 đang chờ gửi").waitFor();
    expect(await stored("Chợ Hòa Thuận, không có sóng")).toEqual([]);
    await context.setOffline(false);
    await page.getByTestId("outbox-bar").waitFor({ state: "detached" });
    expect(await stored("Chợ Hòa Thuận, không có sóng")).toHaveLength(1);
    await page.reload();
    await page.waitForTimeout(1_000);
    expect(await stored("Chợ Hòa Thuận, không có sóng")).toHaveLength(1);
    await context.close();
  });
});
