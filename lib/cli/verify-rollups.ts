/**
 * `npm run db:verify-rollups [-- --repair]`: recomputes every roll-up from the
 * raw values and lists any difference with the maintained ones; exit 1 when
 * there is one. With --repair, rebuilds them afterwards.
 */
import { connectDatabase, disconnectDb } from "../db";
import { repairRollups, verifyRollups } from "../dashboard/verify-rollups";
import { runCli } from "./database";

const repair = process.argv.includes("--repair");

void runCli(async (url) => {
  connectDatabase(url);
  try {
    const started = Date.now();
    const { differences, checkedValues } = await verifyRollups();
    if (differences.length === 0) {
      console.log(`Roll-up khớp với số liệu gốc: ${checkedValues.toLocaleString("vi-VN")} dòng (${Date.now() - started} ms). / Roll-ups match the raw values.`);
      return 0;
    }
    console.error(`Roll-up lệch ở ${differences.length}${differences.length >= 100 ? "+" : ""} chỗ: / Roll-ups differ:`);
    for (const d of differences) console.error(`  ${d.table} ${d.unitCode}${d.periodId === null ? "" : ` ${d.periodId}`} ${d.what}: cần ${d.expected}, đang là ${d.found}`);
    if (repair) {
      await repairRollups();
      console.error("Đã dựng lại roll-up từ số liệu gốc. / Rebuilt the roll-ups from the raw values.");
    } else console.error("Chạy lại với -- --repair để dựng lại. / Run again with -- --repair to rebuild.");
    return 1;
  } finally {
    await disconnectDb();
  }
});
