/**
 * The files that go to meetings: each export is opened as a person's tool
 * would open it (exceljs for XLSX, a CSV parser, PDF text extraction) and its
 * figures are compared with the read API's, for hostile names too.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { createUnits } from "../setup/create-units";
import { issueApiToken } from "@/lib/api/api-tokens";
import { GET as xlsxRoute } from "@/app/api/v1/units/[code]/report.xlsx/route";
import { GET as csvRoute } from "@/app/api/v1/units/[code]/report.csv/route";
import { GET as pdfRoute } from "@/app/api/v1/units/[code]/report.pdf/route";
import { GET as indicatorsRoute } from "@/app/api/v1/units/[code]/indicators/route";
import { GET as childrenRoute } from "@/app/api/v1/units/[code]/children/indicators/route";

const HOSTILE = '=HYPERLINK("http://x","y")';
const QUOTED_WARD = 'Phường "Bến Nghé", khu 1';
const MONTHS = [202609, 202610];
let adminToken: string;
let officialToken: string;

type Route = (request: Request, context: { params: Promise<{ code: string }> }) => Promise<Response>;
const call = (route: Route, code: string, query: string, token = adminToken) =>
  route(new Request(`http://localhost/api/v1/units/${encodeURIComponent(code)}/x?${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ code }) });
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

interface ApiIndicator {
  code: string;
  name: string;
  numerator: number;
  denominator: number;
  value: number | null;
  target: number | null;
}

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  const ids = await createUnits([
    ["P", "PROVINCE", "Thành phố", null, "Đà Nẵng"],
    ["W1", "WARD", "Phường", "P", QUOTED_WARD],
    ["W1-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "W1", "Tổ dân phố 1"],
    ["W1-02", "RESIDENTIAL_GROUP", "Tổ dân phố", "W1", "Tổ dân phố 2"],
    ["W2", "WARD", "Phường", "P", "Hòa Thuận Tây"],
    ["W2-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "W2", "Tổ dân phố 1"],
    ["Q", "PROVINCE", "Tỉnh", null, "Sơn La"],
  ]);
  const elements = new Map((await db.dataElement.findMany()).map((element) => [element.code, element.id]));
  const figures: [string, string, number][] = [
    ["W1-01", "ADULTS", 1030], ["W1-01", "ADULTS_DIGITAL_SIGNATURE", 412], ["W1-01", "DOSSIERS_TOTAL", 0],
    ["W1-02", "ADULTS", 800], ["W1-02", "ADULTS_DIGITAL_SIGNATURE", 250],
    ["W2-01", "ADULTS", 640], ["W2-01", "ADULTS_DIGITAL_SIGNATURE", 333],
    ["W1", "DOSSIERS_TOTAL", 320], ["W1", "DOSSIERS_ONLINE", 171], ["W2", "DOSSIERS_TOTAL", 100], ["W2", "DOSSIERS_ONLINE", 60],
  ];
  for (const month of MONTHS) {
    for (const [unit, element, value] of figures) {
      if (element === "DOSSIERS_TOTAL" && unit === "W1-01") continue;
      await db.dataValue.create({ data: { unitId: ids[unit], periodId: month, elementId: elements.get(element)!, value: value + (month % 100) } });
    }
  }
  const team = await db.team.create({ data: { code: "TCNS-W1-01", name: "Tổ công nghệ số, \"khu 1\"", unitId: ids["W1-01"] } });
  await db.teamMember.createMany({
    data: [
      { teamId: team.id, fullName: HOSTILE, role: "MEMBER", phone: "0905123456" },
      { teamId: team.id, fullName: "Nguyễn Văn An, \"Tổ trưởng\"\nkhu 1", role: "LEADER", affiliation: "RESIDENTIAL_GROUP_HEAD" },
      { teamId: team.id, fullName: "+84 đoàn viên", role: "MEMBER", affiliation: "YOUTH_UNION", trainedOn: new Date("2025-09-15") },
    ],
  });
  const admin = await db.user.create({ data: { username: "quantri", fullName: "Quản trị", role: "ADMIN", passwordHash: "x" } });
  const official = await db.user.create({ data: { username: "canbo.w2", fullName: "Cán bộ W2", role: "WARD_OFFICIAL", scopeUnitId: ids.W2, passwordHash: "x" } });
  const system = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };
  adminToken = (await issueApiToken(system, admin.id, "exports")).token;
  officialToken = (await issueApiToken(system, official.id, "exports")).token;
});

async function apiFigures(code: string, query: string) {
  const own = (await (await call(indicatorsRoute, code, query)).json()) as { indicators: ApiIndicator[] };
  const children = (await (await call(childrenRoute, code, query)).json()) as { children: { unit: { code: string }; indicators: ApiIndicator[] }[] };
  return new Map<string, ApiIndicator[]>([[code, own.indicators], ...children.children.map((child) => [child.unit.code, child.indicators] as [string, ApiIndicator[]])]);
}

describe("the XLSX report", () => {
  it("has the administrative header, and the API's figures for the unit and each child", async () => {
    const response = await call(xlsxRoute, "P", "period=2026-10");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("bao-cao-P-2026-10.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(response)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Tổng hợp", "Số liệu theo tổ dân phố", "Tổ và thành viên"]);
    const summary = workbook.getWorksheet("Tổng hợp")!;
    const text = (row: number, column: number) => String(summary.getRow(row).getCell(column).value ?? "");
    expect(text(1, 6)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text(2, 6)).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(text(2, 1)).toBe("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ");
    expect(text(3, 6)).toMatch(/^Đà Nẵng, ngày \d{2} tháng \d{2} năm \d{4}$/);
    expect(text(4, 1)).toBe("BÁO CÁO");
    expect(text(5, 1)).toContain("Tháng 10/2026");
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 8 });
    expect(summary.autoFilter).toBeDefined();

    const api = await apiFigures("P", "period=2026-10");
    const rows = new Map<string, { numerator: number; denominator: number; rate: number | null; format: string }>();
    for (let row = 9; row <= summary.rowCount; row += 1) {
      const cells = summary.getRow(row);
      const code = String(cells.getCell(2).value);
      const indicator = String(cells.getCell(4).value);
      rows.set(`${code}/${indicator}`, { numerator: Number(cells.getCell(5).value), denominator: Number(cells.getCell(6).value), rate: cells.getCell(7).value as number | null, format: cells.getCell(7).numFmt });
    }
    expect(rows.size).toBe(3 * api.get("P")!.length);
    for (const [code, indicators] of api) {
      for (const indicator of indicators) {
        const row = rows.get(`${code}/${indicator.name}`)!;
        expect({ code, indicator: indicator.code, numerator: row.numerator, denominator: row.denominator, rate: row.rate }).toEqual({
          code,
          indicator: indicator.code,
          numerator: indicator.numerator,
          denominator: indicator.denominator,
          rate: indicator.value === null ? null : expect.closeTo(indicator.value, 12),
        });
      }
    }
    expect(rows.get("P/Tỷ lệ người trưởng thành có chữ ký số cá nhân")!.format).toBe("0.0%");
  });

  it("lists the raw figures of every reporting unit and month, and members with formulas neutralised", async () => {
    const response = await call(xlsxRoute, "W1", "from=2026-09&to=2026-10");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(response)) as unknown as ArrayBuffer);
    const values = workbook.getWorksheet("Số liệu theo tổ dân phố")!;
    // The ward and its two groups, two months each.
    expect(values.rowCount).toBe(1 + 3 * 2);
    const header = (values.getRow(1).values as string[]).slice(1);
    const adultsColumn = header.findIndex((name) => name.endsWith("(ADULTS)")) + 1;
    const row = [...Array(values.rowCount - 1).keys()].map((index) => values.getRow(index + 2)).find((candidate) => candidate.getCell(1).value === "W1-01" && candidate.getCell(5).value === "10/2026")!;
    expect(row.getCell(adultsColumn).value).toBe(1040);
    const members = workbook.getWorksheet("Tổ và thành viên")!;
    const names = [2, 3, 4].map((line) => members.getRow(line).getCell(4));
    expect(names.map((cell) => cell.type)).not.toContain(ExcelJS.ValueType.Formula);
    expect(names.map((cell) => cell.value)).toEqual(expect.arrayContaining([`'${HOSTILE}`, "'+84 đoàn viên", 'Nguyễn Văn An, "Tổ trưởng"\nkhu 1']));
    expect(members.getRow(2).getCell(9).value).toBe("0905123456");
  });
});

describe("the CSV report", () => {
  it("is UTF-8 with a BOM, parses back to the API's figures, and neutralises formulas", async () => {
    const response = await call(csvRoute, "P", "period=2026-Q4");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = await bytesOf(response);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    const api = await apiFigures("P", "period=2026-Q4");
    expect(records).toHaveLength(3 * api.get("P")!.length);
    for (const record of records) {
      const indicator = api.get(record["Mã đơn vị"])!.find((entry) => entry.name === record["Chỉ tiêu"])!;
      expect({ numerator: Number(record["Tử số"]), denominator: Number(record["Mẫu số"]) }).toEqual({ numerator: indicator.numerator, denominator: indicator.denominator });
      if (indicator.value === null) expect(record["Tỷ lệ (0–1)"]).toBe("");
      else expect(Number(record["Tỷ lệ (0–1)"])).toBeCloseTo(indicator.value, 6);
    }
    expect(records.map((record) => record["Đơn vị"])).toContain(QUOTED_WARD);

    const members = parse((await bytesOf(await call(csvRoute, "P", "period=2026-10&table=members"))).toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    expect(members.map((member) => member["Họ và tên"])).toEqual(expect.arrayContaining([`'${HOSTILE}`, "'+84 đoàn viên", 'Nguyễn Văn An, "Tổ trưởng"\nkhu 1']));
    expect(members.every((member) => !/^[=+\-@]/.test(member["Họ và tên"]))).toBe(true);
    expect(members.find((member) => member["Họ và tên"] === "'+84 đoàn viên")!["Ngày tập huấn"]).toBe("15/09/2025");

    const values = (await bytesOf(await call(csvRoute, "W1", "period=2026-10&table=values"))).toString("utf8");
    expect(parse(values, { bom: true, columns: true })).toHaveLength(3);
    expect((await call(csvRoute, "P", "period=2026-10&table=secrets")).status).toBe(400);
  });
});

describe("the PDF report", () => {
  it("carries the header, the unit's and the children's figures in Vietnamese, and page numbers", async () => {
    const response = await call(pdfRoute, "P", "period=2026-10");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = await bytesOf(response);
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-pdf-"));
    writeFileSync(path.join(dir, "report.pdf"), bytes);
    const extracted = spawnSync(process.execPath, [path.resolve(__dirname, "../setup/pdf-text.mjs"), path.join(dir, "report.pdf")], { encoding: "utf8" });
    expect(extracted.stderr).toBe("");
    const { text } = JSON.parse(extracted.stdout) as { text: string };
    for (const expected of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "Kết quả chuyển đổi số cộng đồng của Thành phố Đà Nẵng, Tháng 10/2026", "Hòa Thuận Tây", "Trang 1/"]) {
      expect(text).toContain(expected);
    }
    const api = await apiFigures("P", "period=2026-10");
    const signature = api.get("P")!.find((indicator) => indicator.code === "DIGITAL_SIGNATURE_RATE")!;
    const rate = `${((signature.value ?? 0) * 100).toFixed(1).replace(".", ",")}%`;
    expect(text).toContain(`${signature.numerator.toLocaleString("vi-VN")} / ${signature.denominator.toLocaleString("vi-VN")}`);
    expect(text).toContain(rate);
    for (const child of ["W1", "W2"]) {
      const figure = api.get(child)!.find((indicator) => indicator.code === "DIGITAL_SIGNATURE_RATE")!;
      expect(text).toContain(`${((figure.value ?? 0) * 100).toFixed(1).replace(".", ",")}%`);
    }

    // A rendered first page, for a person to look at (tests/e2e/screenshots is git-ignored).
    const pdftoppm = spawnSync("pdftoppm", ["-v"]);
    if (pdftoppm.error) {
      if (process.env.CI) throw new Error("pdftoppm is missing: .ci/run must install poppler-utils");
      return;
    }
    const screenshots = path.resolve(__dirname, "../e2e/screenshots");
    mkdirSync(screenshots, { recursive: true });
    const rendered = spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path.join(dir, "report.pdf"), path.join(screenshots, "report-pdf-page-1")]);
    expect(rendered.status).toBe(0);
    expect(existsSync(path.join(screenshots, "report-pdf-page-1.png"))).toBe(true);
  });
});

describe("every export", () => {
  it("is scope-checked, refuses a bad period with a message, and is audited", async () => {
    const outside = await call(xlsxRoute, "W1", "period=2026-10", officialToken);
    expect(outside.status).toBe(404);
    expect((await call(pdfRoute, "Q", "period=2026-10", officialToken)).status).toBe(404);
    const badPeriod = await call(csvRoute, "W2", "period=2026-13", officialToken);
    expect(badPeriod.status).toBe(400);
    expect((await badPeriod.json()).error.message).toMatch(/không hợp lệ/);
    const inside = await call(csvRoute, "W2", "period=2026-10", officialToken);
    expect(inside.status).toBe(200);
    await inside.arrayBuffer();
    const audit = await db.auditLog.findMany({ where: { action: "exports.download" }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.entityId)).toEqual(expect.arrayContaining(["P/2026-10.xlsx", "W1/2026-09..2026-10.xlsx", "P/2026-Q4.csv", "P/2026-10.pdf", "W2/2026-10.csv"]));
    expect(audit.find((entry) => entry.entityId === "W2/2026-10.csv")!.actorName).toBe("canbo.w2");
  });

  it("stays valid for a unit with no data", async () => {
    const response = await call(xlsxRoute, "Q", "period=2026-10");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(response)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Tổng hợp")!.getRow(9).getCell(11).value).toBe("Chưa có số liệu");
  });
});
