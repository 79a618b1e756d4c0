/** The rules of the administrative hierarchy, shared by imports, the seed and (later) reorganisations. */
import type { UnitLevel } from "../generated/prisma/enums";

export const UNIT_LEVELS = ["PROVINCE", "DISTRICT", "WARD", "RESIDENTIAL_GROUP"] as const satisfies readonly UnitLevel[];

/**
 * Which level a unit's parent may have. A ward may sit under a district or,
 * since the two-tier reform of 1 July 2025, directly under a province.
 */
export const ALLOWED_PARENT_LEVELS: Record<UnitLevel, readonly UnitLevel[]> = {
  PROVINCE: [],
  DISTRICT: ["PROVINCE"],
  WARD: ["DISTRICT", "PROVINCE"],
  RESIDENTIAL_GROUP: ["WARD"],
};

/** The level in a sentence of a Vietnamese message ("phải thuộc quận/huyện"). */
export const LEVEL_LABEL: Record<UnitLevel, string> = {
  PROVINCE: "tỉnh/thành phố",
  DISTRICT: "quận/huyện",
  WARD: "phường/xã",
  RESIDENTIAL_GROUP: "tổ dân phố/thôn",
};

/** The Vietnamese kind labels each level may carry. */
export const KINDS_BY_LEVEL: Record<UnitLevel, readonly string[]> = {
  PROVINCE: ["Tỉnh", "Thành phố"],
  DISTRICT: ["Quận", "Huyện", "Thị xã", "Thành phố"],
  WARD: ["Phường", "Xã", "Thị trấn", "Đặc khu"],
  RESIDENTIAL_GROUP: ["Tổ dân phố", "Thôn", "Khu dân cư", "Tiểu khu", "Bản", "Ấp", "Xóm", "Khu phố"],
};

export function isUnitLevel(value: string): value is UnitLevel {
  return (UNIT_LEVELS as readonly string[]).includes(value);
}
