/** `npm run import:values -- file.csv|file.xlsx`: the figures import for operators, acting as the system. */
import { readFile } from "node:fs/promises";
import { SYSTEM_ACTOR } from "../audit/write-audit-log";
import { connectDatabase, disconnectDb } from "../db";
import { importValues } from "../imports/import-values";
import { runCli } from "./database";

const file = process.argv[2];

void runCli(async (url) => {
  if (!file) {
    console.error("Cách dùng / Usage: npm run import:values -- <file.csv|file.xlsx>");
    return 2;
  }
  const content = await readFile(file).catch(() => null);
  if (!content) {
    console.error(`Không đọc được tệp ${file}. / Cannot read ${file}.`);
    return 2;
  }
  connectDatabase(url);
  try {
    const started = Date.now();
    const result = await importValues({ ...SYSTEM_ACTOR, role: "ADMIN", scopeUnitId: null }, new Uint8Array(content), { commit: true });
    if (result.ok) {
      console.log(`Đã nhập ${result.rows} dòng: ${result.changed} số thay đổi, ${result.unchanged} giữ nguyên, ${result.reports} báo cáo (${Date.now() - started} ms).`);
      return 0;
    }
    console.error(result.message);
    for (const error of result.errors) console.error(`  dòng ${error.line}${error.column ? `, cột ${error.column}` : ""}: ${error.message}`);
    return 1;
  } finally {
    await disconnectDb();
  }
});
