import { db } from "@/lib/db";
import { createUnits } from "../setup/create-units";
import type { Actor } from "@/lib/auth/authorize";
import { addMember, moveMember, setMemberActive, updateMember } from "@/lib/teams/manage-members";

let official: Actor & { id: number };
let leaderOfT1: Actor & { id: number };
let teams: Record<string, number>;
const member = { fullName: "Lê Thị Mai", role: "MEMBER", affiliation: "WOMENS_UNION", birthYear: "1958", gender: "FEMALE", phone: "0905 111 222", trainedOn: "2025-09-15" };

beforeAll(async () => {
  const ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null],
    ["W", "WARD", "Phường", "P"],
    ["W-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["W-02", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["V", "WARD", "Xã", "P"],
  ]);
  teams = {};
  for (const [code, unit] of [["T1", "W-01"], ["T2", "W-02"], ["TV", "V"]] as const) teams[code] = (await db.team.create({ data: { code, name: `Tổ ${code}`, unitId: ids[unit] } })).id;
  const wardUser = await db.user.create({ data: { username: "canbo.w", fullName: "Cán bộ", role: "WARD_OFFICIAL", scopeUnitId: ids.W, passwordHash: "x" } });
  official = { id: wardUser.id, username: "canbo.w", role: "WARD_OFFICIAL", scopeUnitId: ids.W };
  const leaderUser = await db.user.create({ data: { username: "totruong.1", fullName: "Tổ trưởng", role: "TEAM_LEADER", scopeUnitId: ids["W-01"], teamId: teams.T1, passwordHash: "x" } });
  leaderOfT1 = { id: leaderUser.id, username: "totruong.1", role: "TEAM_LEADER", scopeUnitId: ids["W-01"], teamId: teams.T1 };
});

describe("keeping a team's member list", () => {
  it("adds a member with a normalised phone number, audited", async () => {
    const result = await addMember(official, "T1", member);
    expect(result).toMatchObject({ ok: true });
    const stored = await db.teamMember.findFirstOrThrow({ where: { fullName: "Lê Thị Mai" } });
    expect(stored).toMatchObject({ phone: "0905111222", birthYear: 1958, teamId: teams.T1 });
    expect(await db.auditLog.count({ where: { action: "members.add", entityId: String(stored.id) } })).toBe(1);
  });

  it("lets a team leader keep their own team, not another", async () => {
    expect(await addMember(leaderOfT1, "T1", { ...member, fullName: "Phạm Văn Hùng", gender: "MALE", phone: "" })).toMatchObject({ ok: true });
    await expect(addMember(leaderOfT1, "T2", member)).rejects.toThrow(/không có quyền/);
    await expect(addMember(official, "TV", member)).rejects.toThrow(/không có quyền/);
  });

  it("keeps one active leader per team", async () => {
    expect(await addMember(official, "T1", { ...member, fullName: "Võ Văn Tâm", role: "LEADER", gender: "MALE" })).toMatchObject({ ok: true });
    await expect(addMember(official, "T1", { ...member, fullName: "Đỗ Thị Hạnh", role: "LEADER" })).rejects.toThrow(/Tổ đã có tổ trưởng \(Võ Văn Tâm\)/);
  });

  it("names the field and the rule for bad input, writing nothing", async () => {
    const before = await db.teamMember.count();
    const result = await addMember(official, "T1", { ...member, phone: "12345", birthYear: "2030" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { phone: [expect.stringMatching(/10 chữ số/)], birthYear: [expect.stringMatching(/10 tuổi/)] } });
    expect(await db.teamMember.count()).toBe(before);
  });

  it("records training and keeps the before and after of an edit", async () => {
    const stored = await db.teamMember.findFirstOrThrow({ where: { fullName: "Phạm Văn Hùng" } });
    expect(await updateMember(official, stored.id, { ...member, fullName: "Phạm Văn Hùng", gender: "MALE", phone: "", trainedOn: "2026-11-01" })).toMatchObject({ ok: true, memberId: stored.id, version: stored.version + 1 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "members.update", entityId: String(stored.id) } });
    expect(audit.before).toMatchObject({ trainedOn: "2025-09-15" });
    expect(audit.after).toMatchObject({ trainedOn: "2026-11-01" });
  });

  it("moves a member to another team of the ward, a leader arriving as a member", async () => {
    const leader = await db.teamMember.findFirstOrThrow({ where: { fullName: "Võ Văn Tâm" } });
    expect(await moveMember(official, leader.id, "T2")).toEqual({ ok: true });
    expect(await db.teamMember.findUniqueOrThrow({ where: { id: leader.id } })).toMatchObject({ teamId: teams.T2, role: "MEMBER" });
    await expect(moveMember(official, leader.id, "TV")).rejects.toThrow(/không có quyền/);
    await expect(moveMember(leaderOfT1, leader.id, "T1")).rejects.toThrow(/không có quyền/);
  });

  it("deactivates instead of deleting", async () => {
    const stored = await db.teamMember.findFirstOrThrow({ where: { fullName: "Lê Thị Mai" } });
    expect(await setMemberActive(official, stored.id, false)).toEqual({ ok: true });
    expect(await db.teamMember.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ active: false });
  });
});

describe("a member's card sent from a phone's queue, perhaps twice, perhaps days late", () => {
  const card = { ...member, fullName: "Hà Văn Lộc", gender: "MALE", phone: "0912 000 111", trainedOn: "" };

  it("adds a member once, however many times the same request arrives, even at the same moment", async () => {
    const requestId = crypto.randomUUID();
    const answers = await Promise.all([addMember(leaderOfT1, "T1", card, { requestId }), addMember(leaderOfT1, "T1", card, { requestId })]);
    const again = await addMember(leaderOfT1, "T1", card, { requestId });
    const added = await db.teamMember.findMany({ where: { fullName: "Hà Văn Lộc" } });
    expect(added).toHaveLength(1);
    for (const answer of [...answers, again]) expect(answer).toMatchObject({ ok: true, memberId: added[0].id });
    expect(answers.filter((answer) => answer.ok && !answer.replayed)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "members.add", entityId: String(added[0].id) } })).toBe(1);
  });

  it("refuses an edit typed over an older copy, naming the change, and writes nothing", async () => {
    const stored = await db.teamMember.findFirstOrThrow({ where: { fullName: "Hà Văn Lộc" } });
    // The ward official changes the phone while the leader's edit waits on the device.
    expect(await updateMember(official, stored.id, { ...card, phone: "0912 000 222" }, { requestId: crypto.randomUUID(), version: stored.version })).toMatchObject({ ok: true, version: stored.version + 1 });
    const late = await updateMember(leaderOfT1, stored.id, { ...card, trainedOn: "2026-10-01" }, { requestId: crypto.randomUUID(), version: stored.version });
    expect(late).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("Hà Văn Lộc vừa được sửa"), conflict: { member: { phone: "0912000222", version: stored.version + 1 } } });
    expect(await db.teamMember.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ phone: "0912000222", trainedOn: null, version: stored.version + 1 });
    // Kept after seeing the colleague's copy: sent over the version it now knows.
    const kept = await updateMember(leaderOfT1, stored.id, { ...card, phone: "0912 000 222", trainedOn: "2026-10-01" }, { requestId: crypto.randomUUID(), version: stored.version + 1 });
    expect(kept).toMatchObject({ ok: true, version: stored.version + 2 });
  });

  it("applies an edit sent twice once: the second answer is the first one's", async () => {
    const stored = await db.teamMember.findFirstOrThrow({ where: { fullName: "Hà Văn Lộc" } });
    const requestId = crypto.randomUUID();
    const audited = () => db.auditLog.count({ where: { action: "members.update", entityId: String(stored.id) } });
    const before = await audited();
    const first = await updateMember(leaderOfT1, stored.id, { ...card, birthYear: "1970" }, { requestId, version: stored.version });
    const second = await updateMember(leaderOfT1, stored.id, { ...card, birthYear: "1970" }, { requestId, version: stored.version });
    expect(first).toMatchObject({ ok: true, replayed: false, version: stored.version + 1 });
    expect(second).toMatchObject({ ok: true, replayed: true, version: stored.version + 1 });
    expect(await audited()).toBe(before + 1);
  });

  it("a deactivation or a move meanwhile makes a late edit a conflict too", async () => {
    const stored = await db.teamMember.findFirstOrThrow({ where: { fullName: "Hà Văn Lộc" } });
    await setMemberActive(official, stored.id, false);
    expect(await updateMember(leaderOfT1, stored.id, card, { version: stored.version })).toMatchObject({ ok: false, status: 409 });
    await setMemberActive(official, stored.id, true);
  });

  it("refuses a malformed request id, writing nothing", async () => {
    const before = await db.teamMember.count();
    await expect(addMember(leaderOfT1, "T1", { ...card, fullName: "Người Thứ Hai" }, { requestId: "not-a-uuid" })).rejects.toThrow(/Mã lần lưu không hợp lệ/);
    expect(await db.teamMember.count()).toBe(before);
  });
});
