import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-places";
import { screenshot, signIn } from "./helpers/browser";
import { appInBrowser, describeInBrowser } from "./helpers/app-in-browser";
import { LATEST, LATEST_CODE, monthText } from "./helpers/demo-months";
import { reportedGroups } from "./helpers/demo-groups";
import { addMonths } from "@/lib/periods";
import { problemsAtBothWidths } from "./helpers/page-checks";

const PERIOD = LATEST_CODE;
// The last complete quarter before the demo's last month, and that quarter's last month.
const QUARTER_END = (() => {
  const month = addMonths(LATEST, -3);
  return Math.floor(month / 100) * 100 + Math.ceil((month % 100) / 3) * 3;
})();
const QUARTER = `${Math.floor(QUARTER_END / 100)}-Q${(QUARTER_END % 100) / 3}`;
const HAI_CHAU = "492";

describeInBrowser("the steering committee's dashboard, in Chromium", () => {
  const world = appInBrowser({ sql: true });

  async function signedIn(username: string, width = 1280): Promise<Page> {
    const context = await world.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signIn(page, world.app.baseUrl, username, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    return page;
  }

  /** "98.915 / 240.040" on a card, read back as numbers. */
  async function cardFigures(page: Page, indicator: string): Promise<{ numerator: number; denominator: number; text: string }> {
    const text = (await page.getByTestId(`card-${indicator}`).textContent()) ?? "";
    const match = /([\d.]+) \/ ([\d.]+)/.exec(text);
    if (!match) throw new Error(`no figures on the card: ${text}`);
    return { numerator: Number(match[1].replace(/\./g, "")), denominator: Number(match[2].replace(/\./g, "")), text };
  }

  /** The district's digital-signature figures, summed from the raw values by a walk of the tree. */
  async function districtSums(): Promise<{ numerator: number; denominator: number }> {
    const { rows } = await world.sql.query(
      `WITH RECURSIVE below AS (SELECT id FROM admin_unit WHERE code = $1 UNION ALL SELECT u.id FROM admin_unit u JOIN below b ON u.parent_id = b.id)
       SELECT e.code, sum(v.value)::int AS total FROM data_value v JOIN below b ON b.id = v.unit_id JOIN data_element e ON e.id = v.element_id
       WHERE v.period_id = ${LATEST} AND e.code IN ('ADULTS', 'ADULTS_DIGITAL_SIGNATURE') GROUP BY e.code`,
      [HAI_CHAU],
    );
    const total = Object.fromEntries(rows.map((row) => [row.code, row.total]));
    return { numerator: total.ADULTS_DIGITAL_SIGNATURE, denominator: total.ADULTS };
  }

  it("shows a value a ward official has just saved in the district's figure on the next load", async () => {
    const steering = await signedIn("bcd.haichau");
    await steering.goto(`${world.app.baseUrl}/dashboard`);
    await steering.waitForURL(new RegExp(`/dashboard/${HAI_CHAU}`));
    // With no period in the address: the demo's last month, with figures on its cards.
    expect(await steering.locator("main h1 + p").textContent()).toContain(monthText(LATEST));
    expect(await steering.getByTestId("card-DIGITAL_SIGNATURE_RATE").textContent()).toMatch(/\d+,\d%/);
    await steering.goto(`${world.app.baseUrl}/dashboard/${HAI_CHAU}?period=${PERIOD}`);
    const before = await cardFigures(steering, "DIGITAL_SIGNATURE_RATE");
    expect(before).toMatchObject(await districtSums());

    const official = await signedIn("canbo.hoathuantay", 360);
    await official.goto(`${world.app.baseUrl}/entry/${(await reportedGroups(world.sql))[1]}/${PERIOD}`);
    const adults = Number(await official.inputValue("#field-ADULTS"));
    const signatures = Number(await official.inputValue("#field-ADULTS_DIGITAL_SIGNATURE"));
    const delta = signatures + 7 <= adults ? 7 : -7;
    await official.fill("#field-ADULTS_DIGITAL_SIGNATURE", String(signatures + delta));
    await official.getByRole("button", { name: "Lưu số liệu" }).click();
    await official.locator("main").getByRole("status").filter({ hasText: "Đã lưu lúc" }).waitFor();

    await steering.reload();
    const after = await cardFigures(steering, "DIGITAL_SIGNATURE_RATE");
    expect(after.numerator).toBe(before.numerator + delta);
    expect(after.denominator).toBe(before.denominator);
    expect(after).toMatchObject(await districtSums());
    const rate = ((after.numerator / after.denominator) * 100).toFixed(1).replace(".", ",");
    expect(after.text).toContain(`${rate}%`);
    await official.context().close();
    await steering.context().close();
  });

  it("keeps unit, period and indicator in the URL, drills down to a ward and back up", async () => {
    const page = await signedIn("bcd.haichau");
    await page.goto(`${world.app.baseUrl}/dashboard/${HAI_CHAU}?period=${QUARTER}&indicator=VNEID_RATE`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Hải Châu");
    await expect(page.locator("#trend-heading").textContent()).resolves.toContain("VNeID");
    await expect(page.locator("main").textContent()).resolves.toContain(`Quý ${(QUARTER_END % 100) / 3}/${Math.floor(QUARTER_END / 100)}`);
    await screenshot(page, "dashboard-district");
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, "dashboard-district");

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator("table").filter({ hasText: "Hạng" }).getByRole("link", { name: "Hòa Thuận Tây" }).click();
    await page.waitForURL(new RegExp(`/dashboard/20206\\?period=${QUARTER}&indicator=VNEID_RATE`));
    await expect(page.locator("#completeness-heading").textContent()).resolves.toContain(monthText(QUARTER_END));
    await screenshot(page, "dashboard-ward");
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, "dashboard-ward");
    // Nothing but tables scrolls sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole("navigation", { name: "Vị trí" }).getByRole("link", { name: /Hải Châu/ }).click();
    await page.waitForURL(new RegExp(`/dashboard/${HAI_CHAU}\\?`));
    await page.context().close();
  });

  it("says what is wrong with a bad period, and hides units outside the scope", async () => {
    const page = await signedIn("canbo.hoathuantay", 360);
    await page.goto(`${world.app.baseUrl}/dashboard/20206?from=2022-01&to=2026-06`);
    await expect(page.locator("main").getByRole("alert").textContent()).resolves.toContain("tối đa 36 tháng");
    const outside = await page.goto(`${world.app.baseUrl}/dashboard/${HAI_CHAU}`);
    expect(outside?.status()).toBe(404);
    await page.context().close();
  });

  it("downloads the XLSX report with progress, and the PDF from the built app, with the dashboard's figures", async () => {
    const page = await signedIn("bcd.haichau");
    await page.goto(`${world.app.baseUrl}/dashboard/${HAI_CHAU}?period=${PERIOD}`);
    const card = await cardFigures(page, "DIGITAL_SIGNATURE_RATE");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Excel (.xlsx)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`bao-cao-${HAI_CHAU}-${PERIOD}.xlsx`);
    await page.getByRole("status").filter({ hasText: "Đã tải xong" }).waitFor();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const summary = workbook.getWorksheet("Tổng hợp")!;
    const row = [...Array(summary.rowCount).keys()].map((index) => summary.getRow(index + 1)).find((candidate) => candidate.getCell(2).value === HAI_CHAU && String(candidate.getCell(4).value).includes("chữ ký số"))!;
    expect({ numerator: row.getCell(5).value, denominator: row.getCell(6).value }).toEqual({ numerator: card.numerator, denominator: card.denominator });

    const pdf = await page.request.get(`${world.app.baseUrl}/api/v1/units/${HAI_CHAU}/report.pdf?period=${PERIOD}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await page.emulateMedia({ media: "print" });
    await screenshot(page, "dashboard-print");
    expect(await page.locator("header").isVisible()).toBe(false);
    await page.context().close();
  });

  it("serves the same figures over the read API with a bearer token", async () => {
    const token = "tcns_e2e-token-for-the-read-api";
    const { rows } = await world.sql.query("SELECT id FROM app_user WHERE username = 'bcd.haichau'");
    await world.sql.query("INSERT INTO api_token (user_id, name, token_hash, prefix, created_by) VALUES ($1, 'e2e', $2, 'tcns_e2', 'test')", [
      rows[0].id,
      createHash("sha256").update(token).digest("hex"),
    ]);
    const page = await signedIn("bcd.haichau");
    await page.goto(`${world.app.baseUrl}/dashboard/${HAI_CHAU}?period=${PERIOD}`);
    const card = await cardFigures(page, "DIGITAL_SIGNATURE_RATE");
    const anonymous = await world.browser.newContext();
    const response = await anonymous.request.get(`${world.app.baseUrl}/api/v1/units/${HAI_CHAU}/indicators?period=${PERIOD}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
    const body = await response.json();
    const api = body.indicators.find((indicator: { code: string }) => indicator.code === "DIGITAL_SIGNATURE_RATE");
    expect({ numerator: api.numerator, denominator: api.denominator }).toEqual({ numerator: card.numerator, denominator: card.denominator });
    expect((await anonymous.request.get(`${world.app.baseUrl}/api/v1/units/${HAI_CHAU}/indicators`)).status()).toBe(401);
    await anonymous.close();
    await page.context().close();
  });

  it("draws where a ward will land on its trend chart, and lists Hải Châu's wards at risk by their monthly shortfall", async () => {
    // E-health against the national 90%: the demo's wards climb, but not fast enough.
    const INDICATOR = "EHEALTH_RATE";
    const page = await signedIn("bcd.haichau");
    const projectionOf = async (code: string, children = false) => {
      const response = await page.request.get(`${world.app.baseUrl}/api/v1/units/${code}/${children ? "children/" : ""}indicators`);
      expect(response.status()).toBe(200);
      return response.json();
    };
    const vi = (value: number) => value.toLocaleString("vi-VN");

    await page.goto(`${world.app.baseUrl}/dashboard/20206?indicator=${INDICATOR}`);
    const ward = (await projectionOf("20206")).indicators.find((indicator: { code: string }) => indicator.code === INDICATOR).projection;
    expect(["onTrack", "atRisk", "offTrack"]).toContain(ward.state);
    const [year, month] = ward.deadline.split("-");
    const sentences = await page.getByTestId("trend-projection").textContent();
    expect(sentences).toContain(`Dự kiến đến ${month}/${year}: ${(ward.value * 100).toFixed(1).replace(".", ",")}%`);
    expect(sentences).toContain(`Cần thêm ${vi(Math.ceil(ward.neededPerMonth))} người mỗi tháng`);
    // The chart, once drawn: the dotted projection over its shaded range, beside the dashed target.
    const trend = page.locator("section[aria-labelledby=trend-heading]");
    await page.waitForFunction(() => {
      window.dispatchEvent(new Event("dashboard:draw-charts"));
      return document.querySelector("section[aria-labelledby=trend-heading] svg .recharts-area") !== null;
    });
    await expect(trend.locator("path[stroke-dasharray='2 4']").count()).resolves.toBe(1);
    await expect(trend.locator(".recharts-area-area").count()).resolves.toBe(1);
    await expect(page.getByTestId(`projection-${INDICATOR}`).textContent()).resolves.toContain(sentences!.split(".")[0]);
    await screenshot(page, "dashboard-projection");

    await page.goto(`${world.app.baseUrl}/dashboard/${HAI_CHAU}?indicator=${INDICATOR}`);
    const children = (await projectionOf(HAI_CHAU, true)).children as { unit: { code: string; name: string }; indicators: { code: string; projection: { state: string; shortfallPerMonth: number } }[] }[];
    const expected = children
      .map((child) => ({ code: child.unit.code, name: child.unit.name, projection: child.indicators.find((indicator) => indicator.code === INDICATOR)!.projection }))
      .filter((child) => child.projection.state === "atRisk" || child.projection.state === "offTrack")
      .sort((a, b) => b.projection.shortfallPerMonth - a.projection.shortfallPerMonth);
    expect(expected.length).toBeGreaterThan(0);
    const table = page.getByTestId("units-at-risk");
    await expect(table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-unit")))).resolves.toEqual(expected.map((child) => child.code));
    await expect(table.locator("tbody tr").first().textContent()).resolves.toContain(`${vi(Math.ceil(expected[0].projection.shortfallPerMonth))} người`);
    expect(await problemsAtBothWidths(page, "dashboard-units-at-risk")).toEqual([]);
    // Each row leads to that ward's dashboard on the same indicator.
    await table.getByRole("link", { name: expected[0].name }).click();
    await page.waitForURL(new RegExp(`/dashboard/${expected[0].code}\\?.*indicator=${INDICATOR}`));
    await page.context().close();
  });
});
