/**
 * Bulk import of teams (team_code,unit_code,name,founded_on,decision) from CSV
 * or XLSX, so that a province that imported its villages can set up their
 * teams in one step before importing members. A row names a team by its code:
 * a new code creates the team at its unit, a known code updates its name,
 * founding date and decision (never moves it: that is a reorganisation).
 * Every row is checked with the registry form's rules; nothing is written
 * while any row has an error; re-importing the same file changes nothing.
 * The one-active-team-per-unit rule is also an index, so a team created on
 * a page while the file commits refuses the commit rather than doubling.
 */
import { db, Prisma } from "../db";
import { AppError } from "../errors";
import { roleAllows } from "../auth/policy";
import { unitsInScope, type Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { teamSchema } from "../schemas/member";
import { issueMessage } from "../schemas/user";
import { readTable } from "./read-table";
import { isoDateOf } from "./member-columns";
import { previewOf, type ImportIssue, type ImportRefusal, type PreviewRow } from "./import-result";
import { languageOf, say } from "../i18n/translate";

export const TEAM_COLUMNS = ["team_code", "unit_code", "name", "founded_on", "decision"] as const;
const TEAM_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const COLUMN_OF_FIELD: Record<string, string> = { name: "name", foundedOn: "founded_on", foundingDecision: "decision" };

export type TeamImportResult =
  | { ok: true; committed: boolean; rows: number; added: number; updated: number; unchanged: number; preview: PreviewRow[] }
  | ImportRefusal;

interface PlannedTeam {
  line: number;
  code: string;
  unitId: number;
  name: string;
  foundedOn: string | null;
  foundingDecision: string | null;
  existingId: number | null;
  before: { name: string; foundedOn: string | null; foundingDecision: string | null } | null;
}

const dayOf = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

export async function importTeams(actor: Actor, bytes: Uint8Array, options: { commit: boolean }): Promise<TeamImportResult> {
  if (!roleAllows(actor.role, "teams.write")) throw new AppError("FORBIDDEN", "errors.teamsRoleRefused");
  const locale = languageOf(actor);
  const table = await readTable(bytes, TEAM_COLUMNS, locale);
  if (!table.ok) return { ok: false, message: table.message, errors: [], preview: [] };
  if (table.rows.length === 0) return { ok: false, message: say(locale, "importRows.headerOnly"), errors: [], preview: [] };
  const preview = previewOf(table.rows);

  const units = new Map(
    (await db.adminUnit.findMany({ where: { code: { in: [...new Set(table.rows.map((row) => row.values.unit_code))] } }, select: { id: true, code: true, level: true, validTo: true } })).map((unit) => [unit.code, unit]),
  );
  const allowed = await unitsInScope(actor, [...units.values()].map((unit) => unit.id));
  const known = new Map(
    (await db.team.findMany({ where: { code: { in: table.rows.map((row) => row.values.team_code) } }, select: { id: true, code: true, unitId: true, name: true, foundedOn: true, foundingDecision: true } })).map((team) => [team.code, team]),
  );
  const activeAt = new Map(
    (await db.team.findMany({ where: { active: true, unitId: { in: [...units.values()].map((unit) => unit.id) } }, select: { code: true, unitId: true } })).map((team) => [team.unitId, team.code]),
  );

  const errors: ImportIssue[] = [];
  const planned: PlannedTeam[] = [];
  const lineOfCode = new Map<string, number>();
  const lineOfNewUnit = new Map<number, number>();
  const outside = new Set<string>();
  for (const { line, values, hasExtraCells } of table.rows) {
    const issue = (column: string, message: string) => errors.push({ line, column, message });
    if (hasExtraCells) {
      issue("", say(locale, "importRows.extraCells"));
      continue;
    }
    let ok = true;
    const fail = (column: string, message: string) => {
      ok = false;
      issue(column, message);
    };
    const code = values.team_code;
    if (!TEAM_CODE.test(code)) fail("team_code", say(locale, "importRows.teamCodeFormat", { code }));
    else if (lineOfCode.has(code)) fail("team_code", say(locale, "importRows.duplicate", { line: lineOfCode.get(code)! }));
    const unit = units.get(values.unit_code);
    if (!unit) fail("unit_code", say(locale, "importRows.unitUnknown", { code: values.unit_code }));
    else if (!allowed.has(unit.id)) {
      outside.add(unit.code);
      fail("unit_code", say(locale, "importRows.unitOutside", { code: unit.code }));
    } else if (unit.validTo !== null) fail("unit_code", say(locale, "importRows.unitEnded", { code: unit.code }));
    else if (unit.level !== "WARD" && unit.level !== "RESIDENTIAL_GROUP") fail("unit_code", say(locale, "importRows.teamLevel", { code: unit.code }));
    const parsed = teamSchema.safeParse({ name: values.name, foundedOn: values.founded_on ? isoDateOf(values.founded_on) : "", foundingDecision: values.decision });
    if (!parsed.success) for (const problem of parsed.error.issues) fail(COLUMN_OF_FIELD[String(problem.path[0])] ?? "", issueMessage(problem, locale));
    if (!ok || !unit || !parsed.success) continue;
    lineOfCode.set(code, line);
    const existing = known.get(code);
    if (existing && existing.unitId !== unit.id) {
      issue("unit_code", say(locale, "importRows.teamElsewhere", { code }));
      continue;
    }
    if (!existing) {
      // One active team per unit: another team there already, or two new rows for the same unit.
      const other = activeAt.get(unit.id);
      if (other) {
        issue("unit_code", say(locale, "importRows.teamExists", { code: unit.code, team: other }));
        continue;
      }
      if (lineOfNewUnit.has(unit.id)) {
        issue("unit_code", say(locale, "importRows.teamTwice", { code: unit.code, line: lineOfNewUnit.get(unit.id)! }));
        continue;
      }
      lineOfNewUnit.set(unit.id, line);
    }
    planned.push({
      line,
      code,
      unitId: unit.id,
      ...parsed.data,
      existingId: existing?.id ?? null,
      before: existing ? { name: existing.name, foundedOn: dayOf(existing.foundedOn), foundingDecision: existing.foundingDecision } : null,
    });
  }
  if (errors.length > 0) {
    if (outside.size > 0) await writeAuditLog(db, actor, { action: "auth.denied", entityType: "operation", entityId: "teams.write", after: { import: [...outside].slice(0, 50) } });
    errors.sort((a, b) => a.line - b.line);
    return { ok: false, status: outside.size > 0 ? 403 : 400, message: say(locale, "importRows.errorsNothingSaved", { count: errors.length }), errors, preview };
  }
  const same = (team: PlannedTeam) => team.before !== null && team.before.name === team.name && team.before.foundedOn === team.foundedOn && team.before.foundingDecision === team.foundingDecision;
  const added = planned.filter((team) => team.existingId === null);
  const updated = planned.filter((team) => team.existingId !== null && !same(team));
  const summary = { rows: planned.length, added: added.length, updated: updated.length, unchanged: planned.length - added.length - updated.length, preview };
  if (!options.commit) return { ok: true, committed: false, ...summary };
  try {
    await db.$transaction(async (tx) => {
      for (const team of added) {
        const created = await tx.team.create({
          data: { code: team.code, unitId: team.unitId, name: team.name, foundedOn: team.foundedOn ? new Date(team.foundedOn) : null, foundingDecision: team.foundingDecision },
          select: { id: true },
        });
        await writeAuditLog(tx, actor, { action: "teams.import", entityType: "team", entityId: team.code, unitId: team.unitId, after: { name: team.name, foundedOn: team.foundedOn, foundingDecision: team.foundingDecision, id: created.id } });
      }
      for (const team of updated) {
        await tx.team.update({ where: { id: team.existingId! }, data: { name: team.name, foundedOn: team.foundedOn ? new Date(team.foundedOn) : null, foundingDecision: team.foundingDecision } });
        await writeAuditLog(tx, actor, { action: "teams.import", entityType: "team", entityId: team.code, unitId: team.unitId, before: team.before!, after: { name: team.name, foundedOn: team.foundedOn, foundingDecision: team.foundingDecision } });
      }
    });
  } catch (error) {
    // A team created meanwhile at one of the units, or a code taken meanwhile: nothing of the file was written.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", "importRows.teamRace");
    throw error;
  }
  return { ok: true, committed: true, ...summary };
}
