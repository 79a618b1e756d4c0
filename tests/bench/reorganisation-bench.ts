/**
 * Reorganisations at demo scale: the preview runs the whole change and rolls
 * it back, so its time is the commit's; and the dashboard on the map of that
 * time, which sums raw figures when asked instead of reading the roll-ups.
 */
import { getDashboard } from "../../lib/dashboard/get-dashboard";
import { reorganise } from "../../lib/reorganisation/run-reorganisation";
import { BENCH_ADMIN, type Figure } from "./dashboard-bench";
import { percentile, time } from "./samples";

const common = { effectiveOn: "2026-11-01", reason: "Đo hiệu năng", decisionRef: "BENCH" };
const NOW = new Date("2026-11-20T03:00:00Z");

async function previewOf(input: Record<string, unknown>) {
  const result = await reorganise(BENCH_ADMIN, { ...common, ...input }, { commit: false }, NOW);
  if (!result.ok) throw new Error(result.message);
}

const ms = (value: number) => Math.round(value * 10) / 10;

export async function benchReorganisations(): Promise<Figure[]> {
  const merge = await time(20, () => previewOf({ kind: "MERGE", sourceCodes: ["20194-39", "20194-40"], into: { existingCode: "20194-38" } }));
  const abolish = await time(5, () => previewOf({ kind: "ABOLISH_LEVEL", districtCodes: ["492"] }));
  const dashboard = (map: string) => async () => {
    const result = await getDashboard(BENCH_ADMIN, "48", { period: "2026-09", map }, NOW);
    if (!result.ok) throw new Error(result.error.message);
  };
  const now = await time(20, dashboard("now"));
  const then = await time(20, dashboard("then"));
  return [
    { name: "preview of merging two groups (whole change, rolled back): p50", value: ms(percentile(merge, 0.5)), unit: "ms" },
    { name: "preview of abolishing Hải Châu (13 wards, 521 groups move): p50", value: ms(percentile(abolish, 0.5)), unit: "ms" },
    { name: "dashboard data, Đà Nẵng, today's map: p95", value: ms(percentile(now, 0.95)), unit: "ms" },
    { name: "dashboard data, Đà Nẵng, map of that time: p95", value: ms(percentile(then, 0.95)), unit: "ms" },
  ];
}
