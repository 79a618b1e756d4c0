/** The data elements a unit reports at its level, and the part-of-whole rules read from the indicator catalogue. */
import { db } from "../db";
import type { UnitLevel } from "../generated/prisma/enums";
import type { ElementRule, PartOfRule } from "../schemas/period-report";

export interface ReportElement extends ElementRule {
  id: number;
  nameEn: string;
  description: string | null;
  aggregation: "STOCK" | "FLOW";
}

export async function elementsForLevel(level: UnitLevel): Promise<ReportElement[]> {
  return db.dataElement.findMany({
    where: { collectionLevel: level },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, name: true, nameEn: true, description: true, aggregation: true },
  });
}

/** Every indicator's numerator is a part of its denominator. */
export async function partOfRules(): Promise<PartOfRule[]> {
  const indicators = await db.indicator.findMany({ select: { numerator: { select: { code: true } }, denominator: { select: { code: true } } } });
  return indicators.map((indicator) => ({ part: indicator.numerator.code, whole: indicator.denominator.code }));
}
