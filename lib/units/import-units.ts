/**
 * Import of the administrative tree from CSV (code,name,level,kind,parent_code).
 * All or nothing: every row is checked first, and nothing is written while any
 * row has an error. A row identical to a unit already in the database is left
 * as it is, so importing the same file twice changes nothing; a row that would
 * change an existing unit is refused, because renames and moves are
 * reorganisations with a date and a decision, not silent overwrites.
 */
import { db, Prisma } from "../db";
import { readCsv } from "../csv/read-csv";
import { UNIT_CSV_COLUMNS, unitRowSchema, type UnitRow } from "../schemas/unit-import";
import { writeAuditLog } from "../audit/write-audit-log";
import { authorize, type Actor } from "../auth/authorize";
import { ALLOWED_PARENT_LEVELS, LEVEL_LABEL, UNIT_LEVELS } from "./levels";
import { unitDisplayName } from "./display-name";

export interface RowError {
  line: number;
  column: string;
  message: string;
}

export type UnitImportResult =
  | { ok: true; created: number; unchanged: number }
  | { ok: false; message: string; errors: RowError[] };

export async function importUnitsCsv(actor: Actor, content: Uint8Array | string): Promise<UnitImportResult> {
  await authorize(actor, "units.import");
  const csv = readCsv(content, UNIT_CSV_COLUMNS);
  if (!csv.ok) return { ok: false, message: csv.message, errors: [] };
  if (csv.rows.length === 0) return { ok: false, message: "Tệp chỉ có dòng tiêu đề, không có đơn vị nào.", errors: [] };

  const errors: RowError[] = [];
  const rows: (UnitRow & { line: number })[] = [];
  const lineOfCode = new Map<string, number>();
  for (const { line, values, hasExtraCells } of csv.rows) {
    if (hasExtraCells) {
      errors.push({ line, column: "", message: "Dòng có nhiều ô hơn dòng tiêu đề: tên có dấu phẩy phải đặt trong ngoặc kép." });
      continue;
    }
    const parsed = unitRowSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line, column: String(issue.path[0] ?? ""), message: issue.message });
      continue;
    }
    const earlier = lineOfCode.get(parsed.data.code);
    if (earlier !== undefined) {
      errors.push({ line, column: "code", message: `Mã "${parsed.data.code}" bị trùng với dòng ${earlier}.` });
      continue;
    }
    lineOfCode.set(parsed.data.code, line);
    rows.push({ ...parsed.data, line });
  }

  const codes = [...new Set([...rows.map((row) => row.code), ...rows.map((row) => row.parent_code).filter(Boolean)])];
  const existing = new Map(
    (
      await db.adminUnit.findMany({
        where: { code: { in: codes } },
        select: { id: true, code: true, name: true, level: true, kind: true, parent: { select: { code: true } } },
      })
    ).map((unit) => [unit.code, unit]),
  );
  const inFile = new Map(rows.map((row) => [row.code, row]));

  const toCreate: (UnitRow & { line: number })[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const current = existing.get(row.code);
    if (current) {
      const same =
        current.name === row.name && current.level === row.level && current.kind === row.kind && (current.parent?.code ?? "") === row.parent_code;
      if (same) unchanged += 1;
      else
        errors.push({
          line: row.line,
          column: "code",
          message: `Mã "${row.code}" đã có (${unitDisplayName(current)}) với thông tin khác. Đổi tên hoặc chuyển đơn vị phải làm bằng chức năng tổ chức lại.`,
        });
      continue;
    }
    if (row.level !== "PROVINCE") {
      const parentLevel = inFile.get(row.parent_code)?.level ?? existing.get(row.parent_code)?.level;
      if (!parentLevel) {
        errors.push({ line: row.line, column: "parent_code", message: `Không có đơn vị cấp trên mã "${row.parent_code}" trong tệp hay trong hệ thống.` });
        continue;
      }
      if (!ALLOWED_PARENT_LEVELS[row.level].includes(parentLevel)) {
        const allowed = ALLOWED_PARENT_LEVELS[row.level].map((level) => LEVEL_LABEL[level]).join(" hoặc ");
        errors.push({
          line: row.line,
          column: "parent_code",
          message: `Đơn vị cấp ${LEVEL_LABEL[row.level]} phải thuộc ${allowed}, không thể thuộc ${LEVEL_LABEL[parentLevel]} "${row.parent_code}".`,
        });
        continue;
      }
    }
    toCreate.push(row);
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    return { ok: false, message: `Có ${errors.length} lỗi; chưa ghi đơn vị nào. Sửa tệp rồi tải lên lại.`, errors };
  }

  try {
    await db.$transaction(
    async (tx) => {
      const ids = new Map([...existing.values()].map((unit) => [unit.code, unit.id]));
      // Parents before children: levels strictly descend, which also rules out cycles.
      for (const level of UNIT_LEVELS) {
        const batch = toCreate.filter((row) => row.level === level);
        if (batch.length === 0) continue;
        const created = await tx.adminUnit.createManyAndReturn({
          data: batch.map((row) => ({
            code: row.code,
            name: row.name,
            level: row.level,
            kind: row.kind,
            parentId: row.parent_code ? ids.get(row.parent_code)! : null,
          })),
          select: { id: true, code: true },
        });
        for (const unit of created) ids.set(unit.code, unit.id);
      }
      await writeAuditLog(tx, actor, {
        action: "units.import",
        entityType: "admin_unit",
        after: { created: toCreate.length, unchanged, codes: toCreate.slice(0, 1000).map((row) => row.code) },
      });
    },
    { timeout: 120_000 },
    );
  } catch (error) {
    // Someone else created one of these codes between our check and our write.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, message: "Một số mã vừa được tạo bởi người khác trong lúc nhập; chưa ghi gì. Hãy tải tệp lên lại.", errors: [] };
    }
    throw error;
  }
  return { ok: true, created: toCreate.length, unchanged };
}
