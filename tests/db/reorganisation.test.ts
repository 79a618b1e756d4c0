/**
 * Reorganising the map must neither lose nor distort history. A small province
 * with figures for three months goes through a merge, a split and the
 * abolition of a district; after each, the figures of every unit are compared
 * with an independent computation from the raw values (a walk of the lineage
 * in JavaScript), the roll-ups with a recomputation, and the map of that time
 * with the map as it was.
 */
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { SeededRandom } from "@/prisma/seed/random";
import { reorganise } from "@/lib/reorganisation/run-reorganisation";
import { mapOfThatTime } from "@/lib/reorganisation/map-of-that-time";
import { elementSumsByUnit } from "@/lib/dashboard/rollup-queries";
import { verifyRollups } from "@/lib/dashboard/verify-rollups";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { getWardCompleteness } from "@/lib/reports/get-ward-completeness";
import { exportReport } from "@/lib/exports/export-report";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { addMember } from "@/lib/teams/manage-members";
import { createUnits, type UnitSpec } from "../setup/create-units";

const NOW = new Date("2026-11-20T03:00:00Z");
const BEFORE = [202601, 202602, 202603];
const admin = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };
const common = { reason: "Sắp xếp theo nghị quyết của tỉnh", decisionRef: "12/NQ-HĐND" };

let ids: Record<string, number>;
let element: Record<string, number>;

async function insertFigures(unitId: number, periods: number[], random: SeededRandom) {
  for (const period of periods) {
    const adults = random.int(200, 900);
    const rows: [string, number][] = [
      ["ADULTS", adults],
      ["ADULTS_DIGITAL_SIGNATURE", random.int(0, adults)],
      ["ADULTS_VNEID_L2", random.int(0, adults)],
    ];
    for (const [code, value] of rows) {
      await db.$executeRaw`INSERT INTO data_value (unit_id, period_id, element_id, value, updated_at) VALUES (${unitId}, ${period}, ${element[code]}, ${value}, now())`;
    }
  }
}

async function rawFigure(unitIds: number[], period: number, code: string): Promise<number> {
  const rows = await db.dataValue.findMany({ where: { unitId: { in: unitIds }, periodId: period, elementId: element[code] } });
  return rows.reduce((sum, row) => sum + row.value, 0);
}

async function rollup(unitId: number, period: number, code: string): Promise<number> {
  return (await elementSumsByUnit([unitId], period, period)).get(unitId)!.get(element[code]) ?? 0;
}

async function snapshot() {
  const [units, reorganisations, lineage, history, carried, teams, members, audit, rollups] = await Promise.all([
    db.adminUnit.findMany({ orderBy: { id: "asc" } }),
    db.reorganisation.count(),
    db.unitLineage.count(),
    db.unitParentHistory.count(),
    db.carriedValue.count(),
    db.team.findMany({ orderBy: { id: "asc" } }),
    db.teamMember.findMany({ orderBy: { id: "asc" } }),
    db.auditLog.count({ where: { action: { not: "auth.denied" } } }),
    db.rollupValue.findMany({ orderBy: [{ unitId: "asc" }, { periodId: "asc" }, { elementId: "asc" }] }),
  ]);
  return JSON.stringify({ units, reorganisations, lineage, history, carried, teams, members, audit, rollups }, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
}

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  element = Object.fromEntries((await db.dataElement.findMany()).map((e) => [e.code, e.id]));
  const specs: UnitSpec[] = [["P", "PROVINCE", "Tỉnh", null], ["D1", "DISTRICT", "Huyện", "P"], ["D2", "DISTRICT", "Huyện", "P"]];
  for (const [ward, parent] of [["W1", "D1"], ["W2", "D1"], ["W3", "D2"]]) {
    specs.push([ward, "WARD", "Xã", parent]);
    for (let g = 1; g <= 3; g += 1) specs.push([`${ward}-${g}`, "RESIDENTIAL_GROUP", "Thôn", ward]);
  }
  ids = await createUnits(specs);
  const random = new SeededRandom(8);
  for (const code of Object.keys(ids).filter((c) => c.split("-").length === 2)) await insertFigures(ids[code], BEFORE, random);
  // Teams of four with a leader each, for the merge.
  for (const code of ["W1-1", "W1-2", "W3-1"]) {
    const team = await db.team.create({ data: { code: `TCNS-${code}`, name: `Tổ ${code}`, unitId: ids[code] } });
    for (let m = 0; m < 4; m += 1) {
      await addMember(admin, team.code, { fullName: `Thành viên ${code} ${m}`, role: m === 0 ? "LEADER" : "MEMBER", affiliation: "OTHER", birthYear: "", gender: "", phone: "", trainedOn: "" });
    }
  }
});

describe("merge", () => {
  it("previews without writing anything, then commits the same change", async () => {
    const before = await snapshot();
    const input = { kind: "MERGE", effectiveOn: "2026-04-01", ...common, sourceCodes: ["W1-1", "W1-2"], into: { newCode: "W1-12", newName: "Thôn Mới", newKind: "Thôn" } };
    const preview = await reorganise(admin, input, { commit: false }, NOW);
    expect(preview.ok).toBe(true);
    expect(await snapshot()).toBe(before);
    if (!preview.ok) return;
    expect(preview.preview.units.map((unit) => `${unit.code}:${unit.change}`).sort()).toEqual(["W1-1:closed", "W1-2:closed", "W1-12:created"].sort());
    expect(preview.preview.teams).toMatchObject({ moved: ["TCNS-W1-1"], merged: ["TCNS-W1-2"], membersMoved: 4, leadersDemoted: 1 });
    expect(preview.preview.sourceFigures).toBe(2 * 3 * 3);

    const done = await reorganise(admin, input, { commit: true }, NOW);
    expect(done.ok && done.committed).toBe(true);
    if (!done.ok) return;
    // The preview showed what the commit did, the new unit's indicators included.
    expect(done.preview.kpis).toEqual(preview.preview.kpis);
    const newId = (await db.adminUnit.findUniqueOrThrow({ where: { code: "W1-12" } })).id;
    const signature = done.preview.kpis[0].figures.find((figure) => figure.code === "DIGITAL_SIGNATURE_RATE")!;
    const [num, den] = [await rawFigure([ids["W1-1"], ids["W1-2"]], 202603, "ADULTS_DIGITAL_SIGNATURE"), await rawFigure([ids["W1-1"], ids["W1-2"]], 202603, "ADULTS")];
    expect(signature).toMatchObject({ numerator: num, denominator: den });
    expect(signature.value).toBeCloseTo(num / den, 12);
    expect(newId).toBeGreaterThan(0);
  });

  it("adds up the old units' counts in the new unit for every earlier month, and its rate is the ratio of the sums", async () => {
    const newId = (await db.adminUnit.findUniqueOrThrow({ where: { code: "W1-12" } })).id;
    for (const period of BEFORE) {
      for (const code of ["ADULTS", "ADULTS_DIGITAL_SIGNATURE", "ADULTS_VNEID_L2"]) {
        expect(await rollup(newId, period, code)).toBe(await rawFigure([ids["W1-1"], ids["W1-2"]], period, code));
      }
      // The ward's figures did not change: the merged groups are still below it.
      expect(await rollup(ids.W1, period, "ADULTS")).toBe(await rawFigure([ids["W1-1"], ids["W1-2"], ids["W1-3"]], period, "ADULTS"));
    }
    const dashboard = await getDashboard(admin, "W1-12", { period: "2026-03" }, NOW);
    if (!dashboard.ok) throw new Error(dashboard.error.message);
    const card = dashboard.cards.find((c) => c.code === "DIGITAL_SIGNATURE_RATE")!;
    const num = await rawFigure([ids["W1-1"], ids["W1-2"]], 202603, "ADULTS_DIGITAL_SIGNATURE");
    const den = await rawFigure([ids["W1-1"], ids["W1-2"]], 202603, "ADULTS");
    expect(card.value).toBeCloseTo(num / den, 12);
    expect(await verifyRollups()).toMatchObject({ differences: [] });
  });

  it("keeps the old units, their figures and their audit log; teams and members move with the group", async () => {
    const old = await db.adminUnit.findMany({ where: { code: { in: ["W1-1", "W1-2"] } } });
    expect(old.map((unit) => unit.validTo?.toISOString().slice(0, 10))).toEqual(["2026-03-31", "2026-03-31"]);
    expect(await db.dataValue.count({ where: { unitId: { in: old.map((unit) => unit.id) } } })).toBe(18);
    // Member additions before the merge and the merge itself, both readable under the old unit.
    const trail = await db.auditLog.findMany({ where: { OR: [{ unitId: ids["W1-1"] }, { entityType: "admin_unit", entityId: String(ids["W1-1"]) }] }, orderBy: { id: "asc" } });
    expect(trail.map((entry) => entry.action)).toEqual(expect.arrayContaining(["members.add", "units.closed"]));
    const newId = (await db.adminUnit.findUniqueOrThrow({ where: { code: "W1-12" } })).id;
    const teams = await db.team.findMany({ where: { unitId: newId, active: true }, include: { members: { where: { active: true } } } });
    expect(teams).toHaveLength(1);
    expect(teams[0].members).toHaveLength(8);
    expect(teams[0].members.filter((member) => member.role === "LEADER")).toHaveLength(1);
    expect(await db.team.findUniqueOrThrow({ where: { code: "TCNS-W1-2" } })).toMatchObject({ active: false });
    // Lineage: each old unit became the new one with all of its counts.
    expect((await db.unitLineage.findMany({ where: { toUnitId: newId } })).map((row) => Number(row.weight))).toEqual([1, 1]);
  });

  it("shows a continuous trend across the merge", async () => {
    const newId = (await db.adminUnit.findUniqueOrThrow({ where: { code: "W1-12" } })).id;
    await insertFigures(newId, [202604, 202605], new SeededRandom(3));
    const dashboard = await getDashboard(admin, "W1-12", { period: "2026-05", indicator: "DIGITAL_SIGNATURE_RATE" }, NOW);
    if (!dashboard.ok) throw new Error(dashboard.error.message);
    const points = dashboard.trend.filter((point) => point.period >= "2026-01" && point.period <= "2026-05");
    expect(points.map((point) => point.period)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
    expect(points.every((point) => point.value !== null)).toBe(true);
  });
});

describe("split", () => {
  it("shares every count of the old unit by the recorded weights, adding up exactly to the original", async () => {
    const result = await reorganise(
      admin,
      {
        kind: "SPLIT",
        effectiveOn: "2026-04-01",
        ...common,
        sourceCode: "W3-1",
        parts: [
          { unit: { newCode: "W3-1A", newName: "Thôn Một A", newKind: "Thôn" }, sharePercent: 62.5 },
          { unit: { newCode: "W3-1B", newName: "Thôn Một B", newKind: "Thôn" }, sharePercent: 37.5 },
        ],
      },
      { commit: true },
      NOW,
    );
    expect(result).toMatchObject({ ok: true, committed: true });
    const [a, b] = await Promise.all(["W3-1A", "W3-1B"].map((code) => db.adminUnit.findUniqueOrThrow({ where: { code } })));
    for (const period of BEFORE) {
      for (const code of ["ADULTS", "ADULTS_DIGITAL_SIGNATURE"]) {
        const original = await rawFigure([ids["W3-1"]], period, code);
        const [shareA, shareB] = [await rollup(a.id, period, code), await rollup(b.id, period, code)];
        expect(shareA + shareB).toBe(original);
        expect(Math.abs(shareA - original * 0.625)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(shareB - original * 0.375)).toBeLessThanOrEqual(0.5);
      }
      // The ward above is unchanged.
      expect(await rollup(ids.W3, period, "ADULTS")).toBe(await rawFigure([ids["W3-1"], ids["W3-2"], ids["W3-3"]], period, "ADULTS"));
    }
    expect((await db.unitLineage.findMany({ where: { fromUnitId: ids["W3-1"] }, orderBy: { weight: "desc" } })).map((row) => Number(row.weight))).toEqual([0.625, 0.375]);
    // The team goes to the larger part.
    expect(await db.team.findUniqueOrThrow({ where: { code: "TCNS-W3-1" } })).toMatchObject({ unitId: a.id, active: true });
    expect(await verifyRollups()).toMatchObject({ differences: [] });
  });

  it("takes the shares from the adults of each part when no percentages are given", async () => {
    const preview = await reorganise(
      admin,
      {
        kind: "SPLIT",
        effectiveOn: "2026-04-01",
        ...common,
        sourceCode: "W3-2",
        parts: [
          { unit: { newCode: "W3-2A", newName: "Thôn Hai A", newKind: "Thôn" }, adults: 300 },
          { unit: { existingCode: "W3-3" }, adults: 100 },
        ],
      },
      { commit: false },
      NOW,
    );
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.preview.units.find((unit) => unit.code === "W3-3")?.detail).toMatch(/25%/);
  });
});

describe("completeness across a merger, on today's map", () => {
  it("counts the groups in force in each month, and never more groups reported than there were", async () => {
    // W1-1 and W1-2 were merged into the new W1-12 from April (the merge test above): in March there were three groups.
    const completeness = async (code: string, period: string) => {
      const dashboard = await getDashboard(admin, code, { period }, NOW);
      if (!dashboard.ok) throw new Error(dashboard.error.message);
      return { total: dashboard.completeness.groupsTotal, reported: dashboard.completeness.groupsReported };
    };
    expect(await completeness("W1", "2026-03")).toEqual({ total: 3, reported: 3 });
    // The new group did not exist in March, but the two it carries on did, and both reported.
    expect(await completeness("W1-12", "2026-03")).toEqual({ total: 2, reported: 2 });
    // From April: W1-12 and W1-3.
    expect((await completeness("W1", "2026-04")).total).toBe(2);
    expect((await completeness("W1-12", "2026-04")).total).toBe(1);
    // The ward's list of who reported in March names the three groups of March.
    const march = await getWardCompleteness(admin, "W1", "2026-03");
    expect(march.rows.filter((row) => row.level === "RESIDENTIAL_GROUP").map((row) => row.code).sort()).toEqual(["W1-1", "W1-2", "W1-3"]);
    expect(march).toMatchObject({ totalGroups: 3, reportedGroups: 3 });
    const april = await getWardCompleteness(admin, "W1", "2026-04");
    expect(april.rows.filter((row) => row.level === "RESIDENTIAL_GROUP").map((row) => row.code).sort()).toEqual(["W1-12", "W1-3"]);
    // The raw figures, in the CSV and the XLSX alike, say of a closed group who carries it on and since when.
    const note = "Ngừng hoạt động sau ngày 31/03/2026; số liệu do Thôn Mới (W1-12) kế thừa từ 01/04/2026.";
    const read = async (stream: NodeJS.ReadableStream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
      return Buffer.concat(chunks);
    };
    const csv = parse((await read((await exportReport(admin, "W1", "csv", { from: "2026-03", to: "2026-04", table: "values" })).stream)).toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    const closedRows = csv.filter((row) => row["Mã đơn vị"] === "W1-1");
    // March only: nothing is listed for the months after it ended, nor for the new group before it was formed.
    expect(closedRows.map((row) => [row["Tháng"], row["Ghi chú"]])).toEqual([["03/2026", note]]);
    expect(csv.filter((row) => row["Mã đơn vị"] === "W1-12").map((row) => [row["Tháng"], row["Ghi chú"]])).toEqual([["04/2026", ""]]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await read((await exportReport(admin, "W1", "xlsx", { from: "2026-03", to: "2026-04" })).stream)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((candidate) => String(candidate.getRow(1).getCell(1).value) === "Mã đơn vị")!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const noteColumn = header.indexOf("Ghi chú") + 1;
    const xlsxRow = [...Array(sheet.rowCount).keys()].map((index) => sheet.getRow(index + 1)).find((row) => row.getCell(1).value === "W1-1")!;
    expect(xlsxRow.getCell(noteColumn).value).toBe(note);
    // Nowhere more groups reported than groups there were.
    const units = await db.adminUnit.findMany({ select: { code: true } });
    for (const { code } of units) {
      for (const period of ["2026-01", "2026-03", "2026-04"]) {
        const { total, reported } = await completeness(code, period);
        expect({ code, period, over: reported > total }).toEqual({ code, period, over: false });
      }
    }
  });
});

describe("abolishing the district level", () => {
  it("moves the wards up, keeps the province's figures for every month, and keeps the map of that time", async () => {
    const rowsOf = async (unitId: number) => (await db.rollupValue.findMany({ where: { unitId }, orderBy: [{ periodId: "asc" }, { elementId: "asc" }] })).map((row) => `${row.periodId}:${row.elementId}:${row.value}`);
    const province = await rowsOf(ids.P);
    const result = await reorganise(admin, { kind: "ABOLISH_LEVEL", effectiveOn: "2026-04-01", ...common, districtCodes: ["D1"] }, { commit: true }, NOW);
    expect(result).toMatchObject({ ok: true });
    expect(await rowsOf(ids.P)).toEqual(province);
    const wards = await db.adminUnit.findMany({ where: { code: { in: ["W1", "W2"] } } });
    expect(wards.map((ward) => ward.parentId)).toEqual([ids.P, ids.P]);
    expect(await db.adminUnit.findUniqueOrThrow({ where: { id: ids.D1 } })).toMatchObject({ validTo: new Date("2026-03-31T00:00:00Z") });

    // March on the map of March: D1 with its two wards; April on the map of April: the wards directly under the province.
    const march = await mapOfThatTime([ids.P], 202603, 202603);
    expect(march.children.map((unit) => unit.code).sort()).toEqual(["D1", "D2"]);
    expect(march.byChild.get(ids.D1)!.get(element.ADULTS)).toBe(await rawFigure([ids["W1-1"], ids["W1-2"], ids["W1-3"], ids["W2-1"], ids["W2-2"], ids["W2-3"]], 202603, "ADULTS"));
    expect(march.total.get(element.ADULTS)).toBe(await rollup(ids.P, 202603, "ADULTS"));
    const marchD1 = await mapOfThatTime([ids.D1], 202603, 202603);
    expect(marchD1.children.map((unit) => unit.code).sort()).toEqual(["W1", "W2"]);
    // The groups merged in April were still separate in March, under W1.
    const marchW1 = await mapOfThatTime([ids.W1], 202603, 202603);
    expect(marchW1.children.map((unit) => unit.code).sort()).toEqual(["W1-1", "W1-2", "W1-3"]);
    expect(marchW1.totalReporting).toMatchObject({ groupsTotal: 3, groupsReported: 3 });
    const april = await mapOfThatTime([ids.P], 202604, 202604);
    expect(april.children.map((unit) => unit.code).sort()).toEqual(["D2", "W1", "W2"]);
    expect(await verifyRollups()).toMatchObject({ differences: [] });
  });
});

describe("bad input is refused with a message that names the field and the rule, and nothing changes", () => {
  const cases: [string, () => Promise<void>, Record<string, unknown>, RegExp, string][] = [
    ["units of different levels", async () => {}, { kind: "MERGE", sourceCodes: ["W2", "W2-1"], into: { existingCode: "W2-2" } }, /phải cùng cấp/, "sourceCodes"],
    ["shares that do not add up to 100%", async () => {}, { kind: "SPLIT", sourceCode: "W2-3", parts: [{ unit: { existingCode: "W2-1" }, sharePercent: 50 }, { unit: { existingCode: "W2-2" }, sharePercent: 40 }] }, /cộng lại đúng 100%, hiện là 90%/, "parts"],
    ["an effective date that is not the first of a month", async () => {}, { kind: "MERGE", effectiveOn: "2026-04-15", sourceCodes: ["W2-1"], into: { existingCode: "W2-2" } }, /ngày đầu tháng/, "effectiveOn"],
    [
      "an effective date inside a locked period",
      async () => {
        await db.periodReport.create({ data: { unitId: ids["W2-2"], periodId: 202606, status: "LOCKED" } });
      },
      { kind: "MERGE", effectiveOn: "2026-06-01", sourceCodes: ["W2-1"], into: { existingCode: "W2-2" } },
      /kỳ đã khóa: báo cáo tháng 06\/2026 của Thôn W2-2 đã khóa/,
      "effectiveOn",
    ],
    ["figures of the old unit after the effective date", async () => {}, { kind: "MERGE", effectiveOn: "2026-02-01", sourceCodes: ["W2-3"], into: { existingCode: "W2-1" } }, /đã có số liệu tháng 02\/2026/, "effectiveOn"],
    ["a cycle in the tree", async () => {}, { kind: "MOVE", unitCode: "P", newParentCode: "W3" }, /tạo vòng lặp/, "newParentCode"],
    ["a move to a parent of the wrong level", async () => {}, { kind: "MOVE", unitCode: "W2-1", newParentCode: "D2" }, /tổ dân phố\/thôn phải thuộc phường\/xã/, "newParentCode"],
    ["a unit that does not exist", async () => {}, { kind: "MERGE", sourceCodes: ["NOPE"], into: { existingCode: "W2-2" } }, /Mã "NOPE": không tìm thấy đơn vị này/, "sourceCodes"],
    ["a unit that has already ended", async () => {}, { kind: "MERGE", sourceCodes: ["W1-1"], into: { existingCode: "W1-3" } }, /đã ngừng hoạt động/, "sourceCodes"],
    ["a date earlier than a change already recorded", async () => {}, { kind: "MERGE", effectiveOn: "2026-03-01", sourceCodes: ["W1-3"], into: { existingCode: "W1-12" } }, /đã có thay đổi địa giới từ 01\/04\/2026/, "effectiveOn"],
    ["a new code already in use", async () => {}, { kind: "MERGE", sourceCodes: ["W2-1", "W2-2"], into: { newCode: "W1-1", newName: "Thôn X", newKind: "Thôn" } }, /đã có đơn vị mã "W1-1"/, "into.newCode"],
  ];
  it.each(cases)("%s", async (_label, arrange, input, message, field) => {
    await arrange();
    const before = await snapshot();
    const result = await reorganise(admin, { effectiveOn: "2026-04-01", ...common, ...input }, { commit: true }, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors[field]?.join(" ")).toMatch(message);
    expect(await snapshot()).toBe(before);
  });

  it("refuses units outside a steering committee's scope, and district-level changes to it", async () => {
    const steeringD2 = { id: null, username: "bcd.d2", role: "STEERING" as const, scopeUnitId: ids.D2 };
    const before = await snapshot();
    const outside = await reorganise(steeringD2, { kind: "MERGE", effectiveOn: "2026-04-01", ...common, sourceCodes: ["W2-1"], into: { existingCode: "W2-2" } }, { commit: true }, NOW);
    expect(outside).toMatchObject({ ok: false, status: 404, fieldErrors: { sourceCodes: [expect.stringMatching(/không tìm thấy đơn vị này trong phạm vi của bạn/)] } });
    const district = await reorganise(steeringD2, { kind: "ABOLISH_LEVEL", effectiveOn: "2026-04-01", ...common, districtCodes: ["D2"] }, { commit: true }, NOW);
    expect(district).toMatchObject({ ok: false, status: 403 });
    const wardOfficial = { id: null, username: "cb", role: "WARD_OFFICIAL" as const, scopeUnitId: ids.W3 };
    const official = await reorganise(wardOfficial, { kind: "MERGE", effectiveOn: "2026-04-01", ...common, sourceCodes: ["W3-2"], into: { existingCode: "W3-3" } }, { commit: true }, NOW);
    expect(official).toMatchObject({ ok: false, status: 404 });
    expect(await snapshot()).toBe(before);
    // Inside its scope, for residential groups, it may.
    const inside = await reorganise(steeringD2, { kind: "MERGE", effectiveOn: "2026-04-01", ...common, sourceCodes: ["W3-2"], into: { existingCode: "W3-3" } }, { commit: false }, NOW);
    expect(inside).toMatchObject({ ok: true, committed: false });
  });
});

describe("targets", () => {
  it("re-allocates a merged unit's target as the sources' targets weighted by their denominators", async () => {
    const indicator = await db.indicator.findUniqueOrThrow({ where: { code: "DIGITAL_SIGNATURE_RATE" } });
    await db.target.createMany({
      data: [
        { indicatorId: indicator.id, unitId: ids["W3-2"], value: 0.5, reason: "Chỉ tiêu riêng" },
        { indicatorId: indicator.id, unitId: ids["W3-3"], value: 0.8, reason: "Chỉ tiêu riêng" },
      ],
    });
    const result = await reorganise(admin, { kind: "MERGE", effectiveOn: "2026-04-01", ...common, sourceCodes: ["W3-2"], into: { existingCode: "W3-3" } }, { commit: true }, NOW);
    expect(result).toMatchObject({ ok: true });
    const [d2, d3] = [await rawFigure([ids["W3-2"]], 202603, "ADULTS"), await rawFigure([ids["W3-3"]], 202603, "ADULTS")];
    const expected = Math.round(((0.5 * d2 + 0.8 * d3) / (d2 + d3)) * 100_000) / 100_000;
    const written = await db.target.findFirstOrThrow({ where: { indicatorId: indicator.id, unitId: ids["W3-3"], fromPeriodId: 202604 } });
    expect(Number(written.value)).toBeCloseTo(expected, 5);
    expect(written.source).toBe(common.decisionRef);
    // Months before the merge keep the receiver's own target.
    const { resolveTargets } = await import("@/lib/targets/resolve-targets");
    expect((await resolveTargets(ids["W3-3"], 202603)).get(indicator.id)?.value).toBe(0.8);
    expect((await resolveTargets(ids["W3-3"], 202605)).get(indicator.id)?.value).toBeCloseTo(expected, 5);
  });
});

describe("entering figures after a reorganisation", () => {
  it("refuses figures for a unit that has ended, and for months before a new unit existed", async () => {
    const { savePeriodReport } = await import("@/lib/reports/save-period-report");
    const { importValues } = await import("@/lib/imports/import-values");
    const input = (unitCode: string, period: string) => ({ unitCode, period, version: 0, requestId: crypto.randomUUID(), values: { ADULTS: "300" }, reasons: {} });
    await expect(savePeriodReport(admin, input("W1-1", "2026-02"))).rejects.toThrow(/đã giải thể hoặc sáp nhập/);
    await expect(savePeriodReport(admin, input("W1-12", "2026-03"))).rejects.toThrow(/thành lập từ tháng 2026-04/);
    const csv = "unit_code,period,element_code,value\nW1-12,2026-03,ADULTS,300\n";
    const imported = await importValues(admin, new TextEncoder().encode(csv), { commit: true, now: NOW });
    expect(imported).toMatchObject({ ok: false });
    expect(JSON.stringify(imported)).toMatch(/thành lập từ tháng 2026-04/);
  });
});

describe("new units stay inside the scope", () => {
  it("refuses a steering committee of one ward creating units beside it", async () => {
    const wardCommittee = { id: null, username: "bcd.w1", role: "STEERING" as const, scopeUnitId: ids.W1 };
    const result = await reorganise(
      wardCommittee,
      { kind: "SPLIT", effectiveOn: "2026-04-01", ...common, sourceCode: "W1", parts: [{ unit: { newCode: "W1A", newName: "Xã Một A", newKind: "Xã" }, sharePercent: 50 }, { unit: { newCode: "W1B", newName: "Xã Một B", newKind: "Xã" }, sharePercent: 50 }] },
      { commit: false },
      NOW,
    );
    expect(result).toMatchObject({ ok: false, status: 403, fieldErrors: { "parts.0.unit.parentCode": [expect.stringMatching(/trong phạm vi của bạn/)] } });
  });
});
