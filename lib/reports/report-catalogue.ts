/**
 * The data elements a unit reports at its level, and the part-of-whole rules
 * read from the indicator catalogue. Only migrations and the seed write the
 * catalogue, so each process reads it once per database: every save and
 * entry form needs it, and two queries were a fifth of a save's time.
 */
import { databaseKey, db } from "../db";
import type { UnitLevel } from "../generated/prisma/enums";
import type { ElementRule, PartOfRule } from "../schemas/figure-rules";

export interface ReportElement extends ElementRule {
  id: number;
  nameEn: string;
  description: string | null;
  aggregation: "STOCK" | "FLOW";
}

const cache = new Map<string, Promise<unknown>>();

function once<T>(name: string, load: () => Promise<T>): Promise<T> {
  const key = `${databaseKey()} ${name}`;
  let entry = cache.get(key) as Promise<T> | undefined;
  if (!entry) {
    entry = load();
    cache.set(key, entry);
    // A failed read (database away) is not kept: the next call tries again.
    entry.catch(() => cache.delete(key));
  }
  return entry;
}

export function elementsForLevel(level: UnitLevel): Promise<ReportElement[]> {
  return once(`elements ${level}`, () => db.dataElement.findMany({
    // Activity figures are never typed: the database adds them up from the teams' records.
    where: { collectionLevel: level, source: "FORM" },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, name: true, nameEn: true, description: true, aggregation: true },
  }));
}

/** Every indicator's numerator is a part of its denominator. */
export function partOfRules(): Promise<PartOfRule[]> {
  return once("part-of rules", async () => {
    const indicators = await db.indicator.findMany({ select: { numerator: { select: { code: true } }, denominator: { select: { code: true } } } });
    return indicators.map((indicator) => ({ part: indicator.numerator.code, whole: indicator.denominator.code }));
  });
}

export interface ActivityElement {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}

/** The elements the database adds up from the teams' activity records (ACTIVITIES, HELPED_…), in catalogue order. */
export function activityElements(): Promise<ActivityElement[]> {
  return once("activity elements", () =>
    db.dataElement.findMany({ where: { source: "ACTIVITIES" }, orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true, nameEn: true } }),
  );
}
