/**
 * `npm run bench:load`: the load test's three loads (sign-in, a district's
 * dashboard, the entry form's save) for 60 seconds each (LOAD_SECONDS to
 * change) against the production build on the demo data, after a warm-up.
 * Prints requests, throughput, latency, errors, refusals and the server's
 * memory; then checks that the roll-ups equal a recomputation and the audit
 * log agrees with the figures. Writes tests/bench/results/load.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { connectDatabase, createPrismaClient, disconnectDb } from "../../lib/db";
import { verifyRollups } from "../../lib/dashboard/verify-rollups";
import { applyMigrations } from "../../prisma/schema-engine";
import { seedDatabase } from "../../prisma/seed/seed";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-places";
import { auditDisagreements, lastAuditId } from "../setup/audit-agreement";
import { benchDatabase } from "./bench-database";
import { signInToApp, startBenchApp } from "./bench-app";
import { demoSaveTargets, loadDashboard, loadSaves, loadSignIn, MEMORY_BOUND_MB, processRssMb, type LoadFigures } from "./load-scenarios";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);

async function main() {
  const database = await benchDatabase();
  const sql = new Client({ connectionString: database.url });
  try {
    console.log("  preparing the demo database…");
    await applyMigrations(database.url);
    const prisma = createPrismaClient(database.url);
    await seedDatabase(prisma, { demo: true });
    await prisma.$disconnect();
    await sql.connect();
    const app = await startBenchApp(database.url);
    const target = { baseUrl: app.baseUrl, serverPid: app.server.pid! };
    try {
      const committee = await signInToApp(app.baseUrl, "bcd.haichau", DEMO_PASSWORD);
      const official = await signInToApp(app.baseUrl, "canbo.hoathuantay", DEMO_PASSWORD);
      console.log("  warming up (10 s on the dashboard)…");
      await loadDashboard(target, committee, "/dashboard/492", 10, 10);
      const warm = processRssMb(target.serverPid);
      const since = await lastAuditId(sql);
      const loads: LoadFigures[] = [];
      console.log(`  sign-in for ${SECONDS} s…`);
      loads.push(await loadSignIn(target, "canbo.thanhbinh", DEMO_PASSWORD, 4, SECONDS));
      console.log(`  dashboard for ${SECONDS} s…`);
      loads.push(await loadDashboard(target, committee, "/dashboard/492", 20, SECONDS));
      console.log(`  saves for ${SECONDS} s…`);
      loads.push(await loadSaves(target, official, await demoSaveTargets(sql, 20), SECONDS));
      const end = processRssMb(target.serverPid);

      connectDatabase(database.url);
      const { differences, checkedValues } = await verifyRollups();
      const disagreements = await auditDisagreements(sql, since);
      await disconnectDb();

      console.log(`\n${"load".padEnd(44)} ${"requests".padStart(9)} ${"req/s".padStart(6)} ${"p50".padStart(6)} ${"p99".padStart(6)} ${"errors".padStart(6)} ${"non2xx".padStart(6)} ${"refused".padStart(7)}  memory MB`);
      for (const load of loads) {
        console.log(
          `${`${load.scenario}, ${load.connections} conn.`.padEnd(44)} ${String(load.requests).padStart(9)} ${String(load.perSecond).padStart(6)} ${`${load.p50}`.padStart(6)} ${`${load.p99}`.padStart(6)} ${String(load.errors).padStart(6)} ${String(load.non2xx).padStart(6)} ${String(load.refused).padStart(7)}  ${load.rssBeforeMb} → ${load.rssAfterMb}`,
        );
      }
      const total = loads.reduce((sum, load) => sum + load.requests, 0);
      const failed = loads.reduce((sum, load) => sum + load.errors + load.non2xx + load.refused, 0);
      console.log(`\n${total} requests in ${loads.length * SECONDS} s; ${failed} failed. Server memory after warm-up ${warm} MB, at the end ${end} MB (growth ${end - warm} MB; bound ${MEMORY_BOUND_MB} MB).`);
      console.log(`Roll-ups: ${differences.length} differences in ${checkedValues} checked; audit log: ${disagreements.length} disagreements.`);
      const results = path.join(__dirname, "results");
      mkdirSync(results, { recursive: true });
      writeFileSync(path.join(results, "load.json"), JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, seconds: SECONDS, loads, warmRssMb: warm, endRssMb: end, rollupDifferences: differences.length, auditDisagreements: disagreements.length }, null, 2));
      if (failed > 0 || differences.length > 0 || disagreements.length > 0 || end >= MEMORY_BOUND_MB) process.exitCode = 1;
    } finally {
      await app.stop();
    }
  } finally {
    await sql.end().catch(() => undefined);
    await database.close();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
