import { db } from "@/lib/db";
import { createUnits } from "../setup/create-units";
import type { Actor } from "@/lib/auth/authorize";
import { createTeam, setTeamActive, updateTeam } from "@/lib/teams/manage-teams";
import { addMember } from "@/lib/teams/manage-members";

let official: Actor & { id: number };
let steering: Actor & { id: number };
const team = { name: "Tổ công nghệ số  tổ dân phố 1", foundedOn: "2023-03-01", foundingDecision: "2870/QĐ-UBND" };

beforeAll(async () => {
  const ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null],
    ["W", "WARD", "Phường", "P"],
    ["W-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["W-02", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["V", "WARD", "Xã", "P"],
  ]);
  const wardUser = await db.user.create({ data: { username: "canbo.w", fullName: "Cán bộ", role: "WARD_OFFICIAL", scopeUnitId: ids.W, passwordHash: "x" } });
  official = { id: wardUser.id, username: "canbo.w", role: "WARD_OFFICIAL", scopeUnitId: ids.W };
  const steeringUser = await db.user.create({ data: { username: "bcd.p", fullName: "Ban chỉ đạo", role: "STEERING", scopeUnitId: ids.P, passwordHash: "x" } });
  steering = { id: steeringUser.id, username: "bcd.p", role: "STEERING", scopeUnitId: ids.P };
});

describe("keeping the teams of a ward", () => {
  it("sets up a team at a residential group with a code derived from the group, NFC name, audited", async () => {
    const result = await createTeam(official, "W-01", { ...team, name: team.name.normalize("NFD") });
    expect(result).toEqual({ ok: true, teamCode: "TCNS-W-01" });
    const stored = await db.team.findUniqueOrThrow({ where: { code: "TCNS-W-01" } });
    expect(stored).toMatchObject({ name: "Tổ công nghệ số tổ dân phố 1", foundingDecision: "2870/QĐ-UBND", active: true });
    expect(stored.name).toBe(stored.name.normalize("NFC"));
    expect(await db.auditLog.count({ where: { action: "teams.create", entityId: "TCNS-W-01" } })).toBe(1);
  });

  it("refuses a second active team at the same group, and units outside the scope or of the wrong level", async () => {
    await expect(createTeam(official, "W-01", team)).rejects.toThrow(/đã có tổ đang hoạt động/);
    await expect(createTeam(official, "V", team)).rejects.toThrow(/không có quyền/);
    await expect(createTeam(official, "P", team)).rejects.toThrow();
    await expect(createTeam(steering, "W-02", team)).rejects.toThrow(/không có quyền/);
    expect(await db.team.count()).toBe(1);
  });

  it("names the field and the rule for a bad name or date, writing nothing", async () => {
    const result = await createTeam(official, "W-02", { name: "T", foundedOn: "01/03/2023", foundingDecision: "" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(/Tên tổ/)], foundedOn: [expect.stringMatching(/Ngày thành lập/)] } });
    expect(await db.team.count()).toBe(1);
  });

  it("edits a team keeping before and after in the audit log", async () => {
    expect(await updateTeam(official, "TCNS-W-01", { ...team, name: "Tổ công nghệ số và Đề án 06 tổ dân phố 1" })).toEqual({ ok: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "teams.update", entityId: "TCNS-W-01" } });
    expect(audit.before).toMatchObject({ name: "Tổ công nghệ số tổ dân phố 1" });
    expect(audit.after).toMatchObject({ name: "Tổ công nghệ số và Đề án 06 tổ dân phố 1" });
  });

  it("deactivates with a reason, keeps the members, and refuses new members until reactivated", async () => {
    expect(await addMember(official, "TCNS-W-01", { fullName: "Lê Thị Mai", role: "LEADER", affiliation: "WOMENS_UNION", birthYear: "", gender: "", phone: "", trainedOn: "" })).toMatchObject({ ok: true });
    expect(await setTeamActive(official, "TCNS-W-01", false, "")).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(await setTeamActive(official, "TCNS-W-01", false, "Sáp nhập theo QĐ 12/QĐ-UBND")).toEqual({ ok: true });
    expect(await db.team.findUniqueOrThrow({ where: { code: "TCNS-W-01" } })).toMatchObject({ active: false });
    expect(await db.teamMember.count({ where: { fullName: "Lê Thị Mai", active: true } })).toBe(1);
    await expect(addMember(official, "TCNS-W-01", { fullName: "Võ Văn Tâm", role: "MEMBER", affiliation: "OTHER", birthYear: "", gender: "", phone: "", trainedOn: "" })).rejects.toThrow(/ngừng hoạt động/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "teams.deactivate", entityId: "TCNS-W-01" } });
    expect(audit.reason).toBe("Sáp nhập theo QĐ 12/QĐ-UBND");
  });

  it("lets a new team replace an inactive one, and then refuses to reactivate the old one beside it", async () => {
    expect(await createTeam(official, "W-01", { ...team, name: "Tổ công nghệ số mới" })).toEqual({ ok: true, teamCode: "TCNS-W-01-2" });
    await expect(setTeamActive(official, "TCNS-W-01", true, "Khôi phục sau nhầm lẫn")).rejects.toThrow(/đã có tổ đang hoạt động/);
  });
});
