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
    expect(await updateMember(official, stored.id, { ...member, fullName: "Phạm Văn Hùng", gender: "MALE", phone: "", trainedOn: "2026-11-01" })).toEqual({ ok: true });
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
