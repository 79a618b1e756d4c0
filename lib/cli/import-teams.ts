/** `npm run import:teams -- file.csv|file.xlsx`: the teams import for operators, acting as the system. */
import { SYSTEM_ACTOR } from "../audit/write-audit-log";
import { importTeams } from "../imports/import-teams";
import { runImportCli } from "./run-import";

runImportCli("npm run import:teams -- <file.csv|file.xlsx>", async (bytes) => {
  const started = Date.now();
  const result = await importTeams({ ...SYSTEM_ACTOR, role: "ADMIN", scopeUnitId: null }, bytes, { commit: true });
  return result.ok
    ? { ok: true, summary: `Đã nhập ${result.rows} dòng: ${result.added} tổ mới, ${result.updated} cập nhật, ${result.unchanged} giữ nguyên (${Date.now() - started} ms).` }
    : result;
});
