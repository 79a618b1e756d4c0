/** `npm run import:units -- file.csv`: the administrative-tree import for operators, acting as the system. */
import { readFile } from "node:fs/promises";
import { SYSTEM_ACTOR } from "../audit/write-audit-log";
import { connectDatabase, disconnectDb } from "../db";
import { importUnitsCsv } from "../units/import-units";
import { runCli } from "./database";

const file = process.argv[2];

void runCli(async (url) => {
  if (!file) {
    console.error("Cách dùng / Usage: npm run import:units -- <file.csv>");
    return 2;
  }
  const content = await readFile(file).catch(() => null);
  if (!content) {
    console.error(`Không đọc được tệp ${file}. / Cannot read ${file}.`);
    return 2;
  }
  connectDatabase(url);
  try {
    const result = await importUnitsCsv({ ...SYSTEM_ACTOR, role: "ADMIN", scopeUnitId: null }, new Uint8Array(content));
    if (result.ok) {
      console.log(`Đã thêm ${result.created} đơn vị; ${result.unchanged} đơn vị đã có, giữ nguyên.`);
      return 0;
    }
    console.error(result.message);
    for (const error of result.errors) console.error(`  dòng ${error.line}${error.column ? `, cột ${error.column}` : ""}: ${error.message}`);
    return 1;
  } finally {
    await disconnectDb();
  }
});
