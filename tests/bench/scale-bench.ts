/**
 * The benchmark on a generated database (npm run bench:seed first): dashboard
 * data at every level against the naive way, a 12-month range for the root,
 * saves, and the roll-ups checked against a recomputation afterwards.
 */
import { Client } from "pg";
import { connectDatabase, disconnectDb } from "../../lib/db";
import { getDashboard } from "../../lib/dashboard/get-dashboard";
import { verifyRollups } from "../../lib/dashboard/verify-rollups";
import { benchDashboards, benchSaves, percentile, type Figure } from "./dashboard-bench";
import { benchDatabaseName, benchServer, type Scale } from "./generate";

async function firstCode(url: string, sql: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ code: string }>(sql);
  await client.end();
  return rows[0]?.code ?? null;
}

export async function scaleFigures(scale: Scale): Promise<Figure[]> {
  const server = await benchServer();
  const url = server.url(benchDatabaseName(scale));
  try {
    const province = await firstCode(url, "SELECT code FROM admin_unit WHERE level = 'PROVINCE' ORDER BY code LIMIT 1").catch(() => {
      throw new Error(`No generated database for ${scale}: run npm run bench:seed -- --scale ${scale} first.`);
    });
    const district = await firstCode(url, "SELECT code FROM admin_unit WHERE level = 'DISTRICT' ORDER BY code LIMIT 1");
    const ward = await firstCode(url, "SELECT code FROM admin_unit WHERE level = 'WARD' ORDER BY code LIMIT 1");
    const group = await firstCode(url, "SELECT code FROM admin_unit WHERE level = 'RESIDENTIAL_GROUP' ORDER BY code LIMIT 1");
    connectDatabase(url);
    const units = [
      { label: "whole country", code: null },
      { label: `province ${province}`, code: province },
      ...(district ? [{ label: `district ${district}`, code: district }] : []),
      { label: `ward ${ward}`, code: ward },
    ];
    // Printed as they come: at national scale the whole run takes a while.
    const show = (list: Figure[]) => {
      for (const figure of list) console.log(`  ${figure.name}: ${figure.value} ${figure.unit}${figure.goal ? ` (goal ${figure.goal})` : ""}`);
      return list;
    };
    const figures = show(await benchDashboards(units, "2026-09"));
    const admin = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };
    const trend: number[] = [];
    for (let run = 0; run < 51; run += 1) {
      const started = performance.now();
      const result = await getDashboard(admin, null, { from: "2025-10", to: "2026-09" });
      if (!result.ok) throw new Error(result.message);
      if (run > 0) trend.push(performance.now() - started);
    }
    figures.push(...show([{ name: "dashboard data, whole country, 12-month range (with its 24-month trend): p95", value: Math.round(percentile(trend, 0.95) * 10) / 10, unit: "ms", goal: "≤ 100 ms" }]));
    figures.push(...show(await benchSaves(group!, "2026-10")));
    // A full recomputation reads every figure: over 15 minutes at national scale, hence --no-verify.
    if (!process.argv.includes("--no-verify")) {
      const started = performance.now();
      const { differences, checkedValues } = await verifyRollups();
      figures.push(...show([
        { name: `roll-ups checked against a recomputation (${checkedValues.toLocaleString("en")} rows): differences`, value: differences.length, unit: "", goal: "0" },
        { name: "time of that check", value: Math.round(performance.now() - started), unit: "ms" },
      ]));
    }
    await disconnectDb();
    return figures;
  } finally {
    await server.close();
  }
}
