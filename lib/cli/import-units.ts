/** `npm run import:units -- file.csv`: the administrative-tree import for operators, acting as the system. */
import { SYSTEM_ACTOR } from "../audit/write-audit-log";
import { importUnitsCsv } from "../units/import-units";
import { runImportCli } from "./run-import";

runImportCli("npm run import:units -- <file.csv>", async (bytes) => {
  const result = await importUnitsCsv({ ...SYSTEM_ACTOR, role: "ADMIN", scopeUnitId: null }, bytes);
  return result.ok ? { ok: true, summary: `Đã thêm ${result.created} đơn vị; ${result.unchanged} đơn vị đã có, giữ nguyên.` } : result;
});
