/**
 * Villages without a signal, in Chromium against the running app: a team
 * leader's phone (360 px, a profile that survives closing the browser) opens
 * the app once online, then works with no connection; what is saved waits on
 * the device, is sent once when the connection returns, never over a
 * colleague's later save; signing out asks first and leaves nothing for the
 * next user of the same phone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { launchPhone, screenshot, signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser } from "./helpers/app-in-browser";
import { storedFigures } from "./helpers/demo-groups";
import { LATEST, LATEST_CODE } from "./helpers/demo-months";

jest.setTimeout(240_000);
const GROUP = "20206-01";
const LEADER = "totruong.htt01";
const ELEMENT = "ADULTS_DIGITAL_SIGNATURE";

describeInBrowser("the entry form with no connection, in Chromium", () => {
  const world = appInBrowser({ sql: true });
  const profiles: string[] = [];
  const form = () => `${world.app.baseUrl}/entry/${GROUP}/${LATEST_CODE}`;
  afterAll(() => profiles.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function newProfile(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-phone-"));
    profiles.push(dir);
    return dir;
  }

  /** Waits until the service worker controls the page and has kept the address (it fetches the user's reporting pages after sign-in). */
  async function kept(page: Page, address: string) {
    const isKept = (url: string) => page.evaluate(async (path) => navigator.serviceWorker.controller !== null && Boolean(await caches.match(path, { cacheName: "tcns-pages", ignoreVary: true })), url);
    for (const started = Date.now(); !(await isKept(new URL(address).pathname)); await page.waitForTimeout(250)) {
      if (Date.now() - started > 60_000) throw new Error(`The service worker did not keep ${address} within a minute.`);
    }
  }

  /** The group's month opened in the database as a writable draft, with its figures and version. */
  async function reopenMonth() {
    await world.sql.query(`UPDATE period_report SET status = 'DRAFT' WHERE unit_id = (SELECT id FROM admin_unit WHERE code = $1) AND period_id = $2`, [GROUP, LATEST]);
  }

  async function auditsOf(element: string) {
    const { rows } = await world.sql.query(`SELECT actor_name, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [`${GROUP}/${LATEST_CODE}/${element}`]);
    return rows as { actor_name: string; after: { value: number } }[];
  }

  async function leaderPhone(profile: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await launchPhone(profile);
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, world.app.baseUrl, LEADER, DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    await kept(page, form());
    return { context, page };
  }

  /** On a fresh phone profile: the leader signs in online, goes offline and saves the group's month with `before + add`; it waits on the device. */
  async function queuedOffline(add: number) {
    await reopenMonth();
    const before = (await storedFigures(world.sql, GROUP, LATEST))[ELEMENT];
    const { context, page } = await leaderPhone(newProfile());
    await context.setOffline(true);
    await page.goto(form());
    await page.locator(`#field-${ELEMENT}`).fill(String(before + add));
    await page.getByRole("button", { name: "Lưu số liệu", exact: true }).click();
    await page.getByTestId("outbox-count").getByText("1 đang chờ gửi").waitFor();
    return { context, page, before };
  }

  it("a team leader reports with no connection, closes the browser, and the save reaches the district once the signal returns", async () => {
    await reopenMonth();
    const profile = newProfile();
    const before = (await storedFigures(world.sql, GROUP, LATEST))[ELEMENT];
    const typed = before + 7;
    const auditsBefore = (await auditsOf(ELEMENT)).length;

    let { context, page } = await leaderPhone(profile);
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId("report-own-group").click();
    await page.waitForURL(form());
    await page.locator(`#field-${ELEMENT}`).fill(String(typed));
    await page.getByRole("button", { name: "Lưu số liệu", exact: true }).click();
    await page.getByRole("status").getByText("Đã lưu trên máy, sẽ gửi khi có mạng.", { exact: true }).waitFor();
    await page.getByTestId("outbox-count").getByText("1 đang chờ gửi").waitFor();
    await screenshot(page, "offline-queued");
    await context.close();
    expect((await storedFigures(world.sql, GROUP, LATEST))[ELEMENT]).toBe(before);

    // Days later, in the village: the app opens again with no connection.
    context = await launchPhone(profile);
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(form());
    await page.getByTestId("outbox-count").getByText("1 đang chờ gửi").waitFor();
    expect(await page.locator(`#field-${ELEMENT}`).inputValue()).toBe(String(typed));

    await context.setOffline(false);
    await page.getByText(/^Đã lưu lúc/).first().waitFor();
    await page.getByTestId("outbox-bar").waitFor({ state: "detached" });
    await context.close();
    expect((await storedFigures(world.sql, GROUP, LATEST))[ELEMENT]).toBe(typed);
    const audits = await auditsOf(ELEMENT);
    expect(audits.length).toBe(auditsBefore + 1);
    expect(audits.at(-1)).toMatchObject({ actor_name: LEADER, after: { value: typed } });

    // The district's dashboard, on its next load.
    const district = await world.browser.newContext();
    const reader = await district.newPage();
    await signIn(reader, world.app.baseUrl, "bcd.haichau", DEMO_PASSWORD);
    await reader.waitForURL(`${world.app.baseUrl}/`);
    await reader.goto(`${world.app.baseUrl}/dashboard/${GROUP}?period=${LATEST_CODE}`);
    const card = reader.getByTestId("card-DIGITAL_SIGNATURE_RATE");
    await expect(card.textContent()).resolves.toContain(new Intl.NumberFormat("vi-VN").format(typed));
    await district.close();
  });

  it("a save queued while a colleague saved the same group opens the merge, and overwrites nothing", async () => {
    const { context, page, before } = await queuedOffline(3);

    // Meanwhile the ward's official, online, saves the same group.
    const ward = await world.browser.newContext();
    const official = await ward.newPage();
    await signIn(official, world.app.baseUrl, "canbo.hoathuantay", DEMO_PASSWORD);
    await official.waitForURL(`${world.app.baseUrl}/`);
    await official.goto(form());
    await official.locator(`#field-${ELEMENT}`).fill(String(before + 5));
    await official.getByRole("button", { name: "Lưu số liệu", exact: true }).click();
    await official.getByText(/^Đã lưu lúc/).first().waitFor();
    // The ward's grid needs a connection, and says so when it is lost.
    await official.goto(`${world.app.baseUrl}/units/20206/month/${LATEST_CODE}/grid`);
    expect(await official.getByTestId("grid-offline").count()).toBe(0);
    await ward.setOffline(true);
    await official.getByTestId("grid-offline").getByText(/Bảng cả phường cần có mạng để lưu/).waitFor();
    await ward.close();

    await context.setOffline(false);
    await page.getByText(/vừa lưu báo cáo này\. Chọn số giữ lại cho từng ô/).waitFor();
    await screenshot(page, "offline-conflict");
    expect((await storedFigures(world.sql, GROUP, LATEST))[ELEMENT]).toBe(before + 5);
    await expect(page.getByTestId("outbox-bar").textContent()).resolves.toContain("có người khác đã lưu trước");
    await context.close();
  });

  it("signing out with a save still waiting asks first; the next user of the phone sees nothing of it", async () => {
    await reopenMonth();
    const profile = newProfile();
    const before = (await storedFigures(world.sql, GROUP, LATEST))[ELEMENT];
    const { context, page } = await leaderPhone(profile);
    // A connection that lets pages through but loses every save: the save waits on the device.
    await context.route("**/api/v1/units/*/reports/*", (route) => route.abort("internetdisconnected"));
    await page.goto(form());
    await page.locator(`#field-${ELEMENT}`).fill(String(before + 11));
    await page.getByRole("button", { name: "Lưu số liệu", exact: true }).click();
    await page.getByTestId("outbox-count").getByText("1 đang chờ gửi").waitFor();

    const signOut = () => page.getByRole("button", { name: "Đăng xuất" }).filter({ visible: true }).first();
    const menu = page.locator("header summary");
    if (await menu.isVisible()) await menu.click();
    const asked = new Promise<string>((resolve) =>
      page.once("dialog", (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await signOut().click();
    expect(await asked).toContain("Còn 1 lần lưu chưa gửi");
    expect(page.url()).toBe(form());
    await page.getByTestId("outbox-count").getByText("1 đang chờ gửi").waitFor();

    page.once("dialog", (dialog) => void dialog.accept());
    await signOut().click();
    await page.waitForURL(/\/sign-in/);
    const left = await page.evaluate(async () => ({
      pages: (await (await caches.open("tcns-pages")).keys()).map((request) => new URL(request.url).pathname),
      drafts: Object.keys(localStorage).filter((key) => key.startsWith("tcns:draft:")),
    }));
    expect(left).toEqual({ pages: [], drafts: [] });

    // The ward's official signs in on the same phone: no queue, no count, and nothing of the leader's was sent.
    await signIn(page, world.app.baseUrl, "canbo.hoathuantay", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    await page.goto(form());
    await page.locator(`#field-${ELEMENT}`).waitFor();
    expect(await page.getByTestId("outbox-bar").count()).toBe(0);
    expect(await page.locator(`#field-${ELEMENT}`).inputValue()).toBe(String(before));
    const queued = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open("tcns-offline");
          open.onsuccess = () => {
            const count = open.result.transaction("outbox").objectStore("outbox").count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(queued).toBe(0);
    expect((await storedFigures(world.sql, GROUP, LATEST))[ELEMENT]).toBe(before);
    await context.close();
  });
  it("a team leader adds a member with no connection; the member is added once when the signal returns", async () => {
    const profile = newProfile();
    const { context, page } = await leaderPhone(profile);
    const teamPage = `${world.app.baseUrl}/teams/TCNS-${GROUP}`;
    await kept(page, teamPage);
    await context.setOffline(true);
    await page.goto(teamPage);
    await page.getByText("+ Thêm thành viên").click();
    await page.locator("#new-fullName").fill("Đinh Văn Thử");
    await page.locator("#new-phone").fill("0905 777 888");
    await page.getByRole("button", { name: "Thêm", exact: true }).click();
    await page.getByText("Đã lưu trên máy, sẽ gửi khi có mạng.", { exact: true }).waitFor();
    await page.getByTestId("members-waiting").getByText("Đinh Văn Thử").waitFor();
    await page.getByTestId("outbox-count").getByText("1 đang chờ gửi").waitFor();
    // The form is empty again, ready for the next member.
    expect(await page.locator("#new-fullName").inputValue()).toBe("");
    const added = async () => (await world.sql.query(`SELECT phone FROM team_member WHERE full_name = 'Đinh Văn Thử'`)).rows as { phone: string }[];
    expect(await added()).toEqual([]);

    await context.setOffline(false);
    await page.getByTestId("outbox-bar").waitFor({ state: "detached" });
    await page.locator("li").getByText("Đinh Văn Thử").first().waitFor();
    expect(await added()).toEqual([{ phone: "0905777888" }]);
    // Opened again, the app sends nothing twice.
    await page.reload();
    await page.locator("li").getByText("Đinh Văn Thử").first().waitFor();
    expect(await added()).toHaveLength(1);
    await context.close();
  });

  it("a save queued for a month the ward approves meanwhile comes back with the reason, the typed figure still on the form", async () => {
    const { context, page, before } = await queuedOffline(9);
    await world.sql.query(`UPDATE period_report SET status = 'APPROVED' WHERE unit_id = (SELECT id FROM admin_unit WHERE code = $1) AND period_id = $2`, [GROUP, LATEST]);

    await context.setOffline(false);
    await page.getByRole("alert").getByText(/Máy chủ không nhận lần lưu trên máy: Báo cáo tháng này đã được duyệt hoặc khóa/).waitFor();
    await expect(page.getByTestId("outbox-bar").textContent()).resolves.toContain("máy chủ không nhận; mở để sửa");
    expect(await page.locator(`#field-${ELEMENT}`).inputValue()).toBe(String(before + 9));
    expect((await storedFigures(world.sql, GROUP, LATEST))[ELEMENT]).toBe(before);
    // Still there when the app is opened again: nothing was dropped.
    await page.reload();
    await page.getByRole("alert").getByText(/Máy chủ không nhận lần lưu trên máy/).waitFor();
    expect(await page.locator(`#field-${ELEMENT}`).inputValue()).toBe(String(before + 9));
    await context.close();
    await reopenMonth();
  });
});
