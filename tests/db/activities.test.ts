/**
 * A team's activity record: who may log and correct it, the rules that refuse
 * bad input whole (naming the field), and a record sent twice written once.
 */
import { db } from "@/lib/db";
import { createUnits } from "../setup/create-units";
import type { Actor } from "@/lib/auth/authorize";
import { editActivity, logActivity } from "@/lib/activities/log-activity";
import { looksPersonal } from "@/lib/schemas/activity";

let official: Actor & { id: number };
let leader: Actor & { id: number };
let otherLeader: Actor & { id: number };
let members: Record<string, number>;
const NOW = new Date("2026-08-28T10:00:00+07:00");
const visit = (memberIds: number[]) => ({
  occurredOn: "2026-08-27",
  kind: "HOME_VISITS",
  place: "Kiệt 12 Lê Đình Dương",
  memberIds,
  helpedVneid: "5",
  helpedSignature: "3",
  helpedOnlineFiling: "2",
  helpedCashless: "",
  procedures: "4",
  appsInstalled: "6",
});

beforeAll(async () => {
  const ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null],
    ["W", "WARD", "Phường", "P"],
    ["W-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["W-02", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["V", "WARD", "Xã", "P"],
    ["V-01", "RESIDENTIAL_GROUP", "Thôn", "V"],
  ]);
  const team = async (code: string, unit: string) => (await db.team.create({ data: { code, name: `Tổ ${code}`, unitId: ids[unit], foundedOn: new Date("2024-03-01") } })).id;
  const teams = { T1: await team("T1", "W-01"), T2: await team("T2", "W-02"), TV: await team("TV", "V-01") };
  members = {};
  for (const [name, teamId] of [["Lan", teams.T1], ["Hùng", teams.T1], ["Mai", teams.T1], ["Tâm", teams.T2]] as const) {
    members[name] = (await db.teamMember.create({ data: { fullName: name, teamId, role: "MEMBER", affiliation: "OTHER" } })).id;
  }
  const user = async (username: string, role: Actor["role"], scope: string, teamId: number | null = null) => {
    const created = await db.user.create({ data: { username, fullName: username, role, scopeUnitId: ids[scope], teamId, passwordHash: "x" } });
    return { id: created.id, username, role, scopeUnitId: ids[scope], teamId };
  };
  official = await user("canbo.w", "WARD_OFFICIAL", "W");
  leader = await user("tt.w01", "TEAM_LEADER", "W-01", teams.T1);
  otherLeader = await user("tt.w02", "TEAM_LEADER", "W-02", teams.T2);
});

const stored = (id: number) => db.activity.findUniqueOrThrow({ where: { id }, include: { members: true } });

describe("logging a team's activity", () => {
  it("a team leader logs a home-visit afternoon with three members and the residents helped per service, audited", async () => {
    const result = await logActivity(leader, "T1", visit([members.Lan, members.Hùng, members.Mai]), { now: NOW });
    expect(result).toMatchObject({ ok: true, replayed: false });
    const activity = await stored((result as { activityId: number }).activityId);
    expect(activity).toMatchObject({ kind: "HOME_VISITS", place: "Kiệt 12 Lê Đình Dương", helpedVneid: 5, helpedSignature: 3, helpedOnlineFiling: 2, helpedCashless: 0, procedures: 4, appsInstalled: 6, attendees: null, createdBy: "tt.w01" });
    expect(activity.members.map((member) => member.memberId).sort()).toEqual([members.Lan, members.Hùng, members.Mai].sort());
    expect(await db.auditLog.count({ where: { action: "activities.add", entityId: String(activity.id) } })).toBe(1);
  });

  it("the ward logs for any team of the ward; a team leader only for their own; nobody outside the scope", async () => {
    expect(await logActivity(official, "T2", { ...visit([members.Tâm]), kind: "CAMPAIGN_DAY" }, { now: NOW })).toMatchObject({ ok: true });
    await expect(logActivity(leader, "T2", visit([]), { now: NOW })).rejects.toThrow(/không có quyền/);
    await expect(logActivity(official, "TV", visit([]), { now: NOW })).rejects.toThrow(/không có quyền/);
  });

  it.each([
    ["a date in the future", { occurredOn: "2026-08-29" }, "occurredOn", /không được ở tương lai/],
    ["a date before the team was founded", { occurredOn: "2024-02-28" }, "occurredOn", /trước ngày thành lập tổ \(01\/03\/2024\)/],
    ["a count above 10,000", { helpedVneid: "10001" }, "helpedVneid", /tối đa 10000/],
    ["a negative count", { procedures: "-1" }, "procedures", /không được âm/],
    ["a fraction", { appsInstalled: "2,5" }, "appsInstalled", /số/],
    ["a resident's phone number in the place", { place: "Nhà bà Tư 0905 123 456" }, "place", /số điện thoại hoặc số căn cước/],
    ["a 12-digit citizen ID in the place", { place: "CCCD 048190012345" }, "place", /số điện thoại hoặc số căn cước/],
    ["attendees for a home visit", { attendees: "12" }, "attendees", /chỉ ghi cho buổi tập huấn/],
    ["an unknown kind", { kind: "PARTY" }, "kind", /Loại hoạt động/],
  ])("refuses %s, naming the field, and writes nothing", async (_case, change, field, message) => {
    const before = await db.activity.count();
    const result = await logActivity(leader, "T1", { ...visit([members.Lan]), ...change }, { now: NOW });
    expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { [field]: [expect.stringMatching(message)] } });
    expect(await db.activity.count()).toBe(before);
  });

  it("refuses members of another team, writing nothing", async () => {
    const before = await db.activity.count();
    expect(await logActivity(leader, "T1", visit([members.Lan, members.Tâm]), { now: NOW })).toMatchObject({ ok: false, fieldErrors: { memberIds: [expect.stringMatching(/chính tổ này/)] } });
    expect(await db.activity.count()).toBe(before);
  });

  it("keeps house numbers and dates in the place: only long runs of digits look personal", () => {
    for (const place of ["Kiệt 12/3 Lê Đình Dương", "Tổ 5, khu vực 11", "Bộ phận một cửa UBND phường", "Ngày 27/8/2026"]) expect(looksPersonal(place)).toBe(false);
    for (const place of ["0905123456", "+84 905 123 456", "0905.123.456", "048190012345"]) expect(looksPersonal(place)).toBe(true);
  });

  it("a training records how many attended", async () => {
    expect(await logActivity(official, "T1", { ...visit([members.Mai]), kind: "TRAINING", place: "Nhà văn hóa tổ 1", attendees: "25" }, { now: NOW })).toMatchObject({ ok: true });
  });

  it("writes a record sent twice once, even when both copies arrive at the same moment", async () => {
    const requestId = crypto.randomUUID();
    const input = { ...visit([members.Hùng]), place: "Chợ Hòa Thuận" };
    const answers = await Promise.all([logActivity(leader, "T1", input, { requestId, now: NOW }), logActivity(leader, "T1", input, { requestId, now: NOW })]);
    const again = await logActivity(leader, "T1", input, { requestId, now: NOW });
    const written = await db.activity.findMany({ where: { place: "Chợ Hòa Thuận" } });
    expect(written).toHaveLength(1);
    for (const answer of [...answers, again]) expect(answer).toMatchObject({ ok: true, activityId: written[0].id });
    // Sent again after an edit: the answer carries the record's version now, so the phone's next edit is not a conflict.
    expect(await editActivity(leader, written[0].id, { ...input, place: "Chợ Hòa Thuận, cổng sau" }, { version: 1, now: NOW })).toMatchObject({ ok: true, version: 2 });
    expect(await logActivity(leader, "T1", input, { requestId, now: NOW })).toMatchObject({ ok: true, activityId: written[0].id, version: 2, replayed: true });
  });
});

describe("changing a record", () => {
  let id: number;
  beforeAll(async () => {
    id = ((await logActivity(leader, "T1", { ...visit([members.Lan]), place: "Kiệt 40" }, { now: NOW })) as { activityId: number }).activityId;
  });

  it("its author may edit it for 7 days, audited with before and after", async () => {
    const result = await editActivity(leader, id, { ...visit([members.Lan, members.Mai]), place: "Kiệt 40", helpedVneid: "9" }, { version: 1, now: new Date(Date.now() + 6 * 24 * 3600 * 1000) });
    expect(result).toMatchObject({ ok: true, version: 2 });
    expect(await stored(id)).toMatchObject({ helpedVneid: 9, version: 2 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "activities.update", entityId: String(id) } });
    expect(audit.before).toMatchObject({ helpedVneid: 5 });
    expect(audit.after).toMatchObject({ helpedVneid: 9 });
  });

  it("an edit typed over an older copy is a conflict, and nothing is written", async () => {
    const result = await editActivity(leader, id, { ...visit([members.Lan]), place: "Kiệt 40", helpedVneid: "1" }, { version: 1 });
    expect(result).toMatchObject({ ok: false, status: 409, conflict: { activity: { helpedVneid: 9, version: 2 } } });
    expect(await stored(id)).toMatchObject({ helpedVneid: 9 });
  });

  it("after 7 days the team leader may not; the ward corrects it, only with a reason", async () => {
    const later = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    const input = { ...visit([members.Lan]), place: "Kiệt 40", helpedVneid: "8" };
    await expect(editActivity(leader, id, input, { version: 2, now: later })).rejects.toThrow(/trong 7 ngày/);
    await expect(editActivity(otherLeader, id, input, { version: 2 })).rejects.toThrow(/không có quyền/);
    await expect(editActivity(official, id, input, { version: 2, now: later })).rejects.toThrow(/Lý do sửa/);
    expect(await editActivity(official, id, input, { version: 2, now: later, reason: "Tổ trưởng đếm trùng một hộ" })).toMatchObject({ ok: true, version: 3 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "activities.correct", entityId: String(id) } });
    expect(audit.reason).toBe("Tổ trưởng đếm trùng một hộ");
    expect(await stored(id)).toMatchObject({ helpedVneid: 8, version: 3 });
  });

  it("the database itself refuses a count out of range written around the rules", async () => {
    await expect(db.$executeRaw`UPDATE activity SET procedures = -5 WHERE id = ${id}`).rejects.toThrow(/activity_counts_in_range/);
  });
});
