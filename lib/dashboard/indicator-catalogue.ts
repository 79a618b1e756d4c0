/** The indicators of the catalogue, in display order. Read once per request; the catalogue changes only by migration. */
import { db } from "../db";
import type { IndicatorDefinition } from "./indicator-figures";

export async function loadIndicators(): Promise<IndicatorDefinition[]> {
  return db.indicator.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, code: true, name: true, nameEn: true, numeratorElementId: true, denominatorElementId: true, higherIsBetter: true },
  });
}
