import { db } from "@/lib/db";
import { createUnits } from "../setup/create-units";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/authorize";
import { createUser } from "@/lib/users/create-user";
import { changeUserScope, resetUserPassword, setUserActive } from "@/lib/users/manage-user";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { listUsers } from "@/lib/users/list-users";
import { createUserAction } from "@/app/(app)/admin/users/actions";

let steering: Actor & { id: number };
let admin: Actor & { id: number };

beforeAll(async () => {
  const units = await createUnits([
    ["48", "PROVINCE", "Thành phố", null],
    ["492", "DISTRICT", "Quận", "48"],
    ["20206", "WARD", "Phường", "492"],
    ["20206-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "20206"],
    ["20206-02", "RESIDENTIAL_GROUP", "Tổ dân phố", "20206"],
    ["14", "PROVINCE", "Tỉnh", null],
    ["03646", "WARD", "Xã", "14"],
  ]);
  await db.team.create({ data: { code: "TCNS-20206-01", name: "Tổ CNS 1", unitId: units["20206-01"] } });
  const make = async (username: string, role: "ADMIN" | "STEERING", scope: string | null) => {
    const user = await db.user.create({ data: { username, fullName: username, role, scopeUnitId: scope ? units[scope] : null, passwordHash: "x" } });
    return { id: user.id, username, role, scopeUnitId: user.scopeUnitId };
  };
  admin = await make("admin", "ADMIN", null);
  steering = await make("bcd.haichau", "STEERING", "492");
});

describe("account management", () => {
  it("lets a steering committee create a ward official in its district, with a one-time password", async () => {
    const result = await createUser(steering, { username: "CanBo.HTT", fullName: "Nguyễn Thị Hà", role: "WARD_OFFICIAL", scopeUnitCode: "20206" });
    expect(result).toMatchObject({ ok: true, username: "canbo.htt" });
    if (!result.ok) return;
    const user = await db.user.findUniqueOrThrow({ where: { username: "canbo.htt" } });
    expect(user.mustChangePassword).toBe(true);
    expect(user.createdById).toBe(steering.id);
    expect(await verifyPassword(user.passwordHash, result.temporaryPassword)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "users.create", entityId: String(user.id) } })).toBe(1);
  });

  it("gives a team leader the team of their residential group", async () => {
    const result = await createUser(steering, { username: "totruong.1", fullName: "Phạm Văn Dũng", role: "TEAM_LEADER", scopeUnitCode: "20206-01" });
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { username: "totruong.1" }, include: { team: true } });
    expect(user.team?.code).toBe("TCNS-20206-01");
  });

  it.each([
    ["a steering committee account", { role: "STEERING", scopeUnitCode: "492" }, /không được tạo hay giao vai trò Ban chỉ đạo/],
    ["an administrator", { role: "ADMIN", scopeUnitCode: "492" }, /không được tạo hay giao vai trò Quản trị hệ thống/],
    ["an account outside its district", { role: "WARD_OFFICIAL", scopeUnitCode: "03646" }, /không có quyền/],
    ["a ward official at a residential group", { role: "WARD_OFFICIAL", scopeUnitCode: "20206-01" }, /phải phụ trách một đơn vị cấp Phường\/xã/],
    ["a team leader where no team exists", { role: "TEAM_LEADER", scopeUnitCode: "20206-02" }, /chưa có tổ công nghệ số/],
    ["an unknown unit", { role: "WARD_OFFICIAL", scopeUnitCode: "99999" }, /Không có đơn vị đang hoạt động mã "99999"/],
  ])("refuses a steering committee creating %s, writing nothing", async (_label, input, message) => {
    const before = await db.user.count();
    await expect(createUser(steering, { username: "someone.new", fullName: "Ai Đó", ...input })).rejects.toThrow(message);
    expect(await db.user.count()).toBe(before);
  });

  it("says a refusal in the language the user chose, naming the role and the level in that language", async () => {
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.set(name, value);
      return data;
    };
    const english = { ...steering, fullName: "BCĐ", teamId: null, locale: "en", mustChangePassword: false };
    const refused = await createUserAction.runAs(english, null, form({ username: "someone.new", fullName: "Ai Đó", role: "WARD_OFFICIAL", scopeUnitCode: "20206-01" }));
    expect(refused).toEqual({ ok: false, status: 400, message: "An account with the role Ward official must be responsible for a unit of level Ward/commune." });
    const vietnamese = await createUserAction.runAs({ ...english, locale: "vi" }, null, form({ username: "someone.new", fullName: "Ai Đó", role: "STEERING", scopeUnitCode: "492" }));
    expect(vietnamese).toEqual({ ok: false, status: 403, message: "Bạn không được tạo hay giao vai trò Ban chỉ đạo." });
    const taken = await createUserAction.runAs(english, null, form({ username: "canbo.htt", fullName: "Trùng Tên", role: "WARD_OFFICIAL", scopeUnitCode: "20206" }));
    expect(taken).toMatchObject({ ok: false, status: 409, message: 'The username "canbo.htt" is already taken.' });
  });

  it("names the field and the rule for bad input, and refuses a username that is taken", async () => {
    const bad = await createUser(steering, { username: "Bad Name!", fullName: "", role: "WARD_OFFICIAL", scopeUnitCode: "20206" });
    expect(bad).toMatchObject({ ok: false, status: 400, fieldErrors: { username: [expect.stringMatching(/chữ thường không dấu/)], fullName: [expect.stringMatching(/họ và tên/i)] } });
    const taken = await createUser(steering, { username: "canbo.htt", fullName: "Trùng Tên", role: "WARD_OFFICIAL", scopeUnitCode: "20206" });
    expect(taken).toMatchObject({ ok: false, status: 409, fieldErrors: { username: [expect.any(String)] } });
  });

  it("ends old sessions on a password reset and on deactivation", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { username: "canbo.htt" } });
    const reset = await resetUserPassword(steering, user.id);
    const afterReset = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(afterReset.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(afterReset.passwordHash, reset.temporaryPassword)).toBe(true);
    await setUserActive(steering, user.id, false);
    const afterDeactivation = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(afterDeactivation).toMatchObject({ active: false, sessionVersion: user.sessionVersion + 2 });
    await setUserActive(steering, user.id, true);
  });

  it("keeps a steering committee away from accounts above or outside it", async () => {
    await expect(resetUserPassword(steering, admin.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setUserActive(steering, steering.id, false)).rejects.toBeInstanceOf(AppError);
    const user = await db.user.findUniqueOrThrow({ where: { username: "canbo.htt" } });
    await expect(changeUserScope(steering, user.id, { role: "WARD_OFFICIAL", scopeUnitCode: "03646" })).rejects.toThrow(/không có quyền/);
    expect((await listUsers(steering)).map((account) => account.username).sort()).toEqual(["bcd.haichau", "canbo.htt", "totruong.1"]);
    expect((await listUsers(admin)).length).toBe(4);
  });

  it("lets a user replace their own password, checking the current one and the rules", async () => {
    const created = await createUser(admin, { username: "canbo.moi", fullName: "Cán Bộ Mới", role: "WARD_OFFICIAL", scopeUnitCode: "03646" });
    if (!created.ok) throw new Error(created.message);
    const self = { id: created.userId, username: "canbo.moi", role: "WARD_OFFICIAL" as const, scopeUnitId: null };
    expect(await changeOwnPassword(self, { currentPassword: "sai", newPassword: "Một câu dài dễ nhớ", confirmPassword: "Một câu dài dễ nhớ" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["Mật khẩu hiện tại không đúng."] },
    });
    expect(await changeOwnPassword(self, { currentPassword: created.temporaryPassword, newPassword: "ngắn", confirmPassword: "khác" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: [expect.stringMatching(/ít nhất 10 ký tự/)], confirmPassword: [expect.stringMatching(/không khớp/)] },
    });
    expect(await changeOwnPassword(self, { currentPassword: created.temporaryPassword, newPassword: "Một câu dài dễ nhớ", confirmPassword: "Một câu dài dễ nhớ" })).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: created.userId } })).mustChangePassword).toBe(false);
  });
});
