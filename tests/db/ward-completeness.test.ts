import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createUnits } from "../setup/create-units";
import type { Actor } from "@/lib/auth/authorize";
import { getWardCompleteness } from "@/lib/reports/get-ward-completeness";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import { changeReportStatus } from "@/lib/reports/change-report-status";
import { seedDatabase } from "@/prisma/seed/seed";

let official: Actor & { id: number };
let outsider: Actor & { id: number };

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  const ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null, "Tỉnh P"],
    ["W", "WARD", "Phường", "P", "Phường W"],
    ["W-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "W", "Tổ dân phố 1"],
    ["W-02", "RESIDENTIAL_GROUP", "Tổ dân phố", "W", "Tổ dân phố 2"],
    ["W-03", "RESIDENTIAL_GROUP", "Tổ dân phố", "W", "Tổ dân phố 3"],
    ["V", "WARD", "Xã", "P", "Xã V"],
  ]);
  const team = await db.team.create({ data: { code: "T-W-02", name: "Tổ CNS 2", unitId: ids["W-02"] } });
  await db.teamMember.create({ data: { teamId: team.id, fullName: "Lê Văn Tổ Trưởng", role: "LEADER", phone: "0905123456" } });
  const user = async (username: string, scope: string) => {
    const created = await db.user.create({ data: { username, fullName: username, role: "WARD_OFFICIAL", scopeUnitId: ids[scope], passwordHash: "x" } });
    return { id: created.id, username, role: "WARD_OFFICIAL" as const, scopeUnitId: created.scopeUnitId };
  };
  official = await user("canbo.w", "W");
  outsider = await user("canbo.v", "V");
  const save = (unitCode: string) =>
    savePeriodReport(official, { unitCode, period: "2026-10", version: 0, requestId: randomUUID(), values: { PEOPLE: "500", ADULTS: "380" }, reasons: {} });
  await save("W-01");
  await save("W-03");
  await changeReportStatus(official, { unitCode: "W-03", period: "2026-10", step: "submit" });
});

describe("who has reported for a ward and a month", () => {
  it("lists every group with its state, and the ones still missing with their leader to call", async () => {
    const view = await getWardCompleteness(official, "W", "2026-10");
    expect(view).toMatchObject({ reportedGroups: 2, totalGroups: 3, canEnter: true, canReview: false });
    expect(view.rows.map((row) => [row.code, row.status])).toEqual([
      ["W", null],
      ["W-01", "DRAFT"],
      ["W-02", null],
      ["W-03", "SUBMITTED"],
    ]);
    expect(view.notReported).toEqual([expect.objectContaining({ code: "W-02", leader: { fullName: "Lê Văn Tổ Trưởng", phone: "0905123456" } })]);
  });

  it("is not shown to an official of another ward", async () => {
    await expect(getWardCompleteness(outsider, "W", "2026-10")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is kept for wards", async () => {
    await expect(getWardCompleteness(official, "W-01", "2026-10")).rejects.toThrow(/theo từng phường\/xã/);
  });
});
