/**
 * The platform without a mouse, and when things are not as hoped: a user who
 * only has a keyboard signs in and enters a month, seeing where the focus is
 * at every step; a new ward with nothing in it, a month nobody reported, a
 * lost connection and a refused save each say what happened and what to do,
 * and lose nothing that was typed.
 */
import type { Page } from "playwright-core";
import vi from "@/lib/i18n/messages/vi.json";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser } from "./helpers/app-in-browser";
import { reportedGroups, storedFigures, unreportedGroups } from "./helpers/demo-groups";
import { LATEST, LATEST_CODE, PREVIOUS } from "./helpers/demo-months";
import { addMonths, periodCode } from "@/lib/periods";

const PERIOD = LATEST_CODE;

/** What the focused element is, and whether a sighted keyboard user can see that it has the focus. */
async function focusState(page: Page): Promise<{ id: string; tag: string; text: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { id: "", tag: "body", text: "", visible: false };
    const style = getComputedStyle(element);
    const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const box = element.getBoundingClientRect();
    return { id: element.id, tag: element.tagName.toLowerCase(), text: (element.textContent ?? "").trim().slice(0, 40), visible: ring && box.width > 0 && box.height > 0 };
  });
}

type Focus = Awaited<ReturnType<typeof focusState>>;

/** Presses Tab until the focus is where wanted (an id, or a test); every stop on the way must show its focus. */
async function tabTo(page: Page, target: string | ((focus: Focus) => boolean), unseen: string[], limit = 40): Promise<Focus> {
  const reached = typeof target === "string" ? (focus: Focus) => focus.id === target : target;
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press("Tab");
    const focus = await focusState(page);
    if (!focus.visible) unseen.push(`${focus.tag}#${focus.id} "${focus.text}"`);
    if (reached(focus)) return focus;
  }
  throw new Error(`${String(target)} was not reached with ${limit} presses of Tab`);
}

describeInBrowser("keyboard use, and what the pages say when there is nothing or something goes wrong", () => {
  const world = appInBrowser({ sql: true });

  /** The first group of the ward with October still to report, and its September figures. A test that saves it takes it off the list. */
  async function unreportedGroup(): Promise<{ code: string; previous: Record<string, number> }> {
    const [code] = await unreportedGroups(world.sql);
    return { code, previous: await storedFigures(world.sql, code, PREVIOUS) };
  }

  async function storedValue(unitCode: string, elementCode: string): Promise<number | null> {
    const { rows } = await world.sql.query(
      `SELECT v.value FROM data_value v JOIN admin_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
       WHERE u.code = $1 AND e.code = $2 AND v.period_id = ${LATEST}`,
      [unitCode, elementCode],
    );
    return rows[0]?.value ?? null;
  }

  async function officialOnPhone(): Promise<Page> {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, world.app.baseUrl, "canbo.hoathuantay", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    return page;
  }

  it("signs in, opens the phone menu and enters a month with the keyboard alone, the focus visible at every stop", async () => {
    const { code: group, previous } = await unreportedGroup();
    const context = await world.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const unseen: string[] = [];

    await page.goto(`${world.app.baseUrl}/sign-in`);
    await tabTo(page, "username", unseen);
    await page.keyboard.type("canbo.hoathuantay");
    await tabTo(page, "password", unseen);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${world.app.baseUrl}/`);

    // The folded menu of a phone opens from the keyboard, right after the skip link and the platform's name, and its links take the focus.
    await page.goto(`${world.app.baseUrl}/`);
    await tabTo(page, (focus) => focus.tag === "summary", unseen, 3);
    expect(await focusState(page)).toMatchObject({ text: expect.stringContaining(vi.nav.menu), visible: true });
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await focusState(page)).toMatchObject({ tag: "a", text: vi.nav.dashboard, visible: true });

    await page.goto(`${world.app.baseUrl}/entry/${group}/${PERIOD}`);
    const fields = await page.locator("#report-form input[inputmode=numeric]").evaluateAll((inputs) => inputs.map((input) => input.id));
    expect(fields.length).toBeGreaterThan(3);
    // Field by field with Tab, as an official would; Enter in the last field saves.
    for (const id of fields) {
      await tabTo(page, id, unseen);
      const value = previous[id.replace("field-", "")];
      if (value !== undefined) await page.keyboard.type(String(value));
    }
    await page.keyboard.press("Enter");
    await page.locator("main").getByRole("status").filter({ hasText: "Đã lưu lúc" }).waitFor();
    for (const [code, value] of Object.entries(previous)) expect(await storedValue(group, code)).toBe(value);
    expect(unseen).toEqual([]);
    await context.close();
  });

  it("a new ward with no groups, teams or figures says so, and says who can change that", async () => {
    await world.sql.query(
      `INSERT INTO admin_unit (code, name, level, kind, parent_id, updated_at)
       SELECT '20299', 'Hòa Mới', 'WARD', 'Phường', id, now() FROM admin_unit WHERE code = '492'`,
    );
    const context = await world.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, world.app.baseUrl, "bcd.haichau", DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

    await page.goto(`${world.app.baseUrl}/units/20299`);
    const main = page.locator("main");
    await expect(main.textContent()).resolves.toContain(vi.units.noChildren);
    await expect(main.textContent()).resolves.toContain(vi.units.noTeams);

    await page.goto(`${world.app.baseUrl}/dashboard/20299?period=${PERIOD}`);
    await main.getByRole("status").filter({ hasText: vi.dashboard.emptyUnit.replace("{unit}", "Phường Hòa Mới") }).waitFor();
    // No card pretends to a rate of 0%.
    await expect(main.getByText(vi.dashboard.noDataCard).count()).resolves.toBeGreaterThan(3);
    await expect(main.getByText(/\b0,0%/).count()).resolves.toBe(0);
    await context.close();
  });

  it("a month nobody has reported yet shows every group as missing, with the leader to call", async () => {
    const page = await officialOnPhone();
    // The month under way: nobody has reported it yet.
    await page.goto(`${world.app.baseUrl}/units/20206/month/${periodCode(addMonths(LATEST, 1))}`);
    const main = page.locator("main");
    const { rows } = await world.sql.query(
      `SELECT count(*)::int AS n FROM admin_unit u JOIN admin_unit p ON p.id = u.parent_id AND p.code = '20206' WHERE u.valid_to IS NULL`,
    );
    await expect(main.textContent()).resolves.toContain(`0/${rows[0].n}`);
    await main.getByRole("heading", { name: new RegExp(`${rows[0].n} tổ chưa báo cáo`) }).waitFor();
    await expect(main.getByText(/Tổ trưởng /).count()).resolves.toBeGreaterThan(0);
    await page.context().close();
  });

  it("a save with no connection is kept on the device, says so, and is sent once when the connection returns", async () => {
    const { code: group, previous } = await unreportedGroup();
    const adults = String(previous.ADULTS);
    const page = await officialOnPhone();
    await page.goto(`${world.app.baseUrl}/entry/${group}/${PERIOD}`);
    // The whole month, consistent (September's figures again), so that only the network stands in the way.
    for (const [code, value] of Object.entries(previous)) await page.fill(`#field-${code}`, String(value));
    await page.context().setOffline(true);
    await page.getByRole("button", { name: vi.entry.save }).click();
    await page.locator("main").getByRole("status").filter({ hasText: vi.entry.queuedNow }).waitFor();
    // The outcome is also told beside the save button, where the official's eyes are at the bottom of the form.
    const echo = page.getByTestId("save-echo");
    await expect(echo.textContent()).resolves.toBe(vi.entry.queuedNow);
    expect(await echo.isVisible()).toBe(true);
    await page.getByTestId("outbox-count").getByText("1 đang chờ gửi").waitFor();
    expect(await page.inputValue("#field-ADULTS")).toBe(adults);
    expect(await storedValue(group, "ADULTS")).toBeNull();

    // The connection returns: the device sends the save by itself, once.
    await page.context().setOffline(false);
    await page.locator("main").getByRole("status").filter({ hasText: "Đã lưu lúc" }).waitFor();
    await expect(echo.textContent()).resolves.toMatch(/^Đã lưu lúc/);
    expect(await storedValue(group, "ADULTS")).toBe(previous.ADULTS);
    expect(await page.getByTestId("outbox-bar").count()).toBe(0);
    await page.context().close();
  });

  it("a save refused because the report was approved meanwhile says why and who can reopen it, keeping the typed figure", async () => {
    // A group whose report of the demo's last month is still a draft, corrected by one adult.
    const { rows } = await world.sql.query(
      `SELECT u.code, v.value FROM admin_unit u JOIN admin_unit p ON p.id = u.parent_id AND p.code = '20206'
       JOIN data_value v ON v.unit_id = u.id AND v.period_id = ${LATEST} JOIN data_element e ON e.id = v.element_id AND e.code = 'ADULTS'
       JOIN period_report r ON r.unit_id = u.id AND r.period_id = ${LATEST} AND r.status = 'DRAFT' ORDER BY u.code`,
    );
    // One the form would save as it stands but for the corrected figure.
    const resavable = new Set(await reportedGroups(world.sql));
    const { code: group, value: stored } = (rows as { code: string; value: number }[]).find((row) => resavable.has(row.code))!;
    const typed = String(stored + 1);
    const page = await officialOnPhone();
    await page.goto(`${world.app.baseUrl}/entry/${group}/${PERIOD}`);
    await page.fill("#field-ADULTS", typed);
    // Meanwhile the level above approves the month.
    await world.sql.query(
      `UPDATE period_report SET status = 'APPROVED' WHERE period_id = ${LATEST} AND unit_id = (SELECT id FROM admin_unit WHERE code = $1)`,
      [group],
    );
    await page.getByRole("button", { name: vi.entry.save }).click();
    const alert = page.locator("main").getByRole("alert");
    await expect(alert.textContent()).resolves.toContain(vi.errors.reportFinal);
    expect(await page.inputValue("#field-ADULTS")).toBe(typed);
    expect(await storedValue(group, "ADULTS")).toBe(stored);
    await page.context().close();
  });
});
