/**
 * The year's proposal for commendation: the teams and members ranked from
 * the activity records, the criteria applied and written on the files, the
 * XLSX and PDF read back, the year and the scope checked.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/authorize";
import { seedDatabase } from "@/prisma/seed/seed";
import { createUnits } from "../setup/create-units";
import { logActivity } from "@/lib/activities/log-activity";
import { getRecognition, RECOGNITION_CRITERIA } from "@/lib/activities/get-recognition";
import { issueApiToken } from "@/lib/api/api-tokens";
import { GET as xlsxRoute } from "@/app/api/v1/units/[code]/recognition.xlsx/route";
import { GET as pdfRoute } from "@/app/api/v1/units/[code]/recognition.pdf/route";

const NOW = new Date("2026-03-10T10:00:00+07:00");
let admin: Actor;
let token: string;
const logged: { team: string; month: number; helped: number; members: number[] }[] = [];
const memberIds: Record<string, number> = {};

type Route = (request: Request, context: { params: Promise<{ code: string }> }) => Promise<Response>;
const call = (route: Route, code: string, query: string, bearer = token) =>
  route(new Request(`http://localhost/api/v1/units/${code}/x?${query}`, { headers: { authorization: `Bearer ${bearer}` } }), { params: Promise.resolve({ code }) });

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  const ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null, "Sơn La"],
    ["W", "WARD", "Xã", "P", "Chiềng Xôm"],
    ["W-A", "RESIDENTIAL_GROUP", "Bản", "W", "Bản Hài"],
    ["W-B", "RESIDENTIAL_GROUP", "Bản", "W", "Bản Lay"],
    ["W-C", "RESIDENTIAL_GROUP", "Bản", "W", "Bản Cọ"],
    ["Q", "PROVINCE", "Tỉnh", null, "Hải Dương"],
  ]);
  const user = await db.user.create({ data: { username: "quantri.kt", fullName: "Quản trị", role: "ADMIN", passwordHash: "x" } });
  admin = { id: user.id, username: user.username, role: "ADMIN", scopeUnitId: null };
  token = (await issueApiToken(admin, user.id, "kiểm tra")).token;
  for (const group of ["A", "B", "C"]) {
    const team = await db.team.create({ data: { code: `T-${group}`, name: `Tổ công nghệ số Bản ${group}`, unitId: ids[`W-${group}`], foundedOn: new Date("2024-01-01T00:00:00Z") } });
    for (const [index, name] of [`Lò Văn ${group}1`, `Cầm Thị ${group}2`].entries()) {
      memberIds[`${group}${index + 1}`] = (await db.teamMember.create({ data: { teamId: team.id, fullName: name, role: index === 0 ? "LEADER" : "MEMBER", affiliation: "YOUTH_UNION" } })).id;
    }
  }
  // A: two a month all year (proposed); B: thirty in three months (not steady); C: one a month (too few).
  const log = async (group: string, month: number, day: number, helped: number, members: number[]) => {
    const result = await logActivity(admin, `T-${group}`, { occurredOn: `2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, kind: "HOME_VISITS", place: "Nhà văn hóa bản", memberIds: members, helpedVneid: String(helped) }, { now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result));
    logged.push({ team: `T-${group}`, month, helped, members });
  };
  for (let month = 1; month <= 12; month += 1) {
    await log("A", month, 3, month, [memberIds.A1, memberIds.A2]);
    await log("A", month, 17, 2, month <= 5 ? [memberIds.A1, memberIds.A2] : [memberIds.A1]);
    await log("C", month, 9, 4, [memberIds.C1]);
  }
  for (let n = 0; n < 30; n += 1) await log("B", 4 + (n % 3), 1 + (n % 27), 5, [memberIds.B1]);
  // Another year's record counts in no 2025 list.
  await logActivity(admin, "T-C", { occurredOn: "2026-02-02", kind: "HOME_VISITS", place: "Bản Cọ", memberIds: [], helpedVneid: "9" }, { now: NOW });
});

describe("the proposal for commendation", () => {
  it("ranks the teams and members of the year and marks who meets the criteria, as computed from the records", async () => {
    const recognition = await getRecognition(admin, "W", { year: "2025" }, NOW);
    const teams = ["T-A", "T-B", "T-C"].map((code) => {
      const mine = logged.filter((entry) => entry.team === code);
      const months = new Set(mine.map((entry) => entry.month)).size;
      return { code, activities: mine.length, months, helped: mine.reduce((sum, entry) => sum + entry.helped, 0), proposed: mine.length >= RECOGNITION_CRITERIA.teamActivities && months >= RECOGNITION_CRITERIA.teamMonths };
    }).sort((a, b) => b.activities - a.activities || b.helped - a.helped);
    expect(recognition.teams.map(({ code, activities, months, helped, proposed }) => ({ code, activities, months, helped, proposed }))).toEqual(teams);
    expect(recognition.teams.filter((team) => team.proposed).map((team) => team.code)).toEqual(["T-A"]);
    const members = Object.entries(memberIds).map(([key, id]) => {
      const mine = logged.filter((entry) => entry.members.includes(id));
      return { key, activities: mine.length, helped: mine.reduce((sum, entry) => sum + entry.helped, 0) };
    }).filter((member) => member.activities > 0);
    expect(recognition.members.map((member) => [member.activities, member.helped, member.proposed])).toEqual(
      members.sort((a, b) => b.activities - a.activities || b.helped - a.helped).map((member) => [member.activities, member.helped, member.activities >= RECOGNITION_CRITERIA.memberActivities]),
    );
    expect(recognition).toMatchObject({ year: 2025, through: "2025-12-31" });
    // The current year counts to today.
    expect(await getRecognition(admin, "W", {}, NOW)).toMatchObject({ year: 2026, through: "2026-03-10", teams: [{ code: "T-C", activities: 1, helped: 9 }] });
  });

  it("writes the workbook with the header, the criteria and every team and member, and the PDF with the proposed only", async () => {
    const response = await call(xlsxRoute, "W", "year=2025");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("de-nghi-khen-thuong-W-2025.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Tổ", "Thành viên"]);
    const sheet = workbook.getWorksheet("Tổ")!;
    const text = (row: number, column: number) => String(sheet.getRow(row).getCell(column).value ?? "");
    expect(text(1, 5)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text(4, 1)).toBe("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
    expect(text(6, 1)).toContain(`từ ${RECOGNITION_CRITERIA.teamActivities} hoạt động trở lên`);
    const rows = [9, 10, 11].map((row) => [text(row, 2), Number(sheet.getRow(row).getCell(4).value), text(row, 9)]);
    expect(rows).toEqual([["Tổ công nghệ số Bản B", 30, ""], ["Tổ công nghệ số Bản A", 24, "Đề nghị"], ["Tổ công nghệ số Bản C", 12, ""]]);
    expect(workbook.getWorksheet("Thành viên")!.getRow(9).getCell(2).value).toBe("Lò Văn B1");

    const pdf = await call(pdfRoute, "W", "year=2025");
    expect(pdf.status).toBe(200);
    // Read back as the exports test reads its PDF: pdf-parse in a process of its own (tests/setup/pdf-text.mjs).
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "tcns-recognition-")), "de-nghi.pdf");
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const extracted = spawnSync(process.execPath, [path.resolve(__dirname, "../setup/pdf-text.mjs"), file], { encoding: "utf8" });
    expect(extracted.stderr).toBe("");
    const content = (JSON.parse(extracted.stdout) as { text: string }).text.replace(/\s+/g, " ");
    expect(content).toContain("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
    expect(content).toContain("Tiêu chí đề nghị");
    expect(content).toContain("I. Tập thể: 1 tổ công nghệ số cộng đồng");
    expect(content).toContain("Tổ công nghệ số Bản A");
    expect(content).not.toContain("Tổ công nghệ số Bản B");
    expect(content).toContain("Lò Văn A1");
    expect(content).toContain("THỦ TRƯỞNG ĐƠN VỊ");
    expect(await db.auditLog.count({ where: { action: "exports.download", entityId: { in: ["W/khen-thuong-2025.xlsx", "W/khen-thuong-2025.pdf"] } } })).toBe(2);
  });

  it("names a bad year and hides a unit outside the reader's scope", async () => {
    const future = await call(xlsxRoute, "W", "year=2031");
    expect(future.status).toBe(400);
    expect((await future.json()).error.message).toMatch(/Năm "2031" không hợp lệ/);
    const official = await db.user.create({ data: { username: "canbo.q", fullName: "Cán bộ", role: "WARD_OFFICIAL", scopeUnitId: (await db.adminUnit.findUniqueOrThrow({ where: { code: "Q" } })).id, passwordHash: "x" } });
    const outside = await call(pdfRoute, "W", "year=2025", (await issueApiToken(admin, official.id, "ngoài")).token);
    expect(outside.status).toBe(404);
  });
});
