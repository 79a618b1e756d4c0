/**
 * One XLSX export in a process of its own, so that its peak resident memory is
 * the export's and not the benchmark's: prints {ms, peakRssMb, baselineRssMb, bytes},
 * the baseline being the warmed process just before the measured export.
 * Usage: tsx tests/bench/export-child.ts <database url> <unit code> <from> <to>
 */
import { Writable } from "node:stream";
import { connectDatabase, db, disconnectDb } from "../../lib/db";
import { loadReportContext } from "../../lib/exports/report-context";
import { writeXlsxReport } from "../../lib/exports/xlsx-report";

const [url, code, from, to] = process.argv.slice(2);

async function exportOnce(unitCode: string): Promise<number> {
  let bytes = 0;
  // The bytes go nowhere: what is measured is the making of the file, as the route streams it.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const finished = new Promise((resolve) => sink.on("finish", resolve));
  const context = await loadReportContext({ id: null, username: "system", role: "ADMIN", scopeUnitId: null }, unitCode, { from, to }, "xlsx");
  await writeXlsxReport(context, sink);
  await finished;
  return bytes;
}

async function main() {
  connectDatabase(url);
  // A server answers exports warm: the first query and the zip writer's set-up are paid once, here.
  const firstGroup = (await db.adminUnit.findFirstOrThrow({ where: { level: "RESIDENTIAL_GROUP" }, select: { code: true } })).code;
  await exportOnce(firstGroup);
  const baselineRssMb = Math.round(process.memoryUsage().rss / 1048576);
  const started = performance.now();
  const bytes = await exportOnce(code);
  const ms = Math.round(performance.now() - started);
  await disconnectDb();
  process.stdout.write(JSON.stringify({ ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), baselineRssMb, bytes }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
