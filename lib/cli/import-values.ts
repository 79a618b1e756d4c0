/** `npm run import:values -- file.csv|file.xlsx`: the figures import for operators, acting as the system. */
import { SYSTEM_ACTOR } from "../audit/write-audit-log";
import { importValues } from "../imports/import-values";
import { runImportCli } from "./run-import";

runImportCli("npm run import:values -- <file.csv|file.xlsx>", async (bytes) => {
  const started = Date.now();
  const result = await importValues({ ...SYSTEM_ACTOR, role: "ADMIN", scopeUnitId: null }, bytes, { commit: true });
  return result.ok
    ? { ok: true, summary: `Đã nhập ${result.rows} dòng: ${result.changed} số thay đổi, ${result.unchanged} giữ nguyên, ${result.reports} báo cáo (${Date.now() - started} ms).` }
    : result;
});
