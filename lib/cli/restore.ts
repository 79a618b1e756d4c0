/**
 * `npm run db:restore -- <file> [--replace]`: restores a backup into
 * DATABASE_URL, or into the embedded database, all or nothing. A database
 * that holds data is refused unless --replace is given.
 */
import path from "node:path";
import { restoreBackup } from "../backup/restore-backup";
import { BackupError, totalRows } from "../backup/backup-format";
import { runCli } from "./database";

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith("--"));

if (!file) {
  console.error("Cần tên tệp sao lưu: npm run db:restore -- <tệp> [--replace]\nName the backup file: npm run db:restore -- <file> [--replace]");
  process.exit(2);
}

void runCli(async (url) => {
  const started = Date.now();
  try {
    const summary = await restoreBackup(url, path.resolve(file), { replace: args.includes("--replace") });
    const count = totalRows(summary.rows);
    const rows = count.toLocaleString("vi-VN");
    console.log(`Đã khôi phục ${rows} dòng của ${Object.keys(summary.rows).length} bảng từ ${file} (${Date.now() - started} ms).`);
    console.log(`Restored ${count.toLocaleString("en-US")} rows of ${Object.keys(summary.rows).length} tables.`);
    if (summary.migratedAfter.length > 0) console.log(`Đã nâng cấp sau khi khôi phục / Migrated afterwards: ${summary.migratedAfter.join(", ")}`);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    return 1;
  }
});
