/**
 * What an account's role and scope unit must look like, and the checks an
 * account manager passes before creating or changing one.
 */
import { db } from "../db";
import { AppError } from "../errors";
import type { Role, UnitLevel } from "../generated/prisma/enums";
import { authorize, type Actor } from "../auth/authorize";
import { ASSIGNABLE_ROLES } from "../auth/policy";

const SCOPE_LEVELS: Record<Role, readonly UnitLevel[]> = {
  ADMIN: ["PROVINCE", "DISTRICT", "WARD", "RESIDENTIAL_GROUP"],
  STEERING: ["PROVINCE", "DISTRICT"],
  WARD_OFFICIAL: ["WARD"],
  TEAM_LEADER: ["RESIDENTIAL_GROUP", "WARD"],
};

const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "quản trị",
  STEERING: "ban chỉ đạo",
  WARD_OFFICIAL: "cán bộ phường/xã",
  TEAM_LEADER: "tổ trưởng",
};

export interface ResolvedScope {
  scopeUnitId: number | null;
  teamId: number | null;
}

/**
 * Checks that the actor may give this role at this unit, and finds the unit
 * (and, for a team leader, the team they lead). Throws an AppError with the rule.
 */
export async function resolveAccountScope(actor: Actor, role: Role, scopeUnitCode: string): Promise<ResolvedScope> {
  if (!ASSIGNABLE_ROLES[actor.role].includes(role)) {
    throw new AppError("FORBIDDEN", `Bạn không được tạo hay giao vai trò ${ROLE_LABEL[role]}.`);
  }
  if (scopeUnitCode === "") {
    if (role === "ADMIN" && actor.role === "ADMIN" && actor.scopeUnitId === null) return { scopeUnitId: null, teamId: null };
    throw new AppError("INVALID_INPUT", "Nhập mã đơn vị phụ trách (phạm vi) của tài khoản.");
  }
  const unit = await db.adminUnit.findUnique({ where: { code: scopeUnitCode }, select: { id: true, level: true, validTo: true } });
  if (!unit || unit.validTo !== null) throw new AppError("INVALID_INPUT", `Không có đơn vị đang hoạt động mã "${scopeUnitCode}".`);
  await authorize(actor, "users.manage", { unitId: unit.id });
  if (!SCOPE_LEVELS[role].includes(unit.level)) {
    throw new AppError("INVALID_INPUT", `Tài khoản ${ROLE_LABEL[role]} phải phụ trách một đơn vị cấp ${SCOPE_LEVELS[role].join(" hoặc ")}.`);
  }
  if (role !== "TEAM_LEADER") return { scopeUnitId: unit.id, teamId: null };
  const team = await db.team.findFirst({ where: { unitId: unit.id, active: true }, select: { id: true }, orderBy: { id: "asc" } });
  if (!team) throw new AppError("INVALID_INPUT", `Đơn vị "${scopeUnitCode}" chưa có tổ công nghệ số đang hoạt động để giao tổ trưởng.`);
  return { scopeUnitId: unit.id, teamId: team.id };
}

/** Loads an account the actor may manage; outside the scope it does not exist for them. */
export async function findManageableUser(actor: Actor, userId: number) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, fullName: true, role: true, scopeUnitId: true, teamId: true, active: true, sessionVersion: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "Không tìm thấy tài khoản này trong phạm vi của bạn.");
  await authorize(actor, "users.manage", { userId }, { hideExistence: true });
  if (!ASSIGNABLE_ROLES[actor.role].includes(user.role)) {
    throw new AppError("FORBIDDEN", `Bạn không được thay đổi tài khoản có vai trò ${ROLE_LABEL[user.role]}.`);
  }
  return user;
}
