/** `npm run import:activities -- file.csv|file.xlsx`: the activities import for operators, acting as the system. */
import { SYSTEM_ACTOR } from "../audit/write-audit-log";
import { importActivities } from "../imports/import-activities";
import { runImportCli } from "./run-import";

runImportCli("npm run import:activities -- <file.csv|file.xlsx>", async (bytes) => {
  const started = Date.now();
  const result = await importActivities({ ...SYSTEM_ACTOR, role: "ADMIN", scopeUnitId: null }, bytes, { commit: true });
  return result.ok
    ? { ok: true, summary: `Đã ghi ${result.rows} hoạt động của ${result.teams} tổ, ${result.helped} lượt người dân được hỗ trợ (${Date.now() - started} ms).` }
    : result;
});
