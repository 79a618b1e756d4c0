/**
 * The benchmark on a generated database (npm run bench:seed first): dashboard
 * data at every level against the naive way, a 12-month range for the root,
 * the activity panel at every level and logging an activity (alone with
 * --only-activities),
 * saves one by one and 200 at once from 20 writers (then the roll-ups of that
 * month checked against a recomputation), a 10,000-row import, a province's
 * XLSX export, and 100 users loading a district's dashboard page.
 */
import { Client } from "pg";
import { applyMigrations } from "../../prisma/schema-engine";
import { connectDatabase, disconnectDb } from "../../lib/db";
import { getDashboard } from "../../lib/dashboard/get-dashboard";
import { verifyRollups } from "../../lib/dashboard/verify-rollups";
import { BENCH_ADMIN, benchConcurrentSaves, benchDashboards, benchSaves, type Figure } from "./dashboard-bench";
import { percentile, time } from "./samples";
import { exportOnce } from "./export-bench";
import { benchImport } from "./import-bench";
import { benchActivities, benchActivityPanel } from "./activity-bench";
import { benchDashboardLoad } from "./load-bench";
import { benchDatabaseName, benchServer, type Scale } from "./generate";

async function codes(url: string, sql: string, parameters: unknown[] = []): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ code: string }>(sql, parameters);
  await client.end();
  return rows.map((row) => row.code);
}

async function firstCode(url: string, sql: string): Promise<string | null> {
  return (await codes(url, sql))[0] ?? null;
}

/** The month the writers fill: the current one, which holds no generated figures. */
const WRITE_MONTH = "2026-11";

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
    // A database generated before the newest migrations gets them now (they end by building their own roll-ups).
    await applyMigrations(url);
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
    // The teams' activities: the panel at every level (its window ends with the generated months) and logging one.
    const activityFigures = async () => [
      ...show(await benchActivityPanel(units, "2026-10")),
      ...show(await benchActivities(`TCNS-${group!}`)),
    ];
    if (process.argv.includes("--only-activities")) {
      const figures = await activityFigures();
      await disconnectDb();
      return figures;
    }
    const figures = show(await benchDashboards(units, "2026-09"));
    figures.push(...(await activityFigures()));
    const trend = await time(50, async () => {
      const result = await getDashboard(BENCH_ADMIN, null, { from: "2025-10", to: "2026-09" });
      if (!result.ok) throw new Error(result.error.message);
    });
    figures.push(...show([{ name: "dashboard data, whole country, 12-month range (with its 24-month trend): p95", value: Math.round(percentile(trend, 0.95) * 10) / 10, unit: "ms", goal: "≤ 100 ms" }]));
    figures.push(...show(await benchSaves(group!, "2026-10")));

    // 200 groups: 100 of the first province (they share its roll-up rows and queue on its lock), 100 spread over the country.
    const groupsOf = (sql: string, parameters: unknown[]) => codes(url, sql, parameters);
    const hot = await groupsOf(`SELECT code FROM admin_unit WHERE level = 'RESIDENTIAL_GROUP' AND code LIKE $1 || '-%' ORDER BY code LIMIT 100`, [province]);
    const spread = await groupsOf(
      `SELECT code FROM (SELECT code, row_number() OVER (ORDER BY code) AS n FROM admin_unit WHERE level = 'RESIDENTIAL_GROUP') g WHERE n % 997 = 0 AND code NOT LIKE $1 || '-%' LIMIT 100`,
      [province],
    );
    connectDatabase(url, 20);
    figures.push(...show(await benchConcurrentSaves([...hot, ...spread], WRITE_MONTH, 20)));
    connectDatabase(url);
    let started = performance.now();
    const month = Number(WRITE_MONTH.replace("-", ""));
    const checked = await verifyRollups(100, { periodIds: [month] });
    figures.push(...show([
      { name: `roll-ups of ${WRITE_MONTH} after the concurrent saves, checked against a recomputation: differences`, value: checked.differences.length, unit: "", goal: "0" },
      { name: `time of that check (${checked.checkedValues.toLocaleString("en")} roll-up rows, plus members, groups and teams)`, value: Math.round(performance.now() - started), unit: "ms" },
    ]));

    // The import: about 10,000 rows, the 13 stock figures of 770 groups not saved above, of other provinces first.
    const importGroups = await groupsOf(`SELECT code FROM admin_unit WHERE level = 'RESIDENTIAL_GROUP' AND code NOT IN (SELECT unnest($1::text[])) ORDER BY code LIKE $2 || '-%', code LIMIT 770`, [[...hot, ...spread], province]);
    figures.push(...show(await benchImport(importGroups, [WRITE_MONTH])));

    const exported = exportOnce(url, province!);
    const [groupCount] = await codes(url, `SELECT count(*)::text AS code FROM admin_unit WHERE level = 'RESIDENTIAL_GROUP' AND code LIKE $1 || '-%'`, [province]);
    const exportLabel = `XLSX export of province ${province} (${groupCount} groups), 12 months`;
    figures.push(...show([
      { name: `${exportLabel}: time`, value: exported.ms, unit: "ms", goal: "≤ 2000 ms" },
      { name: `${exportLabel}: peak RSS of the process`, value: exported.peakRssMb, unit: "MB", goal: "≤ 300 MB" },
      { name: `${exportLabel}: RSS of the warmed process before it`, value: exported.baselineRssMb, unit: "MB" },
      { name: `${exportLabel}: file size`, value: Math.round(exported.bytes / 1024), unit: "KB" },
    ]));

    if (district) figures.push(...show(await benchDashboardLoad(url, district, 100, 30)));
    // A full recomputation reads every figure: over 15 minutes at national scale, hence --no-verify.
    if (!process.argv.includes("--no-verify")) {
      started = performance.now();
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
