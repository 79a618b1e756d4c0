/** Reading units within the user's scope; outside it a unit does not exist for them (404, not 403). */
import { db } from "../db";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/authorize";

/** The top units a user sees: every province for a national administrator, else the scope unit. */
export async function scopeRootIds(user: Pick<Actor, "role" | "scopeUnitId">): Promise<number[]> {
  if (user.role === "ADMIN" && user.scopeUnitId === null) {
    const provinces = await db.adminUnit.findMany({ where: { parentId: null, validTo: null }, select: { id: true } });
    return provinces.map((unit) => unit.id);
  }
  return user.scopeUnitId === null ? [] : [user.scopeUnitId];
}

export async function findReadableUnitByCode(user: Actor, code: string) {
  const unit = await db.adminUnit.findUnique({
    where: { code },
    select: { id: true, code: true, name: true, level: true, kind: true, parentId: true, validTo: true },
  });
  if (!unit) throw new AppError("NOT_FOUND", "errors.unitNotFound", { code });
  await authorize(user, "units.read", { unitId: unit.id }, { hideExistence: true });
  return unit;
}

/** The code of the user's scope unit, or null for a national administrator. */
export async function scopeUnitCode(user: Pick<Actor, "scopeUnitId">): Promise<string | null> {
  if (user.scopeUnitId === null) return null;
  const unit = await db.adminUnit.findUnique({ where: { id: user.scopeUnitId }, select: { code: true } });
  return unit?.code ?? null;
}
