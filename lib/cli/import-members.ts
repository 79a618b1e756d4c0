/** `npm run import:members -- file.csv|file.xlsx`: the members import for operators, acting as the system. */
import { SYSTEM_ACTOR } from "../audit/write-audit-log";
import { importMembers } from "../imports/import-members";
import { runImportCli } from "./run-import";

runImportCli("npm run import:members -- <file.csv|file.xlsx>", async (bytes) => {
  const started = Date.now();
  const result = await importMembers({ ...SYSTEM_ACTOR, role: "ADMIN", scopeUnitId: null }, bytes, { commit: true });
  return result.ok
    ? { ok: true, summary: `Đã nhập ${result.rows} dòng vào ${result.teams} tổ: ${result.added} thành viên mới, ${result.updated} cập nhật, ${result.unchanged} giữ nguyên (${Date.now() - started} ms).` }
    : result;
});
