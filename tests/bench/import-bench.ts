/**
 * The figures import on the database at hand: a file of 10,000+ value rows
 * (13 stock figures for each given residential group and month) checked and
 * previewed, committed, then committed again (nothing may change).
 */
import { db } from "../../lib/db";
import { importValues } from "../../lib/imports/import-values";
import { BENCH_ADMIN, type Figure } from "./dashboard-bench";

const STOCK: Record<string, number> = {
  PEOPLE: 800, ADULTS: 600, ADULTS_DIGITAL_SIGNATURE: 240, ADULTS_VNEID_L2: 480, ADULTS_SMARTPHONE: 520, ADULTS_CASHLESS: 380,
  ADULTS_ONLINE_PUBLIC_SERVICE: 300, ADULTS_BANK_ACCOUNT: 500, PEOPLE_EHEALTH: 560, HOUSEHOLDS: 210, HOUSEHOLDS_FIBRE: 170, MERCHANTS: 25, MERCHANTS_QR: 20,
};

/** `offset` is added to every figure, so that a second run of the benchmark writes new values. */
export function importFile(groupCodes: string[], months: string[], offset = 0): { bytes: Uint8Array; rows: number } {
  const lines = ["unit_code,period,element_code,value"];
  for (const month of months) for (const code of groupCodes) for (const [element, value] of Object.entries(STOCK)) lines.push(`${code},${month},${element},${value + offset}`);
  return { bytes: new TextEncoder().encode(lines.join("\n")), rows: lines.length - 1 };
}

export async function benchImport(groupCodes: string[], months: string[]): Promise<Figure[]> {
  // A database that already holds this file's figures (an earlier run) gets them plus one.
  const [first] = await db.$queryRaw<{ value: number }[]>`
    SELECT v.value FROM data_value v JOIN admin_unit u ON u.id = v.unit_id JOIN data_element e ON e.id = v.element_id
    WHERE u.code = ${groupCodes[0]} AND v.period_id = ${Number(months[0].replace("-", ""))} AND e.code = 'PEOPLE'`;
  const { bytes, rows } = importFile(groupCodes, months, first?.value === STOCK.PEOPLE ? 1 : 0);
  const figures: Figure[] = [];
  let started = performance.now();
  const preview = await importValues(BENCH_ADMIN, bytes, { commit: false });
  figures.push({ name: `import check and preview, ${rows.toLocaleString("en")} rows`, value: Math.round(performance.now() - started), unit: "ms" });
  if (!preview.ok) throw new Error(`preview refused: ${preview.message}`);
  started = performance.now();
  const committed = await importValues(BENCH_ADMIN, bytes, { commit: true });
  figures.push({ name: `import commit (check + write + audit + roll-ups), ${rows.toLocaleString("en")} rows`, value: Math.round(performance.now() - started), unit: "ms", goal: "< 5000 ms for 10,000 rows" });
  if (!committed.ok || committed.changed !== rows) throw new Error(`the commit did not write every row: ${JSON.stringify(committed).slice(0, 300)}`);
  started = performance.now();
  const again = await importValues(BENCH_ADMIN, bytes, { commit: true });
  figures.push({ name: `re-import of the same file (nothing changes), ${rows.toLocaleString("en")} rows`, value: Math.round(performance.now() - started), unit: "ms" });
  if (!again.ok || again.changed !== 0) throw new Error("a re-import changed figures");
  return figures;
}
