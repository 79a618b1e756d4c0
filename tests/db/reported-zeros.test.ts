/**
 * A reported 0 is a figure; only what nobody reported is "no data". A
 * province imported as an operator would (npm run import:units and
 * import:values on the command line), then every indicator of every unit read
 * back through the read API, the dashboard and the three exports, against an
 * independent computation from the file itself. The cases: a group that
 * reported merchants 1 and merchants with QR payment 0 (once read back as "no
 * data"), a numerator of 0 with no denominator, a denominator of 0, a ward
 * whose every figure is 0, a figure cleared after it was imported.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { issueApiToken } from "@/lib/api/api-tokens";
import { GET as indicatorsRoute } from "@/app/api/v1/units/[code]/indicators/route";
import { GET as xlsxRoute } from "@/app/api/v1/units/[code]/report.xlsx/route";
import { GET as csvRoute } from "@/app/api/v1/units/[code]/report.csv/route";
import { GET as pdfRoute } from "@/app/api/v1/units/[code]/report.pdf/route";
import { currentDatabaseUrl } from "../setup/database-per-file";

const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-zeros-"));
const NOW = new Date("2026-12-02T03:00:00Z");
const PERIOD = "2026-11";
const admin = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };

const UNITS = `code,name,level,kind,parent_code
Z,Tỉnh Thử,PROVINCE,Tỉnh,
Z1,Phường Một,WARD,Phường,Z
Z1-01,Tổ dân phố 1,RESIDENTIAL_GROUP,Tổ dân phố,Z1
Z1-02,Tổ dân phố 2,RESIDENTIAL_GROUP,Tổ dân phố,Z1
Z2,Xã Hai,WARD,Xã,Z
Z2-01,Thôn 1,RESIDENTIAL_GROUP,Thôn,Z2
Z3,Xã Ba,WARD,Xã,Z
Z3-01,Thôn 1,RESIDENTIAL_GROUP,Thôn,Z3
`;

/** unit, element, value: what the file says for November 2026. */
const FIGURES: [string, string, number][] = [
  // The group of the acceptance check: one merchant, none accepting QR payment yet: 0%, not "no data".
  ["Z1-01", "MERCHANTS", 1], ["Z1-01", "MERCHANTS_QR", 0], ["Z1-01", "ADULTS", 400], ["Z1-01", "ADULTS_DIGITAL_SIGNATURE", 0],
  // A numerator of 0 with no denominator; a denominator of 0 with its numerator.
  ["Z1-02", "ADULTS_VNEID_L2", 0], ["Z1-02", "HOUSEHOLDS", 0], ["Z1-02", "HOUSEHOLDS_FIBRE", 0],
  // A ward whose every figure is 0.
  ["Z2-01", "PEOPLE", 0], ["Z2-01", "ADULTS", 0], ["Z2-01", "ADULTS_DIGITAL_SIGNATURE", 0], ["Z2-01", "MERCHANTS", 0], ["Z2-01", "MERCHANTS_QR", 0], ["Z2", "DOSSIERS_TOTAL", 0], ["Z2", "DOSSIERS_ONLINE", 0],
  // Figures that will be cleared after the import.
  ["Z3-01", "ADULTS", 300], ["Z3-01", "ADULTS_CASHLESS", 0],
  ["Z1", "DOSSIERS_TOTAL", 120], ["Z1", "DOSSIERS_ONLINE", 0],
];
const CLEARED: [string, string][] = [["Z3-01", "ADULTS_CASHLESS"], ["Z3-01", "ADULTS"]];

function cli(script: string, content: string) {
  const file = path.join(dir, `${script}-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, content);
  const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", `lib/cli/${script}.ts`, file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: currentDatabaseUrl() },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`${script}: ${result.stdout}${result.stderr}`);
}

let indicators: { code: string; numerator: string; denominator: string }[];
let token: string;

/** The independent answer, from FIGURES (less what was cleared) alone: sums below the unit, present or not. */
function expected(unitCode: string) {
  const kept = FIGURES.filter(([unit, element]) => !CLEARED.some(([u, e]) => u === unit && e === element));
  const below = kept.filter(([unit]) => unit === unitCode || unit.startsWith(`${unitCode}-`) || (unitCode === "Z" && unit.startsWith("Z")) || (unitCode.length === 2 && unit.startsWith(unitCode)));
  const sum = (element: string) => {
    const rows = below.filter(([, code]) => code === element);
    return rows.length === 0 ? null : rows.reduce((total, [, , value]) => total + value, 0);
  };
  return indicators.map((indicator) => {
    const numerator = sum(indicator.numerator);
    const denominator = sum(indicator.denominator);
    const value = numerator !== null && denominator !== null && denominator > 0 ? numerator / denominator : null;
    // Without a rate: "no data", unless the whole was reported as 0 ("no denominator").
    const noRate = value !== null ? null : denominator === 0 ? "noDenominator" : "noData";
    return { code: indicator.code, numerator: numerator ?? 0, denominator: denominator ?? 0, value, noRate };
  });
}

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  indicators = (await db.indicator.findMany({ include: { numerator: true, denominator: true }, orderBy: { sortOrder: "asc" } })).map((indicator) => ({
    code: indicator.code,
    numerator: indicator.numerator.code,
    denominator: indicator.denominator.code,
  }));
  cli("import-units", UNITS);
  cli("import-values", `unit_code,period,element_code,value\n${FIGURES.map(([unit, element, value]) => `${unit},${PERIOD},${element},${value}`).join("\n")}\n`);
  for (const [unit, element] of CLEARED) await db.dataValue.deleteMany({ where: { unit: { code: unit }, element: { code: element }, periodId: 202611 } });
  const user = await db.user.create({ data: { username: "quantri.zeros", fullName: "Quản trị", role: "ADMIN", passwordHash: "x" } });
  token = (await issueApiToken(admin, user.id, "zeros")).token;
}, 120_000);

const UNIT_CODES = ["Z", "Z1", "Z1-01", "Z1-02", "Z2", "Z2-01", "Z3", "Z3-01"];
type Route = (request: Request, context: { params: Promise<{ code: string }> }) => Promise<Response>;
const call = (route: Route, code: string) =>
  route(new Request(`http://localhost/api/v1/units/${code}/x?period=${PERIOD}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ code }) });

describe("a reported zero is a figure", () => {
  it("the group with one merchant and none taking QR payment reads 0%, as the file says", async () => {
    const body = await (await call(indicatorsRoute, "Z1-01")).json();
    expect(body.indicators.find((indicator: { code: string }) => indicator.code === "MERCHANT_QR_RATE")).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });

  it.each(UNIT_CODES)("%s: the read API and the dashboard give every indicator as computed from the file", async (code) => {
    const want = expected(code);
    const body = await (await call(indicatorsRoute, code)).json();
    const dashboard = await getDashboard(admin, code, { period: PERIOD }, NOW);
    if (!dashboard.ok) throw new Error(dashboard.error.message);
    for (const indicator of want) {
      const api = body.indicators.find((entry: { code: string }) => entry.code === indicator.code);
      const card = dashboard.cards.find((entry) => entry.code === indicator.code)!;
      expect({ code, api: { n: api.numerator, d: api.denominator, v: api.value } }).toEqual({ code, api: { n: indicator.numerator, d: indicator.denominator, v: indicator.value } });
      const noRate = card.state === "noData" || card.state === "noDenominator" ? card.state : null;
      expect({ code, indicator: indicator.code, card: { n: card.numerator, d: card.denominator, v: card.value, noRate } }).toEqual({
        code,
        indicator: indicator.code,
        card: { n: indicator.numerator, d: indicator.denominator, v: indicator.value, noRate: indicator.noRate },
      });
    }
  });

  it("the XLSX, CSV and PDF reports say the same: 0% where 0 was reported, nothing where nothing was", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((Buffer.from(await (await call(xlsxRoute, "Z")).arrayBuffer())) as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet("Tổng hợp")!;
    const csv = parse(Buffer.from(await (await call(csvRoute, "Z")).arrayBuffer()).toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    const csvColumns = Object.keys(csv[0]);
    for (const code of ["Z", "Z1", "Z2", "Z3"]) {
      for (const indicator of expected(code)) {
        const name = (await db.indicator.findUniqueOrThrow({ where: { code: indicator.code } })).name;
        const row = [...Array(summary.rowCount).keys()].map((index) => summary.getRow(index + 1)).find((candidate) => candidate.getCell(2).value === code && candidate.getCell(4).value === name);
        expect({ code, indicator: indicator.code, xlsx: row && { n: row.getCell(5).value, d: row.getCell(6).value, v: row.getCell(7).value ?? null } }).toEqual({
          code,
          indicator: indicator.code,
          xlsx: { n: indicator.numerator, d: indicator.denominator, v: indicator.value === null ? null : expect.closeTo(indicator.value, 9) },
        });
        const line = csv.find((record) => Object.values(record).includes(code) && Object.values(record).includes(name))!;
        const rate = line[csvColumns.find((column) => /tỷ lệ|rate/i.test(column))!];
        expect({ code, indicator: indicator.code, csv: rate === "" ? null : Number(rate.replace(",", ".").replace("%", "")) }).toEqual({
          code,
          indicator: indicator.code,
          csv: indicator.value === null ? null : expect.closeTo(rate.includes("%") ? indicator.value * 100 : indicator.value, 1),
        });
      }
    }
    // Households reported as 0 in Tổ dân phố 2: no fibre rate, and the report says why.
    const fibre = (await db.indicator.findUniqueOrThrow({ where: { code: "FIBRE_RATE" } })).name;
    const noWhole = [...Array(summary.rowCount).keys()].map((index) => summary.getRow(index + 1)).find((row) => row.getCell(2).value === "Z1" && row.getCell(4).value === fibre)!;
    expect(noWhole.values).toEqual(expect.arrayContaining(["Mẫu số bằng 0"]));
    const pdf = Buffer.from(await (await call(pdfRoute, "Z1-01")).arrayBuffer());
    writeFileSync(path.join(dir, "z1-01.pdf"), pdf);
    const extracted = spawnSync(process.execPath, [path.resolve(__dirname, "../setup/pdf-text.mjs"), path.join(dir, "z1-01.pdf")], { encoding: "utf8" });
    const { text } = JSON.parse(extracted.stdout) as { text: string };
    // The QR-payment line: 0 of 1 merchant, 0,0%; the signature line 0 of 400 adults, 0,0%.
    expect(text).toMatch(/thanh toán QR 0 \/ 1 0,0%/);
    expect(text).toMatch(/chữ ký số cá\s*nhân\s*0 \/ 400 0,0%/);
  });
});
