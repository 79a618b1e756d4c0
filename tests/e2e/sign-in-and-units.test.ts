import { writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { followNav, screenshot, signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser } from "./helpers/app-in-browser";

describeInBrowser("signing in and seeing the unit tree, in Chromium", () => {
  const world = appInBrowser();


  async function newPage(width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await world.browser.newContext({ viewport: { width, height: 800 } });
    return { context, page: await context.newPage() };
  }

  it.each([360, 1280])("a district steering committee member signs in and sees their district's wards with team counts (%i px)", async (width) => {
    const { context, page } = await newPage(width);
    await page.goto(`${world.app.baseUrl}/`);
    await page.waitForURL(/\/sign-in/);
    await screenshot(page, "sign-in");

    await signIn(page, world.app.baseUrl, "bcd.haichau", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    const main = page.locator("main");
    await expect(main.getByRole("link", { name: "Quận Hải Châu" }).isVisible()).resolves.toBe(true);
    // The innermost list item: the ward's own row, not the district's that contains it.
    const ward = main.locator("li:not(:has(li))", { has: page.getByRole("link", { name: "Phường Hòa Thuận Tây", exact: true }) });
    await expect(ward.textContent()).resolves.toContain("53 tổ dân phố/thôn · 53 tổ CNS · 385 thành viên");
    // Another province is outside a district committee's scope.
    await expect(main.getByText("Sơn La").count()).resolves.toBe(0);
    await screenshot(page, "units-district");

    await main.getByRole("link", { name: "Phường Hòa Thuận Tây", exact: true }).click();
    await page.waitForURL(/\/units\/20206$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Phường Hòa Thuận Tây");
    await screenshot(page, "unit-ward");

    // Editing the URL to a unit in another province shows "not found", not its data.
    const response = await page.goto(`${world.app.baseUrl}/units/14`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("main").textContent()).resolves.toContain("Không tìm thấy đơn vị này trong phạm vi của bạn.");
    await context.close();
  });

  it("finds Hòa Thuận Tây when the name is typed without accents", async () => {
    const { context, page } = await newPage(360);
    await signIn(page, world.app.baseUrl, "bcd.haichau", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    await followNav(page, "Tìm kiếm");
    await page.fill("#search-q", "hoa thuan tay");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await page.getByRole("link", { name: "Phường Hòa Thuận Tây" }).click();
    await page.waitForURL(/\/units\/20206$/);
    await context.close();
  });

  it("says plainly when the password is wrong, and stays on the sign-in page", async () => {
    const { context, page } = await newPage(360);
    await signIn(page, world.app.baseUrl, "bcd.haichau", "mat-khau-sai");
    await expect(page.locator("main").getByRole("alert").textContent()).resolves.toContain("Tên đăng nhập hoặc mật khẩu không đúng");
    expect(page.url()).toContain("/sign-in");
    await context.close();
  });

  it("switches the interface to English and back", async () => {
    const { context, page } = await newPage(1280);
    await signIn(page, world.app.baseUrl, "canbo.hoathuantay", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Administrative units and digital technology teams" }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain("385 members");
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await page.getByRole("heading", { name: "Đơn vị hành chính và tổ công nghệ số" }).waitFor();
    await context.close();
  });

  it("lets an administrator import units from CSV: bad rows are listed and nothing is written, then a fixed file goes in", async () => {
    const { context, page } = await newPage(1280);
    await signIn(page, world.app.baseUrl, "admin", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    await page.goto(`${world.app.baseUrl}/admin/units/import`);

    const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-import-"));
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "code,name,level,kind,parent_code\n31,Hải Phòng,PROVINCE,Thành phố,\n31-X,Phường Mới,WARD,Phường,99\n");
    await page.setInputFiles("#file", bad);
    await page.getByRole("button", { name: "Kiểm tra và nhập" }).click();
    const alert = page.locator("main").getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Có 1 lỗi; chưa ghi đơn vị nào.*3.*parent_code.*Không có đơn vị cấp trên mã "99"/s);
    await screenshot(page, "import-units-errors");

    const good = path.join(dir, "good.csv");
    writeFileSync(good, "\uFEFFcode,name,level,kind,parent_code\n31,Hải Phòng,PROVINCE,Thành phố,\n31-X,Phường Mới,WARD,Phường,31\n");
    await page.setInputFiles("#file", good);
    await page.getByRole("button", { name: "Kiểm tra và nhập" }).click();
    await page.getByRole("status").waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toContain("Đã thêm 2 đơn vị");

    await page.goto(`${world.app.baseUrl}/`);
    await expect(page.getByRole("link", { name: "Thành phố Hải Phòng" }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("does not show the import page's form to a ward official", async () => {
    const { context, page } = await newPage(360);
    await signIn(page, world.app.baseUrl, "canbo.thanhbinh", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    await page.goto(`${world.app.baseUrl}/admin/units/import`);
    await expect(page.locator("main").getByRole("alert").textContent()).resolves.toContain("Chỉ quản trị hệ thống");
    await expect(page.locator("#file").count()).resolves.toBe(0);
    await context.close();
  });
});
