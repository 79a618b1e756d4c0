/**
 * `npm run bench`: measured figures, printed as a table and written as JSON to
 * tests/bench/results/. Runs against BENCH_DATABASE_URL (a server; a database
 * is created and dropped there) or a fresh embedded PostgreSQL, seeded with
 * the demo data.
 *
 * Today it measures the demo seed, the figures import (the data-entry issue's
 * goal: 10,000 value rows committed in under 5 s), the dashboard data at four
 * levels against the naive way, and a group's monthly save, at demo scale.
 * The national-scale issue adds the generated 100,000-group database and load.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { connectDatabase, createPrismaClient, disconnectDb } from "../../lib/db";
import { applyMigrations } from "../../prisma/schema-engine";
import { seedDatabase } from "../../prisma/seed/seed";
import { benchDatabase as database } from "./bench-database";

import { benchDashboards, benchSaves, type Figure } from "./dashboard-bench";
import { benchExports } from "./export-bench";
import { benchWardGrid } from "./grid-bench";
import { benchActivities, benchActivityPanel } from "./activity-bench";
import { benchImport } from "./import-bench";
import { benchReorganisations } from "./reorganisation-bench";
import { scaleFigures } from "./scale-bench";
import type { Scale } from "./generate";

/** The demo as a first start in November 2026 made it: months up to October 2026 (the reorganisation bench takes effect in November). */
const BENCH_DEMO_ANCHOR = 202610;

/** Every residential group of Hải Châu: with two months, 10,000+ rows for months that hold no report yet. */
async function haiChauGroups(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ code: string }>(
    `SELECT d.code FROM admin_unit_closure c JOIN admin_unit a ON a.id = c.ancestor_id AND a.code = '492'
     JOIN admin_unit d ON d.id = c.descendant_id AND d.level = 'RESIDENTIAL_GROUP' AND d.valid_to IS NULL ORDER BY d.code`,
  );
  await client.end();
  return rows.map((row) => row.code);
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function demoFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const db = await database();
  try {
    await applyMigrations(db.url);
    const prisma = createPrismaClient(db.url);
    const started = performance.now();
    // Pinned, so that the figures compare from one run to the next whatever the date.
    await seedDatabase(prisma, { demo: true, anchor: BENCH_DEMO_ANCHOR });
    figures.push({ name: "seed of the demo data (with its 7 reorganisations)", value: Math.round(performance.now() - started), unit: "ms" });
    await prisma.$disconnect();

    connectDatabase(db.url);
    figures.push(...(await benchImport(await haiChauGroups(db.url), ["2024-02", "2024-03"])));
    // The same four levels for the dashboard and for the activity panel (whose window ends with the demo's last month).
    const levels = [
      { label: "whole country", code: null },
      { label: "province (Đà Nẵng)", code: "48" },
      { label: "district (Hải Châu)", code: "492" },
      { label: "ward (Hòa Thuận Tây)", code: "20206" },
    ];
    figures.push(...(await benchDashboards(levels, "2026-09")));
    figures.push(...(await benchActivityPanel(levels, "2026-10")));
    figures.push(...(await benchSaves("20206-03", "2024-01")));
    figures.push(...(await benchActivities("TCNS-20206-03")));
    figures.push(...(await benchWardGrid("20206", "2024-06")));
    figures.push(...(await benchReorganisations()));
    figures.push(...(await benchExports(db.url)));
    figures.push({ name: "peak resident memory of the benchmark process", value: peakRssMb(), unit: "MB" });
    await disconnectDb();
  } finally {
    await db.close();
  }

  return figures;
}

async function main() {
  const scaleIndex = process.argv.indexOf("--scale");
  const scale = scaleIndex >= 0 ? (process.argv[scaleIndex + 1] as Scale) : null;
  const figures = scale ? await scaleFigures(scale) : await demoFigures();
  const width = Math.max(...figures.map((figure) => figure.name.length));
  console.log(`\n${"measure".padEnd(width)}  ${"value".padStart(10)}  goal`);
  for (const figure of figures) console.log(`${figure.name.padEnd(width)}  ${`${figure.value} ${figure.unit}`.padStart(10)}  ${figure.goal ?? ""}`);
  const results = path.join(__dirname, "results");
  mkdirSync(results, { recursive: true });
  const file = path.join(results, scale ? `bench-${scale}.json` : "bench.json");
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, scale: scale ?? "demo", figures }, null, 2));
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
