/**
 * The ward's grid saved whole: every residential group of a ward, all fifteen
 * figures changed, in one all-or-nothing save (the goal: under 2 s for
 * Hòa Thuận Tây's 53 groups × 15 figures). Each round changes every figure, so
 * every row writes 15 values, 15 audit entries and its report's version.
 */
import { getWardGrid, saveWardGrid } from "../../lib/reports/ward-grid";
import { BENCH_ADMIN, FIGURES, type Figure } from "./dashboard-bench";
import { percentile, time } from "./samples";

export async function benchWardGrid(wardCode: string, period: string, runs = 5): Promise<Figure[]> {
  const grid = await getWardGrid(BENCH_ADMIN, wardCode, period);
  const groups = grid.rows.filter((row) => row.level === "RESIDENTIAL_GROUP");
  const versions = new Map(groups.map((row) => [row.code, row.version]));
  const reasons = Object.fromEntries(Object.keys(FIGURES).map((code) => [code, "Đo hiệu năng"]));
  let round = 0;
  let changed = 0;
  const samples = await time(runs, async () => {
    round += 1;
    const values = Object.fromEntries(Object.entries(FIGURES).map(([code, value]) => [code, String(value + (round % 2))]));
    const rows = groups.map((row) => ({ unitCode: row.code, version: versions.get(row.code)!, requestId: crypto.randomUUID(), values, reasons }));
    const saved = await saveWardGrid(BENCH_ADMIN, { wardCode, period, rows });
    if (!saved.ok) throw new Error(`the grid's save was refused: ${saved.message}`);
    for (const [code, version] of Object.entries(saved.versions)) versions.set(code, version);
    changed = saved.changed;
  });
  return [
    { name: `ward grid save, ${groups.length} groups × 15 figures all changed (${changed} figures): p50`, value: Math.round(percentile(samples, 0.5)), unit: "ms" },
    { name: `ward grid save, ${groups.length} groups × 15 figures all changed: slowest of ${runs}`, value: Math.round(Math.max(...samples)), unit: "ms", goal: "≤ 2000 ms" },
  ];
}
