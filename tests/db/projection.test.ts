/**
 * Projections from the roll-ups against an independent computation from the
 * raw figures, on data of odd shapes loaded through the figures import: a
 * steady climb, a flat group, a falling one, a group of reported zeros that has
 * not reported the latest month yet, a month missing in the middle, a ward
 * already past its own target, and two groups merged into one in the middle
 * of the window (today's map carries their history on). The dashboard, the
 * read API and the XLSX report must say the same.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { createUnits } from "../setup/create-units";
import type { Actor } from "@/lib/auth/authorize";
import { importValues } from "@/lib/imports/import-values";
import { reorganise } from "@/lib/reorganisation/run-reorganisation";
import { setTarget } from "@/lib/targets/set-target";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { apiProjection, getChildrenIndicators, getUnitIndicators } from "@/lib/dashboard/get-unit-indicators";
import { projectIndicator, type MonthFigures, type Projection } from "@/lib/dashboard/projection";
import { loadReportContext } from "@/lib/exports/report-context";
import { writeXlsxReport } from "@/lib/exports/xlsx-report";
import { writePdfReport } from "@/lib/exports/pdf-report";
import { SeededRandom } from "@/prisma/seed/random";

const NOW = new Date("2026-12-05T03:00:00Z");
const AS_OF = 202611;
const RATE = "DIGITAL_SIGNATURE_RATE";
const MONTHS = [202512, 202601, 202602, 202603, 202604, 202605, 202606, 202607, 202608, 202609, 202610, 202611];
const MERGED_ON = 202608;
let admin: Actor & { id: number };

/** Each group's adults and adults with a signature, month by month (null: not reported that month). */
function groupSeries(random: SeededRandom): Record<string, (null | [number, number])[]> {
  const noise = () => random.int(-3, 3);
  return {
    "W1-01": MONTHS.map((_, step) => [200 + 25 * step + noise(), 1000 + step]), // a steady climb
    "W1-02": MONTHS.map((_, step) => [300, 900 + 2 * step]), // flat, while the whole grows: not enough history
    "W1-03": MONTHS.map((_, step) => [500 - 10 * step + noise(), 1000]), // falling
    "W1-04": MONTHS.map((month) => (month === AS_OF ? null : [0, 400])), // reported zeros; November not in yet
    "W2-01": MONTHS.map((month, step) => (month < MERGED_ON ? [150 + 12 * step + noise(), 600] : null)),
    "W2-02": MONTHS.map((month, step) => (month < MERGED_ON ? [90 + 8 * step + noise(), 500] : null)),
    "W2-12": MONTHS.map((month, step) => (month >= MERGED_ON ? [240 + 20 * step + noise(), 1100 + step] : null)), // the two, merged
    "W2-03": MONTHS.map((month, step) => (month === 202604 ? null : [164 + 10 * step + noise(), 800])), // April missing; lands a little short
    "W3-01": MONTHS.map((_, step) => [600 + step, 1000]), // past the ward's own 30%
    "W3-02": MONTHS.map((_, step) => [550 + 2 * step, 1000]),
  };
}

/** On today's map: the groups whose figures each unit adds up (a merged group carries its sources'). */
const MEMBERS: Record<string, string[]> = {
  P: ["W1-01", "W1-02", "W1-03", "W1-04", "W2-01", "W2-02", "W2-12", "W2-03", "W3-01", "W3-02"],
  D: ["W1-01", "W1-02", "W1-03", "W1-04", "W2-01", "W2-02", "W2-12", "W2-03", "W3-01", "W3-02"],
  W1: ["W1-01", "W1-02", "W1-03", "W1-04"],
  W2: ["W2-01", "W2-02", "W2-12", "W2-03"],
  W3: ["W3-01", "W3-02"],
  "W2-12": ["W2-01", "W2-02", "W2-12"],
};
const membersOf = (code: string) => MEMBERS[code] ?? [code];

let raw: { code: string; period: number; element: string; value: number }[];

/**
 * The independent computation: the month's sums of the unit's groups from the raw figures, the
 * latest months that fewer groups reported than the month before left out, then the projection.
 */
function expectedProjection(code: string, target: { value: number; toPeriodId: number | null } | null): Projection {
  const members = new Set(membersOf(code));
  const months: (MonthFigures & { reporting: number })[] = [];
  for (const month of MONTHS) {
    const rows = raw.filter((row) => members.has(row.code) && row.period === month);
    const numerator = rows.filter((row) => row.element === "ADULTS_DIGITAL_SIGNATURE").reduce((sum, row) => sum + row.value, 0);
    const denominator = rows.filter((row) => row.element === "ADULTS").reduce((sum, row) => sum + row.value, 0);
    if (rows.length > 0 && denominator > 0) months.push({ period: month, numerator, denominator, reporting: new Set(rows.map((row) => row.code)).size });
  }
  while (months.length >= 2 && months[months.length - 1].reporting < months[months.length - 2].reporting) months.pop();
  return projectIndicator(months, target, AS_OF);
}

const TARGETS: Record<string, { value: number; toPeriodId: number | null }> = {
  P: { value: 0.45, toPeriodId: 202706 },
  D: { value: 0.45, toPeriodId: 202706 },
  W1: { value: 0.45, toPeriodId: 202706 },
  W2: { value: 0.45, toPeriodId: 202706 },
  W3: { value: 0.3, toPeriodId: null },
  // The falling group's own target ends with the period: its deadline has come.
  "W1-03": { value: 0.45, toPeriodId: 202611 },
};
const targetOf = (code: string) => TARGETS[code] ?? TARGETS[code.slice(0, 2)];

/** Floats compared to 9 places, everything else exactly. */
function close(projection: Projection | ReturnType<typeof apiProjection>): unknown {
  return JSON.parse(JSON.stringify(projection), (_key, value) => (typeof value === "number" && !Number.isInteger(value) ? expect.closeTo(value, 9) : value));
}

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  await createUnits([
    ["P", "PROVINCE", "Tỉnh", null],
    ["D", "DISTRICT", "Huyện", "P"],
    ["W1", "WARD", "Xã", "D"],
    ["W2", "WARD", "Xã", "D"],
    ["W3", "WARD", "Xã", "D"],
    ...(["W1-01", "W1-02", "W1-03", "W1-04", "W2-01", "W2-02", "W2-03", "W3-01", "W3-02"].map((code) => [code, "RESIDENTIAL_GROUP", "Thôn", code.slice(0, 2)]) as [string, "RESIDENTIAL_GROUP", string, string][]),
  ]);
  const user = await db.user.create({ data: { username: "admin.projection", fullName: "Quản trị", role: "ADMIN", passwordHash: "x" } });
  admin = { id: user.id, username: user.username, role: "ADMIN", scopeUnitId: null };
  const series = groupSeries(new SeededRandom(25));
  const csv = (codes: string[]) => {
    const lines = ["unit_code,period,element_code,value"];
    for (const code of codes) {
      series[code].forEach((figures, step) => {
        if (!figures) return;
        const period = `${Math.floor(MONTHS[step] / 100)}-${String(MONTHS[step] % 100).padStart(2, "0")}`;
        lines.push(`${code},${period},PEOPLE,${figures[1] + 300}`, `${code},${period},ADULTS,${figures[1]}`, `${code},${period},ADULTS_DIGITAL_SIGNATURE,${figures[0]}`);
      });
    }
    return new TextEncoder().encode(lines.join("\n"));
  };
  // Through the import, as a province's figures arrive; the merged group's months after the merge once it exists.
  expect(await importValues(admin, csv(Object.keys(series).filter((code) => code !== "W2-12")), { commit: true, now: NOW })).toMatchObject({ ok: true });
  expect(
    await reorganise(admin, { kind: "MERGE", effectiveOn: "2026-08-01", reason: "Sáp nhập thôn", decisionRef: "7/NQ-HĐND", sourceCodes: ["W2-01", "W2-02"], into: { newCode: "W2-12", newName: "Thôn Mới", newKind: "Thôn" } }, { commit: true }, NOW),
  ).toMatchObject({ ok: true, committed: true });
  expect(await importValues(admin, csv(["W2-12"]), { commit: true, now: NOW })).toMatchObject({ ok: true });
  expect(await setTarget(admin, "P", { indicatorCode: RATE, percent: "45", fromPeriod: "2026-01", toPeriod: "2027-06", reason: "Lộ trình của tỉnh", source: "Kế hoạch 2/KH" })).toMatchObject({ ok: true });
  expect(await setTarget(admin, "W3", { indicatorCode: RATE, percent: "30", fromPeriod: "2026-01", toPeriod: "", reason: "Mức của xã", source: "" })).toMatchObject({ ok: true });
  expect(await setTarget(admin, "W1-03", { indicatorCode: RATE, percent: "45", fromPeriod: "2026-01", toPeriod: "2026-11", reason: "Mức của thôn đến hết tháng 11", source: "" })).toMatchObject({ ok: true });
  raw = (
    await db.$queryRaw<{ code: string; period: number; element: string; value: number }[]>`
      SELECT u.code, v.period_id AS period, e.code AS element, v.value FROM data_value v JOIN admin_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id`
  ).map((row) => ({ ...row, value: Number(row.value) }));
});

describe("the projection to the target's deadline, from the roll-ups", () => {
  it("agrees with the raw figures for every unit, in the read API", async () => {
    const checked = new Set<string>();
    for (const parent of ["P", "D", "W1", "W2", "W3"]) {
      const own = await getUnitIndicators(admin, parent, { period: "2026-11" }, NOW);
      const children = await getChildrenIndicators(admin, parent, { period: "2026-11" }, NOW);
      const byCode = [{ code: parent, indicators: own.indicators }, ...children.children.map((child) => ({ code: child.unit.code, indicators: child.indicators }))];
      for (const { code, indicators } of byCode) {
        const projection = indicators.find((indicator) => indicator.code === RATE)!.projection;
        expect({ code, projection }).toEqual({ code, projection: close(apiProjection(expectedProjection(code, targetOf(code)))) });
        checked.add(code);
      }
    }
    expect([...checked].sort()).toEqual(["D", "P", "W1", "W1-01", "W1-02", "W1-03", "W1-04", "W2", "W2-03", "W2-12", "W3", "W3-01", "W3-02"]);
  });

  it("covers the shapes it is meant to: each outcome occurs, the partly reported month and the missing one are handled", () => {
    const states = Object.fromEntries(["P", "W1", "W1-01", "W1-02", "W1-03", "W1-04", "W2", "W2-03", "W2-12", "W3"].map((code) => [code, expectedProjection(code, targetOf(code)).state]));
    expect(new Set(Object.values(states))).toEqual(new Set(["met", "onTrack", "atRisk", "offTrack", "notEnoughHistory"]));
    // November is left out where a group has not reported it yet, and kept where every group has.
    expect(expectedProjection("W1", targetOf("W1")).basedOn).toBe(202610);
    expect(expectedProjection("W2", targetOf("W2")).basedOn).toBe(202611);
    // The merged group's pace runs across its merge: its window reaches back before August.
    expect(expectedProjection("W2-12", targetOf("W2-12")).windows[1].from).toBeLessThan(MERGED_ON);
  });

  it("says the same on the dashboard: the cards, the children and the units at risk, largest shortfall first", async () => {
    for (const code of ["P", "D", "W1", "W2"]) {
      const dashboard = await getDashboard(admin, code, { period: "2026-11", indicator: RATE }, NOW);
      if (!dashboard.ok) throw new Error(dashboard.error.message);
      expect(close(dashboard.cards.find((card) => card.code === RATE)!.projection)).toEqual(close(expectedProjection(code, targetOf(code))));
      for (const child of dashboard.children) expect({ child: child.code, projection: close(child.figures.find((figure) => figure.code === RATE)!.projection!) }).toEqual({ child: child.code, projection: close(expectedProjection(child.code, targetOf(child.code))) });
      const missing = dashboard.children
        .map((child) => ({ code: child.code, projection: expectedProjection(child.code, targetOf(child.code)) }))
        .filter(({ projection }) => projection.state === "atRisk" || projection.state === "offTrack")
        .sort((a, b) => b.projection.shortfallPerMonth! - a.projection.shortfallPerMonth! || a.code.localeCompare(b.code));
      expect(dashboard.unitsAtRisk.map((unit) => unit.code)).toEqual(missing.map((unit) => unit.code));
      // The trend's dotted line starts at the last counted month's rate and ends at the deadline's projection.
      const expected = expectedProjection(code, targetOf(code));
      if (expected.windows.length > 0) {
        expect(dashboard.projectionLine[0]).toMatchObject({ value: expect.closeTo(expected.current!, 9) });
        expect(dashboard.projectionLine.at(-1)).toMatchObject({ period: `${Math.floor(expected.deadline! / 100)}-${String(expected.deadline! % 100).padStart(2, "0")}`, value: expect.closeTo(expected.value!, 9) });
      }
    }
  });

  /** A report of a unit (the district unless said) for November, as its bytes. */
  async function reportBytes(format: "xlsx" | "pdf", code = "D"): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const finished = new Promise((resolve) => sink.on("finish", resolve));
    const context = await loadReportContext(admin, code, { period: "2026-11" }, format, NOW);
    await (format === "xlsx" ? writeXlsxReport(context, sink) : writePdfReport(context, sink, RATE));
    await finished;
    return Buffer.concat(chunks);
  }

  it("says the same in the XLSX report's projection columns", async () => {
    const bytes = await reportBytes("xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet("Tổng hợp")!;
    expect(summary.getRow(8).values).toEqual(expect.arrayContaining(["Dự kiến đến hạn", "Hạn", "Cần thêm mỗi tháng", "Tình hình đến hạn"]));
    const words = { met: "Đã đạt", onTrack: "Kịp đạt", atRisk: "Có nguy cơ không đạt", offTrack: "Không kịp đạt", notEnoughHistory: "Chưa đủ số liệu để dự báo", noTarget: "Chưa có chỉ tiêu" };
    let rows = 0;
    for (let row = 9; row <= summary.rowCount; row += 1) {
      const cells = summary.getRow(row);
      if (cells.getCell(4).value !== "Tỷ lệ người trưởng thành có chữ ký số cá nhân") continue;
      const code = String(cells.getCell(2).value);
      const expected = expectedProjection(code, targetOf(code));
      expect({ code, projected: cells.getCell(12).value, deadline: cells.getCell(13).value, needed: cells.getCell(14).value, state: cells.getCell(15).value }).toEqual({
        code,
        projected: expected.value === null ? null : expect.closeTo(expected.value, 9),
        deadline: `${String(expected.deadline! % 100).padStart(2, "0")}/${Math.floor(expected.deadline! / 100)}`,
        needed: expected.neededPerMonth === null ? null : Math.ceil(expected.neededPerMonth),
        state: words[expected.state],
      });
      rows += 1;
    }
    expect(rows).toBe(4);
  });

  /** A unit's PDF report as text, its lines joined (text drawn in a box wraps). */
  async function pdfText(code = "D"): Promise<string> {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tcns-projection-"));
    writeFileSync(path.join(dir, "report.pdf"), await reportBytes("pdf", code));
    const extracted = spawnSync(process.execPath, [path.resolve(__dirname, "../setup/pdf-text.mjs"), path.join(dir, "report.pdf")], { encoding: "utf8" });
    expect(extracted.stderr).toBe("");
    return (JSON.parse(extracted.stdout) as { text: string }).text.replace(/\s+/g, " ");
  }

  it("says where the district lands and which wards are at risk in the PDF report's paragraph", async () => {
    const text = await pdfText();
    expect(text).toContain("III. Dự kiến đến hạn chỉ tiêu");
    const district = expectedProjection("D", targetOf("D"));
    const percent = (value: number) => `${(value * 100).toFixed(1).replace(".", ",")}%`;
    expect(text).toContain(`dự kiến ${percent(district.value!)} đến 06/2027`);
    expect(text).toContain(`cần thêm ${Math.ceil(district.neededPerMonth!).toLocaleString("vi-VN")} người mỗi tháng`);
    for (const ward of ["W1", "W2", "W3"]) {
      const projection = expectedProjection(ward, targetOf(ward));
      // The text layer garbles some marks of "thiếu" (pdf-text.mjs reads what pdfkit drew): the word is matched by its start.
      const named = new RegExp(`${ward} \\(thi\\S* ${Math.ceil(projection.shortfallPerMonth ?? 0).toLocaleString("vi-VN")} người/tháng\\)`);
      if (projection.state === "atRisk" || projection.state === "offTrack") expect(text).toMatch(named);
      else expect(text).not.toMatch(new RegExp(`${ward} \\(thi`));
    }
  });

  it("says where a unit landed once its deadline has come, with nothing left to gain", async () => {
    const group = expectedProjection("W1-03", targetOf("W1-03"));
    expect(group).toMatchObject({ state: "offTrack", basedOn: 202611, deadline: 202611, neededPerMonth: null });
    const text = await pdfText("W1-03");
    const percent = `${(group.value! * 100).toFixed(1).replace(".", ",")}%`;
    expect(text).toContain(`đã đến hạn 11/2026, dừng ở ${percent}`);
    // No gain is asked of a month that has passed.
    expect(text).not.toContain("cần thêm");
  });
});
