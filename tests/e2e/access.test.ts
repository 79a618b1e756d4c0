import type { BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { httpRequest } from "./helpers/app-server";
import { screenshot, signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser } from "./helpers/app-in-browser";

describeInBrowser("roles and scoped access, in Chromium", () => {
  const world = appInBrowser();


  async function signedIn(username: string, width = 1280, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
    const context = await world.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await signIn(page, world.app.baseUrl, username, password);
    await page.waitForURL(`${world.app.baseUrl}/`);
    return { context, page };
  }

  it("a ward official cannot open another ward by editing the URL, nor the administration pages", async () => {
    const { context, page } = await signedIn("canbo.hoathuantay", 360);
    expect((await page.goto(`${world.app.baseUrl}/units/20206`))?.status()).toBe(200);
    const other = await page.goto(`${world.app.baseUrl}/units/20194`);
    expect(other?.status()).toBe(404);
    await expect(page.locator("main").textContent()).resolves.toContain("Không tìm thấy đơn vị này trong phạm vi của bạn.");
    await expect(page.locator("main").textContent()).resolves.not.toContain("Thanh Bình");
    await page.goto(`${world.app.baseUrl}/admin/users`);
    await expect(page.locator("main").getByRole("alert").textContent()).resolves.toContain("không quản lý tài khoản");
    await page.goto(`${world.app.baseUrl}/admin/audit`);
    await expect(page.locator("main").getByRole("alert").textContent()).resolves.toContain("Chỉ quản trị hệ thống");
    await context.close();
  });

  it("a deactivated user is refused on the very next request", async () => {
    const official = await signedIn("canbo.thanhbinh");
    const admin = await signedIn("admin");
    await admin.page.goto(`${world.app.baseUrl}/admin/users`);
    await admin.page.getByRole("link", { name: "canbo.thanhbinh", exact: true }).click();
    await admin.page.getByRole("button", { name: "Khóa tài khoản" }).click();
    await admin.page.locator("main").getByRole("status").waitFor();

    await official.page.reload();
    await official.page.waitForURL(/\/sign-in/);
    await signIn(official.page, world.app.baseUrl, "canbo.thanhbinh", DEMO_PASSWORD);
    await expect(official.page.locator("#sign-in-form").getByRole("alert").textContent()).resolves.toContain("tài khoản đã bị khóa");
    await official.context.close();
    await admin.context.close();
  });

  it("a steering committee creates a ward official, who must choose a password at first sign-in", async () => {
    const { context, page } = await signedIn("bcd.haichau");
    await page.goto(`${world.app.baseUrl}/admin/users`);
    await page.fill("#username", "canbo.namduong");
    await page.fill("#fullName", "Võ Thị Mai");
    await page.selectOption("#role", "WARD_OFFICIAL");
    await page.fill("#scopeUnitCode", "20209");
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    const password = await page.getByTestId("temporary-password").textContent();
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    await screenshot(page, "users-created");

    // Outside the district: refused with the rule, nothing created.
    await page.fill("#username", "canbo.sonla");
    await page.fill("#fullName", "Lò Văn Páo");
    await page.fill("#scopeUnitCode", "03646");
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(page.locator("main").getByRole("alert").textContent()).resolves.toContain("không có quyền");
    await context.close();

    const newcomer = await world.browser.newContext({ viewport: { width: 360, height: 800 } });
    const own = await newcomer.newPage();
    await signIn(own, world.app.baseUrl, "canbo.namduong", password!);
    await own.waitForURL(/\/change-password/);
    await screenshot(own, "change-password");
    await own.fill("#currentPassword", password!);
    await own.fill("#newPassword", "Phường Nam Dương số một");
    await own.fill("#confirmPassword", "Phường Nam Dương số một");
    await own.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await own.waitForURL(`${world.app.baseUrl}/`);
    await expect(own.locator("main h1").textContent()).resolves.toContain("Đơn vị hành chính");
    await expect(own.locator("main").textContent()).resolves.toContain("Phường Nam Dương");
    await newcomer.close();
  });

  it("the sixth wrong password is refused with the time to try again", async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.app.baseUrl}/sign-in`);
    const alert = page.locator("#sign-in-form").getByRole("alert");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.fill("#username", "canbo.cukhe");
      await page.fill("#password", `sai-${attempt}`);
      await page.click("#sign-in-form button[type=submit]");
      await expect(alert.textContent()).resolves.toContain("không đúng");
    }
    await page.fill("#password", DEMO_PASSWORD);
    await page.click("#sign-in-form button[type=submit]");
    await page.waitForFunction(() => document.querySelector("#sign-in-form [role=alert]")?.textContent?.includes("tạm dừng đến"));
    expect(page.url()).toContain("/sign-in");
    await context.close();
  });

  it("an administrator browses and filters the audit log", async () => {
    const { context, page } = await signedIn("admin");
    await page.goto(`${world.app.baseUrl}/admin/audit?action=auth.sign_in_failed`);
    const rows = page.locator("main tbody tr");
    await expect(rows.count()).resolves.toBeGreaterThanOrEqual(5);
    await expect(rows.first().textContent()).resolves.toContain("auth.sign_in_failed");
    await screenshot(page, "audit");
    await context.close();
  });

  it("refuses a cross-site POST before it reaches sign-in or any action", async () => {
    const crossSite = await httpRequest(`${world.app.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "username=admin&password=x",
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await httpRequest(`${world.app.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { origin: world.app.baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: "username=admin&password=x",
    });
    expect(sameSite.status).not.toBe(403);
  });

  it("treats a tampered session cookie as signed out, never as an error", async () => {
    const { context, page } = await signedIn("canbo.hoathuantay");
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(session).toBeDefined();
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    // Flip characters in the signed token.
    const tampered = session!.value.slice(0, -8) + (session!.value.endsWith("AAAAAAAA") ? "BBBBBBBB" : "AAAAAAAA");
    await context.addCookies([{ ...session!, value: tampered }]);
    const response = await page.goto(`${world.app.baseUrl}/units/20206`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toContain("/sign-in");
    await context.close();
  });

  it("sends the security headers", async () => {
    const { headers } = await httpRequest(`${world.app.baseUrl}/sign-in`);
    const csp = String(headers["content-security-policy"] ?? "");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });
});
