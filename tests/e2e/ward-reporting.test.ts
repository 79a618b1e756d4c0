/**
 * Reporting where the work happens, in Chromium against the running app on
 * the demo data: the ward prints its team leaders' one-time passwords; a
 * leader signs in on a 360 px phone and reports their group with "unchanged
 * since last month"; the ward sees it in its grid, pastes a 10 × 15 block from
 * a spreadsheet and saves ten groups in one transaction; a conflicting save
 * writes nothing; the ward's workbook goes out and comes back through the import.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { screenshot, signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser } from "./helpers/app-in-browser";
import { storedFigures, unreportedGroups } from "./helpers/demo-groups";
import { LATEST, LATEST_CODE, PREVIOUS } from "./helpers/demo-months";

jest.setTimeout(240_000);
const WARD = "20206";
const GRID = `/units/${WARD}/month/${LATEST_CODE}/grid`;
const STOCKS = ["ADULTS", "ADULTS_DIGITAL_SIGNATURE", "ADULTS_VNEID_L2", "ADULTS_SMARTPHONE", "ADULTS_CASHLESS", "ADULTS_ONLINE_PUBLIC_SERVICE", "ADULTS_BANK_ACCOUNT", "PEOPLE", "PEOPLE_EHEALTH", "HOUSEHOLDS", "HOUSEHOLDS_FIBRE", "MERCHANTS", "MERCHANTS_QR"];

describeInBrowser("a ward's month reported where the work happens, in Chromium", () => {
  const world = appInBrowser({ sql: true });
  const figures = (unitCode: string, periodId: number) => storedFigures(world.sql, unitCode, periodId);

  async function official(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await world.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, world.app.baseUrl, "canbo.hoathuantay", DEMO_PASSWORD);
    await page.waitForURL(`${world.app.baseUrl}/`);
    return { context, page };
  }

  /** Of these units, the ones whose month can still be written (not approved or locked). */
  async function writable(codes: string[]): Promise<Set<string>> {
    const { rows } = await world.sql.query(
      `SELECT u.code FROM admin_unit u LEFT JOIN period_report r ON r.unit_id = u.id AND r.period_id = $1 WHERE u.code = ANY($2) AND coalesce(r.status::text, 'DRAFT') IN ('DRAFT', 'SUBMITTED')`,
      [LATEST, codes],
    );
    return new Set(rows.map((row) => row.code as string));
  }

  /** The state a save leaves in the database: each report's version and every figure of the ward's month. */
  async function wardMonth() {
    const { rows } = await world.sql.query(
      `SELECT u.code, r.version, (SELECT json_object_agg(e.code, v.value ORDER BY e.code) FROM data_value v JOIN data_element e ON e.id = v.element_id WHERE v.unit_id = u.id AND v.period_id = $2) AS figures
       FROM admin_unit u JOIN admin_unit_closure c ON c.descendant_id = u.id JOIN admin_unit w ON w.id = c.ancestor_id AND w.code = $1
       LEFT JOIN period_report r ON r.unit_id = u.id AND r.period_id = $2 ORDER BY u.code`,
      [WARD, LATEST],
    );
    return rows as { code: string; version: number | null; figures: Record<string, number> | null }[];
  }

  it("a team leader signs in with the password the ward printed and reports their group from a phone", async () => {
    const [group] = await unreportedGroups(world.sql, WARD);
    const before = await figures(group, PREVIOUS);
    const { context, page } = await official();
    await page.goto(`${world.app.baseUrl}/units/${WARD}/leaders`);
    await page.getByRole("button", { name: /^Tạo tài khoản cho \d+ tổ chưa có$/ }).click();
    const sheet = page.getByTestId("leader-sheet");
    await sheet.waitFor();
    await screenshot(page, "leader-sheet");
    const row = sheet.locator("tr").filter({ has: page.getByTestId("sheet-username").getByText(`tt.${group}`, { exact: true }) });
    const password = (await row.getByTestId("sheet-password").textContent())!;
    const leaderName = (await row.locator("td").first().textContent())!;
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    await context.close();

    const phone = await world.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const leader = await phone.newPage();
    await signIn(leader, world.app.baseUrl, `tt.${group}`, password);
    await leader.waitForURL(/\/change-password/);
    await leader.fill("#currentPassword", password);
    await leader.fill("#newPassword", "Tổ dân phố của tôi 2026");
    await leader.fill("#confirmPassword", "Tổ dân phố của tôi 2026");
    await leader.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await leader.waitForURL(`${world.app.baseUrl}/`);
    await leader.getByTestId("report-own-group").click();
    await leader.waitForURL(new RegExp(`/entry/${group}/${LATEST_CODE}$`));
    // No "submit" for a leader: the ward checks and submits the month.
    await leader.getByRole("button", { name: /Không đổi so với tháng trước \(13 ô còn trống\)/ }).click();
    for (const code of STOCKS) await expect(leader.getByTestId(`confirmed-${code}`).isVisible()).resolves.toBe(true);
    await leader.fill("#field-RESIDENTS_HELPED", String(before.RESIDENTS_HELPED));
    await leader.fill("#field-TRAINING_SESSIONS", String(before.TRAINING_SESSIONS));
    await screenshot(leader, "leader-entry");
    await leader.getByRole("button", { name: "Lưu số liệu" }).click();
    await leader.locator("main").getByRole("status").filter({ hasText: "Đã lưu lúc" }).waitFor();
    expect(await leader.getByRole("button", { name: "Gửi lên" }).count()).toBe(0);
    await phone.close();

    expect(await figures(group, LATEST)).toEqual(before);
    const { rows } = await world.sql.query(
      `SELECT count(*) FILTER (WHERE v.confirmed)::int AS confirmed, count(*)::int AS total, min(u.username) AS who
       FROM data_value v JOIN admin_unit g ON g.id = v.unit_id JOIN app_user u ON u.id = v.updated_by_id WHERE g.code = $1 AND v.period_id = $2`,
      [group, LATEST],
    );
    expect(rows[0]).toEqual({ confirmed: 13, total: 15, who: `tt.${group}` });

    // The ward sees in its grid who entered the group's figures.
    const ward = await official();
    await ward.page.goto(`${world.app.baseUrl}${GRID}`);
    await ward.page.getByLabel("Hiện người nhập").check();
    await expect(ward.page.getByTestId(`author-${group}-ADULTS`).textContent()).resolves.toBe(`✓ ${leaderName}`);
    await expect(ward.page.getByTestId(`author-${group}-RESIDENTS_HELPED`).textContent()).resolves.toBe(leaderName);
    await ward.context.close();
  });

  it("a 10 × 15 block pasted from a spreadsheet saves ten groups in one transaction, keeping the figures the activity log made", async () => {
    const { context, page } = await official();
    await page.goto(`${world.app.baseUrl}${GRID}`);
    const codes = await page.locator("tbody tr[data-unit]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-unit")!));
    const columns = await page.locator("thead th[scope=col] span.block").evaluateAll((cells) => cells.map((cell) => cell.textContent!));
    const groupColumns = columns.slice(0, 15);
    // Ten groups in a row whose month can be written (not approved) and whose every figure is known (this month's, else last month's).
    const open = await writable(codes);
    const known = new Map<string, Record<string, number>>();
    for (const code of codes) known.set(code, { ...(await figures(code, PREVIOUS)), ...(await figures(code, LATEST)) });
    const usable = (code: string) => open.has(code) && groupColumns.every((column) => known.get(code)![column] !== undefined);
    const start = codes.findIndex((_, index) => index > 0 && codes.slice(index, index + 10).length === 10 && codes.slice(index, index + 10).every(usable));
    expect(start).toBeGreaterThan(0);
    const block = codes.slice(start, start + 10);
    const base = block.map((code) => known.get(code)!);
    // The groups whose team logged activities this month: their residents helped is the log's sum, which a sheet
    // kept from the log holds as it is (the paste keeps it; a different figure would be refused).
    const { rows: logged } = await world.sql.query(
      `SELECT DISTINCT u.code FROM activity a JOIN admin_unit u ON u.id = a.unit_id WHERE u.code = ANY($1) AND to_char(a.occurred_on, 'YYYYMM')::int = $2`,
      [block, LATEST],
    );
    const fromLog = new Set(logged.map((row) => row.code as string));
    expect(fromLog.size).toBeGreaterThan(0);
    const pastedFigure = (index: number, column: string) => base[index][column] + (column === "RESIDENTS_HELPED" && fromLog.has(block[index]) ? 0 : 1);
    const changed = 150 - fromLog.size;
    // Every other figure one more than it is, so parts stay within their wholes; thousands the way Excel copies them.
    const lines = base.map((_, index) => groupColumns.map((column) => (pastedFigure(index, column) >= 1000 ? pastedFigure(index, column).toLocaleString("en-US") : String(pastedFigure(index, column)))).join("\t"));
    const before = await wardMonth();
    const cell = page.locator(`#cell-${start}-0`);
    await cell.focus();
    await cell.evaluate((element, text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, `${lines.join("\r\n")}\r\n`);
    await page.getByRole("status").filter({ hasText: "Đã điền 10 dòng × 15 cột" }).waitFor();
    await screenshot(page, "grid-pasted");
    await page.getByRole("button", { name: "Lưu 10 tổ đã sửa" }).click();
    await page.getByRole("status").filter({ hasText: `Đã lưu 10 dòng (${changed} số thay đổi)` }).waitFor();

    const after = await wardMonth();
    for (const [index, code] of block.entries()) {
      const was = before.find((row) => row.code === code)!;
      const now = after.find((row) => row.code === code)!;
      expect(now.version).toBe((was.version ?? 0) + 1);
      expect(now.figures).toEqual(Object.fromEntries(groupColumns.map((column) => [column, pastedFigure(index, column)]).sort(([a], [b]) => (a < b ? -1 : 1))));
    }
    // The other rows are as they were.
    expect(after.filter((row) => !block.includes(row.code))).toEqual(before.filter((row) => !block.includes(row.code)));
    // One transaction: the changed figures rows were all last written by the same transaction id.
    const { rows: stamps } = await world.sql.query(
      `SELECT count(DISTINCT v.xmin::text)::int AS transactions, count(*)::int AS figures FROM data_value v JOIN admin_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
       WHERE u.code = ANY($1) AND v.period_id = $2 AND NOT (e.code = 'RESIDENTS_HELPED' AND u.code = ANY($3))`,
      [block, LATEST, [...fromLog]],
    );
    expect(stamps[0]).toEqual({ transactions: 1, figures: changed });
    await context.close();
  });

  it("a save in which one group was changed meanwhile from a phone writes nothing, and offers the merge", async () => {
    const { context, page } = await official();
    await page.goto(`${world.app.baseUrl}${GRID}`);
    const codes = await page.locator("tbody tr[data-unit]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-unit")!));
    const open = await writable(codes);
    const [firstRow, secondRow] = codes.map((code, index) => (index > 0 && open.has(code) ? index : -1)).filter((index) => index > 0);
    const [first, second] = [codes[firstRow], codes[secondRow]];
    const column = async (code: string) => (await figures(code, LATEST)).TRAINING_SESSIONS ?? 0;
    const trainingIndex = (await page.locator("thead th[scope=col] span.block").evaluateAll((cells) => cells.map((cell) => cell.textContent))).indexOf("TRAINING_SESSIONS");
    // Someone saves the first group from its entry form after the grid was opened.
    const other = await context.newPage();
    await other.goto(`${world.app.baseUrl}/entry/${first}/${LATEST_CODE}`);
    await other.fill("#field-TRAINING_SESSIONS", String((await column(first)) + 2));
    await other.getByRole("button", { name: "Lưu số liệu" }).click();
    await other.locator("main").getByRole("status").filter({ hasText: "Đã lưu lúc" }).waitFor();
    const before = await wardMonth();

    await page.fill(`#cell-${firstRow}-${trainingIndex}`, String((await column(first)) + 5));
    await page.fill(`#cell-${secondRow}-${trainingIndex}`, String((await column(second)) + 1));
    await page.getByRole("button", { name: "Lưu 2 tổ đã sửa" }).click();
    const refusal = page.locator("main").getByRole("alert").filter({ hasText: "vừa được người khác lưu" });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/vừa được người khác lưu.*chưa lưu gì/);
    expect(await wardMonth()).toEqual(before);
    // The merge: keep theirs for the first group, then save both.
    const panel = page.locator("section").filter({ hasText: "vừa lưu báo cáo này" }).first();
    await panel.getByRole("radio").nth(1).check();
    await panel.getByRole("button").click();
    await page.getByRole("button", { name: "Lưu 1 tổ đã sửa" }).click();
    await page.getByRole("status").filter({ hasText: "Đã lưu 1 dòng" }).waitFor();
    expect((await figures(second, LATEST)).TRAINING_SESSIONS).toBe((before.find((row) => row.code === second)!.figures?.TRAINING_SESSIONS ?? 0) + 1);
    await context.close();
  });

  it("a pasted block larger than the grid, or over the ward's own row, fills nothing and says where", async () => {
    const { context, page } = await official();
    await page.goto(`${world.app.baseUrl}${GRID}`);
    const paste = (id: string, text: string) =>
      page.locator(`#${id}`).evaluate((element, block) => {
        const data = new DataTransfer();
        data.setData("text/plain", block);
        element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
    const cells = async () => page.locator("tbody input").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    const before = await cells();
    // Twenty columns from the first column: the grid has seventeen.
    await paste("cell-1-0", Array.from({ length: 20 }, (_, index) => String(index + 1)).join("\t"));
    await expect(page.locator("main").getByRole("alert").filter({ hasText: "Khối vừa dán có 1 dòng × 20 cột" }).textContent()).resolves.toMatch(/chưa điền ô nào/);
    // Two rows pasted on the ward's own dossiers reach the first group's row below, where dossiers are the ward's, not the group's.
    const dossiers = (await page.locator("thead th[scope=col] span.block").evaluateAll((spans) => spans.map((span) => span.textContent))).indexOf("DOSSIERS_TOTAL");
    await paste(`cell-0-${dossiers}`, "12\t10\n5\t3");
    await expect(page.locator("main").getByRole("alert").filter({ hasText: "không nhập được" }).textContent()).resolves.toMatch(/chưa điền ô nào/);
    expect(await cells()).toEqual(before);
    expect(await page.getByRole("button", { name: "Lưu 0 tổ đã sửa" }).count()).toBe(1);
    await context.close();
  });

  it("fits a 360 px phone: the grid scrolls inside its box, never the page", async () => {
    const { context, page } = await official(360);
    await page.goto(`${world.app.baseUrl}${GRID}`);
    const widths = await page.evaluate(() => {
      const box = document.querySelector('[role="region"]') as HTMLElement;
      return { page: document.documentElement.scrollWidth, inner: box.scrollWidth, outer: box.clientWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.inner).toBeGreaterThan(widths.outer);
    await screenshot(page, "grid");
    await context.close();
  });

  it("the ward's workbook goes out and comes back through the import: untouched it changes nothing, edited it changes that cell", async () => {
    const { context, page } = await official();
    await page.goto(`${world.app.baseUrl}/units/${WARD}/month/${LATEST_CODE}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải sổ Excel của tháng (XLSX)" }).click()]);
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-workbook-"));
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe(`so-lieu-${WARD}-${LATEST_CODE}.xlsx`);
    const before = await wardMonth();

    async function upload(filePath: string) {
      await page.reload();
      await page.getByText("Tải lên sổ Excel đã điền").click();
      await page.setInputFiles("#file", filePath);
      await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
      await page.getByRole("status").filter({ hasText: "Tệp hợp lệ" }).waitFor();
      await page.getByRole("button", { name: /^Ghi / }).click();
      return (await page.getByRole("status").filter({ hasText: "Đã ghi" }).textContent())!;
    }
    await expect(upload(file)).resolves.toMatch(/ 0 số thay đổi/);
    expect(await wardMonth()).toEqual(before);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const open = await writable(before.map((row) => row.code));
    let targetLine = 3;
    while (!open.has(String(sheet.getRow(targetLine).getCell(1).value))) targetLine += 1;
    const target = sheet.getRow(targetLine);
    const code = String(target.getCell(1).value);
    const trainings = header.indexOf("TRAINING_SESSIONS") + 1;
    const was = Number(target.getCell(trainings).value ?? 0);
    target.getCell(trainings).value = was + 1;
    const edited = path.join(dir, "edited.xlsx");
    await book.xlsx.writeFile(edited);
    await expect(upload(edited)).resolves.toMatch(/ 1 số thay đổi/);
    const after = await wardMonth();
    expect(after.find((row) => row.code === code)!.figures!.TRAINING_SESSIONS).toBe(was + 1);
    expect(after.filter((row) => row.code !== code)).toEqual(before.filter((row) => row.code !== code));
    await context.close();
  });
});
