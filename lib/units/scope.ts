/**
 * Where a user may look. Reading is open to every signed-in user inside their
 * own scope; the full policy (who may change what) arrives with the access issue.
 */
import { AppError } from "../errors";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { isWithin } from "./tree-queries";

/** The top units a user sees: every province for an admin, else the scope unit. */
export async function scopeRootIds(user: Pick<SessionUser, "role" | "scopeUnitId">): Promise<number[]> {
  if (user.role === "ADMIN" && user.scopeUnitId === null) {
    const provinces = await db.adminUnit.findMany({ where: { parentId: null, validTo: null }, select: { id: true } });
    return provinces.map((unit) => unit.id);
  }
  return user.scopeUnitId === null ? [] : [user.scopeUnitId];
}

export async function canReadUnit(user: Pick<SessionUser, "role" | "scopeUnitId">, unitId: number): Promise<boolean> {
  if (user.role === "ADMIN" && user.scopeUnitId === null) return true;
  return user.scopeUnitId !== null && isWithin(user.scopeUnitId, unitId);
}

/** Loads a unit by code only if the user may read it; outside the scope it does not exist (404, not 403). */
export async function findReadableUnitByCode(user: Pick<SessionUser, "role" | "scopeUnitId">, code: string) {
  const unit = await db.adminUnit.findUnique({
    where: { code },
    select: { id: true, code: true, name: true, level: true, kind: true, parentId: true, validTo: true },
  });
  if (!unit || !(await canReadUnit(user, unit.id))) {
    throw new AppError("NOT_FOUND", `Không tìm thấy đơn vị có mã "${code}" trong phạm vi của bạn.`);
  }
  return unit;
}
