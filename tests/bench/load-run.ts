/**
 * `npm run bench:load`: against the production build on the demo data, after a
 * warm-up: one district dashboard after another (the server's time for a page
 * with nothing else to do), then sign-ins and saves for 60 seconds each
 * (LOAD_SECONDS to change), 100 users at once on a district's dashboard for
 * 30 s (closed loop: each waits for its page), and 30 dashboard loads a second
 * arriving at random for 60 s (open loop: nobody waits to arrive). Prints
 * requests, throughput, latency, errors, refusals and the server's memory;
 * then checks that the roll-ups equal a recomputation and the audit log agrees
 * with the figures. Writes tests/bench/results/load.json. Refuses a busy
 * machine, like bench:lighthouse (--allow-busy to run anyway, marked).
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
import { waitForQuiet } from "./quiet-machine";
import { signInToApp, startBenchApp } from "./bench-app";
import { demoSaveTargets, loadDashboard, loadOpenLoop, loadSaves, loadSignIn, MEMORY_BOUND_MB, processRssMb, sequentialPageTimes, type LoadFigures } from "./load-scenarios";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const ALLOW_BUSY = process.argv.includes("--allow-busy");
let busy: string[] = [];

async function main() {
  // Before our own server starts: latencies measured while a test suite shares the two cores are not the server's.
  busy = await waitForQuiet(120);
  if (busy.length > 0 && !ALLOW_BUSY) {
    console.error(`Not measured: the machine is busy.\n  ${busy.join("\n  ")}\nRun it when nothing else runs, or pass --allow-busy to measure anyway (the figures are then marked).`);
    process.exitCode = 2;
    return;
  }
  if (busy.length > 0) console.log(`  MEASURED ON A BUSY MACHINE: ${busy.join("; ")}`);
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
      const alone = await sequentialPageTimes(target, committee, "/dashboard/492", 100);
      console.log(`  one district dashboard at a time, warm: median ${alone.median} ms, p90 ${alone.p90} ms`);
      const since = await lastAuditId(sql);
      const loads: LoadFigures[] = [];
      console.log(`  sign-in for ${SECONDS} s…`);
      loads.push(await loadSignIn(target, "canbo.thanhbinh", DEMO_PASSWORD, 4, SECONDS));
      console.log("  dashboard, 100 users at once, for 30 s…");
      loads.push(await loadDashboard(target, committee, "/dashboard/492", 100, 30));
      console.log("  dashboard, 30 loads a second arriving at random, for 60 s…");
      loads.push(await loadOpenLoop(target, committee, "/dashboard/492", 30, 60));
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
      writeFileSync(path.join(results, "load.json"), JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, busy, seconds: SECONDS, dashboardAlone: alone, loads, warmRssMb: warm, endRssMb: end, rollupDifferences: differences.length, auditDisagreements: disagreements.length }, null, 2));
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
