/**
 * Activities become figures, once: on random wards (groups with and without
 * teams, months with and without activities, all-zero activities, records
 * moved to another month, a figure the ward typed by hand), every group's
 * RESIDENTS_HELPED and the ward's roll-up are compared with an independent
 * computation of the documented rule (lib/activities/residents-helped.ts): a
 * group-month with activities takes their sum, any other keeps what was typed.
 */
import fc from "fast-check";
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import type { Actor } from "@/lib/auth/authorize";
import { editActivity, logActivity } from "@/lib/activities/log-activity";
import { savePeriodReport } from "@/lib/reports/save-period-report";
import { importValues } from "@/lib/imports/import-values";
import { getWardGrid } from "@/lib/reports/ward-grid";
import { elementSumsOf } from "@/lib/dashboard/rollup-queries";
import { HELPED_FIELDS } from "@/lib/schemas/activity";
import { createUnits } from "../setup/create-units";

const NOW = new Date("2026-08-28T10:00:00+07:00");
const MONTHS = ["2026-06", "2026-07", "2026-08"];
let admin: Actor & { id: number };
let helpedId: number;
let run = 0;

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  const user = await db.user.create({ data: { username: "admin.activities", fullName: "Quản trị", role: "ADMIN", passwordHash: "x" } });
  admin = { id: user.id, username: user.username, role: "ADMIN", scopeUnitId: null };
  helpedId = (await db.dataElement.findUniqueOrThrow({ where: { code: "RESIDENTS_HELPED" } })).id;
});

const monthId = (month: string) => Number(month.replace("-", ""));
const stored = async (unitId: number, month: string) => (await db.dataValue.findUnique({ where: { unitId_periodId_elementId: { unitId, periodId: monthId(month), elementId: helpedId } } }))?.value ?? null;

const activityArb = fc.record({
  group: fc.nat(),
  month: fc.constantFrom(...MONTHS),
  day: fc.integer({ min: 1, max: 27 }),
  counts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })), { minLength: HELPED_FIELDS.length, maxLength: HELPED_FIELDS.length }),
  movedTo: fc.option(fc.constantFrom(...MONTHS), { nil: undefined }),
});
const wardArb = fc.record({
  groups: fc.integer({ min: 1, max: 5 }),
  withTeam: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  typed: fc.array(fc.record({ group: fc.nat(), month: fc.constantFrom(...MONTHS), value: fc.integer({ min: 0, max: 300 }) }), { maxLength: 6 }),
  activities: fc.array(activityArb, { maxLength: 10 }),
});

describe("activities become figures, once", () => {
  it("every group's RESIDENTS_HELPED and the ward's sum match the rule, computed independently", async () => {
    await fc.assert(
      fc.asyncProperty(wardArb, async (ward) => {
        run += 1;
        const prefix = `A${run}`;
        const specs: [string, "PROVINCE" | "WARD" | "RESIDENTIAL_GROUP", string, string | null][] = [[`${prefix}-P`, "PROVINCE", "Tỉnh", null], [`${prefix}-W`, "WARD", "Phường", `${prefix}-P`]];
        for (let g = 0; g < ward.groups; g += 1) specs.push([`${prefix}-G${g}`, "RESIDENTIAL_GROUP", "Tổ dân phố", `${prefix}-W`]);
        const ids = await createUnits(specs);
        const groups = Array.from({ length: ward.groups }, (_, g) => ({ code: `${prefix}-G${g}`, id: ids[`${prefix}-G${g}`], team: ward.withTeam[g] || g === 0 ? `${prefix}-T${g}` : null }));
        for (const group of groups) if (group.team) await db.team.create({ data: { code: group.team, name: `Tổ ${group.team}`, unitId: group.id } });

        // What the ward typed by hand first (a group-month without activities keeps it).
        const typedOf = new Map<string, number>();
        for (const typed of ward.typed) {
          const group = groups[typed.group % groups.length];
          const report = await db.periodReport.findUnique({ where: { unitId_periodId: { unitId: group.id, periodId: monthId(typed.month) } } });
          const result = await savePeriodReport(admin, { unitCode: group.code, period: typed.month, version: report?.version ?? 0, requestId: crypto.randomUUID(), values: { RESIDENTS_HELPED: String(typed.value) }, reasons: { RESIDENTS_HELPED: "Số của phường, kiểm thử" }, confirmed: [] });
          expect(result).toMatchObject({ ok: true });
          typedOf.set(`${group.code}|${typed.month}`, typed.value);
        }
        // Then the teams log their days; some records are moved to another month afterwards.
        const withTeams = groups.filter((candidate) => candidate.team);
        const records: { group: (typeof groups)[number]; month: string; helped: number }[] = [];
        const touched = new Set<string>();
        for (const activity of ward.activities) {
          const group = withTeams[activity.group % withTeams.length];
          const fields = Object.fromEntries(HELPED_FIELDS.map((field, index) => [field, String(activity.counts[index])]));
          const input = { occurredOn: `${activity.month}-${String(activity.day).padStart(2, "0")}`, kind: "HOME_VISITS", place: "Kiệt 7", memberIds: [], ...fields };
          const result = await logActivity(admin, group.team!, input, { now: NOW });
          if (!result.ok) throw new Error(JSON.stringify(result));
          const record = { group, month: activity.month, helped: activity.counts.reduce((sum, count) => sum + count, 0) };
          records.push(record);
          touched.add(`${group.code}|${activity.month}`);
          if (activity.movedTo && activity.movedTo !== activity.month) {
            const moved = await editActivity(admin, result.activityId, { ...input, occurredOn: `${activity.movedTo}-05` }, { now: NOW });
            if (!moved.ok) throw new Error(JSON.stringify(moved));
            record.month = activity.movedTo;
            touched.add(`${group.code}|${activity.movedTo}`);
          }
        }

        // The rule, computed independently: a group-month with activities takes their sum; one whose
        // activities all moved away has no figure; one never touched by activities keeps what was typed.
        for (const group of groups) {
          for (const month of MONTHS) {
            const key = `${group.code}|${month}`;
            const here = records.filter((record) => record.group === group && record.month === month);
            const expected = here.length > 0 ? here.reduce((sum, record) => sum + record.helped, 0) : touched.has(key) ? null : (typedOf.get(key) ?? null);
            expect({ key, value: await stored(group.id, month) }).toEqual({ key, value: expected });
          }
        }
        // The ward's roll-up is the sum of its groups' stored figures: nothing counted twice.
        for (const month of MONTHS) {
          const values = await Promise.all(groups.map((group) => stored(group.id, month)));
          const reported = values.filter((value): value is number => value !== null);
          const rolled = (await elementSumsOf([ids[`${prefix}-W`]], monthId(month), monthId(month))).get(helpedId);
          expect({ month, rolled: rolled ?? null }).toEqual({ month, rolled: reported.length ? reported.reduce((a, b) => a + b, 0) : null });
        }
      }),
      { numRuns: 12, seed: 20261203 },
    );
  });

  it("a typed figure that differs from the activities is refused in the form and the import, naming the field; the same figure passes", async () => {
    const ids = await createUnits([["R-P", "PROVINCE", "Tỉnh", null], ["R-W", "WARD", "Phường", "R-P"], ["R-G", "RESIDENTIAL_GROUP", "Tổ dân phố", "R-W"]]);
    await db.team.create({ data: { code: "R-T", name: "Tổ R", unitId: ids["R-G"] } });
    await logActivity(admin, "R-T", { occurredOn: "2026-08-10", kind: "CAMPAIGN_DAY", place: "Nhà văn hóa", memberIds: [], helpedVneid: "12", helpedCashless: "8" }, { now: NOW });
    expect(await stored(ids["R-G"], "2026-08")).toBe(20);
    const version = (await db.periodReport.findUniqueOrThrow({ where: { unitId_periodId: { unitId: ids["R-G"], periodId: 202608 } } })).version;
    const save = (value: string) => savePeriodReport(admin, { unitCode: "R-G", period: "2026-08", version, requestId: crypto.randomUUID(), values: { RESIDENTS_HELPED: value }, reasons: {}, confirmed: [] });
    await expect(save("35")).rejects.toThrow(/Lượt người dân được tổ hỗ trợ của R-G: tháng này lấy từ nhật ký hoạt động/);
    expect(await stored(ids["R-G"], "2026-08")).toBe(20);
    expect(await save("20")).toMatchObject({ ok: true });
    const file = (value: number) => Buffer.from(`unit_code,period,element_code,value\nR-G,2026-08,RESIDENTS_HELPED,${value}\n`);
    const refused = await importValues(admin, file(99), { commit: true });
    expect(refused).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/R-G, tháng .*lấy từ nhật ký hoạt động của tổ/) }] });
    expect(await stored(ids["R-G"], "2026-08")).toBe(20);
    // The ward's grid shows that cell as not typed, the others of the row as usual.
    const grid = await getWardGrid(admin, "R-W", "2026-08");
    expect(grid.rows.find((row) => row.code === "R-G")).toMatchObject({ fromActivities: ["RESIDENTS_HELPED"], values: { RESIDENTS_HELPED: 20 } });
    expect(grid.rows.find((row) => row.code === "R-W")).toMatchObject({ fromActivities: [] });
    // The activity is audited as the figure's own change.
    expect(await db.auditLog.count({ where: { action: "values.fromActivities", entityId: "R-G/2026-08/RESIDENTS_HELPED" } })).toBe(1);
  });

  it("an activity that would change an approved month is refused whole", async () => {
    const group = await db.adminUnit.findUniqueOrThrow({ where: { code: "R-G" } });
    await db.periodReport.update({ where: { unitId_periodId: { unitId: group.id, periodId: 202608 } }, data: { status: "APPROVED" } });
    const before = await db.activity.count();
    await expect(logActivity(admin, "R-T", { occurredOn: "2026-08-12", kind: "HOME_VISITS", place: "Kiệt 9", memberIds: [], helpedVneid: "3" }, { now: NOW })).rejects.toThrow(/đã được duyệt hoặc khóa/);
    expect(await db.activity.count()).toBe(before);
    expect(await stored(group.id, "2026-08")).toBe(20);
  });
});
