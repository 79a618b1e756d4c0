import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { followNav, screenshot, signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser } from "./helpers/app-in-browser";
import { reportedGroups, storedFigures, unreportedGroups as unreportedGroupsOf } from "./helpers/demo-groups";
import { LATEST, LATEST_CODE, PREVIOUS } from "./helpers/demo-months";

const PERIOD = LATEST_CODE;

describeInBrowser("entering a month's figures on a 360 px phone, in Chromium", () => {
  const world = appInBrowser({ sql: true });

  async function official(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await world.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, world.app.baseUrl, "canbo.hoathuantay", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    return { context, page };
  }

  const figures = (unitCode: string, periodId: number) => storedFigures(world.sql, unitCode, periodId);
  const unreportedGroups = () => unreportedGroupsOf(world.sql);

  it("a ward official enters a month for a residential group that had not reported, and sees the ratios live", async () => {
    const [group] = await unreportedGroups();
    expect(group).toBeDefined();
    const previous = await figures(group, PREVIOUS);
    const { context, page } = await official();
    await page.goto(`${world.app.baseUrl}/units/${group}`);
    await page.getByRole("link", { name: /Nhập số liệu tháng/ }).click();
    await page.waitForURL(new RegExp(`/entry/${group}/${PERIOD}$`));
    for (const [code, value] of Object.entries(previous)) await page.fill(`#field-${code}`, String(value));
    // The digital-signature rate is computed as the official types.
    const expected = ((previous.ADULTS_DIGITAL_SIGNATURE / previous.ADULTS) * 100).toFixed(1).replace(".", ",");
    await expect(page.getByTestId("indicator-DIGITAL_SIGNATURE_RATE").textContent()).resolves.toContain(`= ${expected}%`);
    await screenshot(page, "entry-filled");
    await page.getByRole("button", { name: "Lưu số liệu" }).click();
    await page.locator("main").getByRole("status").filter({ hasText: "Đã lưu lúc" }).waitFor();
    expect(await figures(group, LATEST)).toEqual(previous);
    await context.close();
  });

  it("refuses a part larger than its whole in the form, naming the field", async () => {
    const { context, page } = await official();
    await page.goto(`${world.app.baseUrl}/entry/${(await reportedGroups(world.sql))[0]}/${PERIOD}`);
    const adults = await page.inputValue("#field-ADULTS");
    await page.fill("#field-ADULTS_DIGITAL_SIGNATURE", String(Number(adults) + 5));
    await expect(page.locator("#field-ADULTS_DIGITAL_SIGNATURE-message").textContent()).resolves.toContain("không được lớn hơn Người trưởng thành");
    await page.getByRole("button", { name: "Lưu số liệu" }).click();
    await expect(page.locator("main").getByRole("alert").first().textContent()).resolves.toContain("Chưa lưu");
    await context.close();
  });

  it("brings back what was typed after a reload", async () => {
    const { context, page } = await official();
    await page.goto(`${world.app.baseUrl}/entry/${(await reportedGroups(world.sql))[1]}/${PERIOD}`);
    const households = Number(await page.inputValue("#field-HOUSEHOLDS"));
    await page.fill("#field-HOUSEHOLDS", String(households + 3));
    await page.reload();
    await page.locator("main").getByRole("status").filter({ hasText: "Đã khôi phục" }).waitFor();
    expect(await page.inputValue("#field-HOUSEHOLDS")).toBe(String(households + 3));
    await screenshot(page, "entry-draft-restored");
    // Saving clears the draft: a further reload shows the saved figure and no notice.
    await page.getByRole("button", { name: "Lưu số liệu" }).click();
    await page.locator("main").getByRole("status").filter({ hasText: "Đã lưu lúc" }).waitFor();
    await page.reload();
    expect(await page.inputValue("#field-HOUSEHOLDS")).toBe(String(households + 3));
    await expect(page.getByText("Đã khôi phục").count()).resolves.toBe(0);
    await context.close();
  });

  it("keeps the second of two sessions from overwriting the first, and lets it merge", async () => {
    const first = await official();
    const second = await official();
    const group = (await reportedGroups(world.sql))[2];
    const url = `${world.app.baseUrl}/entry/${group}/${PERIOD}`;
    await Promise.all([first.page.goto(url), second.page.goto(url)]);
    const merchants = Number(await first.page.inputValue("#field-MERCHANTS"));
    const households = Number(await first.page.inputValue("#field-HOUSEHOLDS"));

    await first.page.fill("#field-MERCHANTS", String(merchants + 1));
    await first.page.getByRole("button", { name: "Lưu số liệu" }).click();
    await first.page.locator("main").getByRole("status").filter({ hasText: "Đã lưu lúc" }).waitFor();

    await second.page.fill("#field-HOUSEHOLDS", String(households + 2));
    await second.page.getByRole("button", { name: "Lưu số liệu" }).click();
    await second.page.getByRole("heading", { name: /vừa lưu báo cáo này/ }).waitFor();
    await screenshot(second.page, "entry-conflict");
    // Nothing of the second session was written.
    expect((await figures(group, LATEST)).HOUSEHOLDS).toBe(households);

    // Keep the colleague's merchants, our households.
    await second.page.getByRole("row", { name: /Hộ kinh doanh, tiểu thương/ }).getByRole("radio").nth(1).check();
    await second.page.getByRole("button", { name: "Dùng các số đã chọn" }).click();
    await second.page.getByRole("button", { name: "Lưu số liệu" }).click();
    await second.page.locator("main").getByRole("status").filter({ hasText: "Đã lưu lúc" }).waitFor();
    expect(await figures(group, LATEST)).toMatchObject({ MERCHANTS: merchants + 1, HOUSEHOLDS: households + 2 });
    await first.context.close();
    await second.context.close();
  });

  it("shows the ward official which groups have not reported, with the leader to call", async () => {
    const missing = await unreportedGroups();
    const { context, page } = await official();
    await page.goto(`${world.app.baseUrl}/units/20206`);
    await page.getByRole("link", { name: /Tình hình báo cáo tháng/ }).click();
    await page.waitForURL(/\/units\/20206\/month\/\d{4}-\d{2}$/);
    await page.goto(`${world.app.baseUrl}/units/20206/month/${PERIOD}`);
    const { rows } = await world.sql.query(
      `SELECT count(DISTINCT v.unit_id)::int AS n FROM data_value v JOIN admin_unit u ON u.id = v.unit_id JOIN admin_unit p ON p.id = u.parent_id AND p.code = '20206' WHERE v.period_id = ${LATEST}`,
    );
    await expect(page.getByTestId("completeness-summary").textContent()).resolves.toBe(`${rows[0].n}/53 tổ dân phố/thôn đã báo cáo`);
    const missingList = page.getByRole("region", { name: /chưa báo cáo/ });
    for (const code of missing) await expect(missingList.textContent()).resolves.toContain(`Tổ dân phố ${Number(code.split("-")[1])}`);
    await expect(missingList.locator("a[href^='tel:']").count()).resolves.toBeGreaterThan(0);
    await screenshot(page, "ward-month");
    await context.close();
  });

  it("the district steering committee approves a submitted report", async () => {
    const { rows } = await world.sql.query(
      `SELECT u.code FROM period_report r JOIN admin_unit u ON u.id = r.unit_id JOIN admin_unit p ON p.id = u.parent_id AND p.code = '20206'
       WHERE r.period_id = ${LATEST} AND r.status = 'SUBMITTED' ORDER BY u.code LIMIT 1`,
    );
    const code = rows[0].code as string;
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, world.app.baseUrl, "bcd.haichau", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    await page.goto(`${world.app.baseUrl}/units/20206/month/${PERIOD}`);
    const row = page.getByRole("row", { name: new RegExp(`Tổ dân phố ${Number(code.split("-")[1])}\\b`) });
    await row.getByRole("button", { name: "Duyệt" }).click();
    await row.getByText("Đã duyệt").waitFor();
    const { rows: after } = await world.sql.query("SELECT r.status::text FROM period_report r JOIN admin_unit u ON u.id = r.unit_id WHERE u.code = $1 AND r.period_id = $2", [code, LATEST]);
    expect(after[0].status).toBe("APPROVED");
    await context.close();
  });

  it("imports a CSV: bad rows are listed and nothing is written, then the fixed file is checked and committed", async () => {
    const { context, page } = await official();
    await followNav(page, "Nhập từ tệp");
    await page.waitForURL(/\/import$/);
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-values-"));
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "unit_code,period,element_code,value\n20206-04,2024-01,PEOPLE,700\n20206-04,2024-01,ADULTS,-5\n20194-01,2024-01,PEOPLE,600\n");
    await page.setInputFiles("#file", bad);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    const alert = page.locator("main").getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Có 2 lỗi; chưa ghi số liệu nào.*3.*value.*không được là số âm.*4.*unit_code.*ngoài phạm vi/s);
    await screenshot(page, "import-values-errors");
    expect(await figures("20206-04", 202401)).toEqual({});

    const good = path.join(dir, "good.csv");
    writeFileSync(good, "unit_code,period,element_code,value\n20206-04,2024-01,PEOPLE,700\n20206-04,2024-01,ADULTS,505\n");
    await page.setInputFiles("#file", good);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await page.locator("main").getByRole("status").filter({ hasText: "Tệp hợp lệ: 2 dòng" }).waitFor();
    expect(await figures("20206-04", 202401)).toEqual({});
    await page.getByRole("button", { name: "Ghi 2 dòng" }).click();
    await page.locator("main").getByRole("status").filter({ hasText: "Đã ghi 2 dòng" }).waitFor();
    expect(await figures("20206-04", 202401)).toEqual({ PEOPLE: 700, ADULTS: 505 });
    await context.close();
  });

  it("keeps a team's member list: a bad phone is refused with the rule, then the member is added and moved", async () => {
    const { context, page } = await official();
    await page.goto(`${world.app.baseUrl}/units/20206-05`);
    await page.getByRole("link", { name: "Tổ công nghệ số cộng đồng Tổ dân phố 5" }).click();
    await page.waitForURL(/\/teams\/TCNS-20206-05$/);
    await page.getByText("+ Thêm thành viên").click();
    await page.fill("#new-fullName", "Hoàng Thị Ngọc Ánh");
    await page.selectOption("#new-affiliation", "STUDENT_VOLUNTEER");
    await page.fill("#new-birthYear", "2004");
    await page.fill("#new-phone", "12345");
    await page.getByRole("button", { name: "Thêm", exact: true }).click();
    await expect(page.locator("#new-phone-errors").textContent()).resolves.toContain("10 chữ số");
    // Nothing typed is lost to the error: only the phone needs fixing.
    expect(await page.inputValue("#new-fullName")).toBe("Hoàng Thị Ngọc Ánh");
    expect(await page.inputValue("#new-affiliation")).toBe("STUDENT_VOLUNTEER");
    await page.fill("#new-phone", "+84 935 222 333");
    await page.getByRole("button", { name: "Thêm", exact: true }).click();
    await page.getByText("0935222333").waitFor();
    await screenshot(page, "team");

    const card = page.locator("li", { hasText: "Hoàng Thị Ngọc Ánh" });
    await card.getByText("Sửa, chuyển tổ hoặc ngừng hoạt động").click();
    await card.getByLabel("Chuyển sang tổ (mã tổ)").fill("TCNS-20206-06");
    await card.getByRole("button", { name: "Chuyển", exact: true }).click();
    // Moved: the member leaves this team's list.
    await card.waitFor({ state: "detached" });
    const { rows } = await world.sql.query("SELECT t.code FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.full_name = $1", ["Hoàng Thị Ngọc Ánh"]);
    expect(rows).toEqual([{ code: "TCNS-20206-06" }]);
    await context.close();
  });

  it("a ward official cannot open another ward's entry page by editing the URL", async () => {
    const { context, page } = await official();
    const response = await page.goto(`${world.app.baseUrl}/entry/20194-01/${PERIOD}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("main").textContent()).resolves.not.toContain("Thanh Bình");
    await context.close();
  });
});
