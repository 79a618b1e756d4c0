import type { BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { followNav, screenshot, signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser } from "./helpers/app-in-browser";
import { LATEST, LATEST_CODE } from "./helpers/demo-months";
import { addMonths, periodCode } from "@/lib/periods";

describeInBrowser("reorganising the map, in Chromium", () => {
  const world = appInBrowser({ sql: true });

  async function signedIn(username: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await world.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signIn(page, world.app.baseUrl, username, DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    return { context, page };
  }

  it("a steering committee previews a merge of residential groups, is told what is wrong, then confirms the previewed change", async () => {
    const { context, page } = await signedIn("bcd.haichau", 360);
    await followNav(page, "Sắp xếp địa giới");
    await page.waitForURL(/\/admin\/reorganise/);
    await page.fill("#effectiveOn", periodCode(addMonths(LATEST, 1)));
    await page.fill("#decisionRef", "15/QĐ-UBND");
    await page.fill("#reason", "Sáp nhập tổ dân phố theo nghị quyết của phường");
    // Different levels: refused, nothing written.
    // A code picked by name: the ward, typed without diacritics, joins the group already typed.
    await page.fill("#sourceCodes", "20194-40");
    await page.getByLabel(/Gõ tên để tìm \(ô «Mã các đơn vị/).fill("thanh binh");
    await page.getByRole("button", { name: /^Phường Thanh Bình · Quận Hải Châu \(20194\)$/ }).click();
    await expect(page.inputValue("#sourceCodes")).resolves.toBe("20194-40, 20194");
    await page.getByRole("radio", { name: "Đơn vị có sẵn" }).check();
    await page.fill("#intoCode", "20194-38");
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect(page.locator("main").getByRole("alert").first().textContent()).resolves.toContain("phải cùng cấp");
    await expect(page.locator("#sourceCodes-errors").textContent()).resolves.toContain("phải cùng cấp");

    await page.fill("#sourceCodes", "20194-39, 20194-40");
    await page.getByRole("button", { name: "Xem trước" }).click();
    const preview = page.locator("#preview-heading");
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain("Xem trước");
    const main = page.locator("main");
    await expect(main.textContent()).resolves.toContain("Ngừng hoạt động");
    await expect(main.textContent()).resolves.toContain(`tháng ${LATEST % 100}/${Math.floor(LATEST / 100)}`);
    // The form shows what was previewed (a form reset once put the radio buttons back on screen).
    await expect(page.getByRole("radio", { name: "Đơn vị có sẵn" }).isChecked()).resolves.toBe(true);
    await screenshot(page, "reorganise-preview");

    await page.getByRole("button", { name: "Xác nhận thực hiện" }).click();
    await main.getByRole("status").filter({ hasText: "Đã thực hiện" }).waitFor();
    await expect(main.textContent()).resolves.toContain("Các lần sắp xếp đã ghi nhận");
    // Names follow one rule: "Tổ dân phố 39", never "Tổ dân phố Tổ dân phố 39".
    await expect(main.textContent()).resolves.toContain("Tổ dân phố 39 → Tổ dân phố 38");
    await expect(main.textContent()).resolves.not.toContain("Tổ dân phố Tổ dân phố");

    // The old group's page says what became of it; its dashboard opens on the map of its time.
    await page.goto(`${world.app.baseUrl}/units/20194-39`);
    await expect(page.locator("#history-heading").textContent()).resolves.toContain("Lịch sử địa giới");
    await expect(main.textContent()).resolves.toContain("Kế thừa bởi:");
    await expect(main.textContent()).resolves.not.toContain("Tổ dân phố Tổ dân phố");
    await page.goto(`${world.app.baseUrl}/dashboard/20194?period=${LATEST_CODE}&map=then`);
    await expect(main.textContent()).resolves.toContain("Tổ dân phố 39");
    await page.goto(`${world.app.baseUrl}/dashboard/20194?period=${LATEST_CODE}&map=now`);
    await expect(main.locator("#children-heading").waitFor().then(() => main.textContent())).resolves.not.toContain("Tổ dân phố 39");
    await context.close();
  });

  it("a dashboard shows Hải Dương before the two-tier reform on the map of that time, and continuously on today's map", async () => {
    const { context, page } = await signedIn("admin");
    const main = page.locator("main");
    await page.goto(`${world.app.baseUrl}/dashboard/30?period=2025-06&map=then`);
    // June 2025 as it was: the province's two districts, every group of the time reported.
    // The league table of the units below (its first column is the rank).
    const rowsOf = async () => (await main.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Hạng" }) }).textContent()) ?? "";
    const then = await main.textContent();
    expect(then).toContain("Theo địa giới tại thời điểm báo cáo");
    expect(then).toContain("43/43 tổ dân phố, thôn đã báo cáo");
    const thenRows = await rowsOf();
    expect(thenRows).toContain("Hải Dương");
    expect(thenRows).not.toContain("Trần Phú");
    await screenshot(page, "dashboard-map-then");
    // The same month on today's map: the wards directly under the province, the same province total.
    await page.goto(`${world.app.baseUrl}/dashboard/30?period=2025-06`);
    const nowRows = await rowsOf();
    expect(nowRows).toContain("Trần Phú");
    expect(nowRows).toContain("Cẩm Giàng");
    expect(nowRows).not.toContain("Nguyễn Trãi");
    // The province's digital-signature figures of June 2025, summed from the raw values of every unit below it then and now.
    const { rows } = await world.sql.query(
      `SELECT sum(v.value) FILTER (WHERE e.code = 'ADULTS_DIGITAL_SIGNATURE')::int AS signatures, sum(v.value) FILTER (WHERE e.code = 'ADULTS')::int AS adults
       FROM data_value v JOIN data_element e ON e.id = v.element_id JOIN admin_unit_closure c ON c.descendant_id = v.unit_id
       JOIN admin_unit p ON p.id = c.ancestor_id AND p.code = '30' WHERE v.period_id = 202506`,
    );
    const figures = `${rows[0].signatures.toLocaleString("vi-VN")} / ${rows[0].adults.toLocaleString("vi-VN")}`;
    expect(rows[0].adults).toBeGreaterThan(10_000);
    expect(await main.textContent()).toContain(figures);
    expect(then).toContain(figures);
    await context.close();
  });
});
