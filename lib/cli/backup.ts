/**
 * `npm run db:backup [-- <file>]`: writes a backup of DATABASE_URL, or of the
 * embedded database, while the app may keep running. Without a file name it
 * goes to <DATA_DIR>/backups/tocongnghe-<date>-<time>.tcns.gz.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../env";
import { writeBackup } from "../backup/write-backup";
import { totalRows } from "../backup/backup-format";
import { runCli } from "./database";

function defaultFile(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join(getEnv().DATA_DIR, "backups", `tocongnghe-${stamp}.tcns.gz`);
}

const file = path.resolve(process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? defaultFile());

void runCli(async (url) => {
  mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  const summary = await writeBackup(url, file);
  const count = totalRows(summary.rows);
  const rows = count.toLocaleString("vi-VN");
  console.log(`Đã sao lưu ${rows} dòng của ${Object.keys(summary.rows).length} bảng vào ${file} (${Date.now() - started} ms).`);
  console.log(`Backed up ${count.toLocaleString("en-US")} rows of ${Object.keys(summary.rows).length} tables to ${file}. Keep it private: it holds personal data.`);
});
