/**
 * One XLSX export in a process of its own, so that its peak resident memory is
 * the export's and not the benchmark's: prints {ms, peakRssMb, bytes}.
 * Usage: tsx tests/bench/export-child.ts <database url> <unit code> <from> <to>
 */
import { Writable } from "node:stream";
import { connectDatabase, disconnectDb } from "../../lib/db";
import { loadReportContext } from "../../lib/exports/report-context";
import { writeXlsxReport } from "../../lib/exports/xlsx-report";

const [url, code, from, to] = process.argv.slice(2);

async function main() {
  connectDatabase(url);
  const started = performance.now();
  let bytes = 0;
  // The bytes go nowhere: what is measured is the making of the file, as the route streams it.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const finished = new Promise((resolve) => sink.on("finish", resolve));
  const context = await loadReportContext({ id: null, username: "system", role: "ADMIN", scopeUnitId: null }, code, { from, to }, "xlsx");
  await writeXlsxReport(context, sink);
  await finished;
  const ms = Math.round(performance.now() - started);
  await disconnectDb();
  process.stdout.write(JSON.stringify({ ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), bytes }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
