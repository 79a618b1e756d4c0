/**
 * Bulk import of team members (team_code,full_name,role,affiliation,birth_year,
 * gender,phone,trained_on) from CSV or XLSX. A row names a member by team and
 * name: an existing member of that team with the same name is updated, anyone
 * else is added. Every row is checked with the same rules as the registry form;
 * nothing is written while any row has an error. The commit locks the teams it
 * touches and plans again under the lock, so a colleague's edit in between is
 * never overwritten by a stale plan. Re-importing the same file changes nothing.
 */
import { db } from "../db";
import { AppError } from "../errors";
import { roleAllows } from "../auth/policy";
import { unitsInScope, type Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { memberSnapshot, type AuditedMember } from "../teams/member-snapshot";
import { memberSchema, type MemberInput } from "../schemas/member";
import type { Prisma } from "../generated/prisma/client";
import { readTable } from "./read-table";
import { COLUMN_OF_FIELD, MEMBER_COLUMNS, memberInputOf, memberKey, type MemberColumn } from "./member-columns";
import { previewOf, type ImportIssue, type ImportRefusal, type PreviewRow } from "./import-result";
import { languageOf, say } from "../i18n/translate";
import type { Locale } from "../format";
import { issueMessage } from "../schemas/user";

export type MemberImportResult =
  | { ok: true; committed: boolean; rows: number; added: number; updated: number; unchanged: number; teams: number; preview: PreviewRow[] }
  | ImportRefusal;

type Client = Prisma.TransactionClient | typeof db;

interface CheckedRow {
  line: number;
  teamId: number;
  teamCode: string;
  unitId: number;
  member: MemberInput;
}

interface StoredMember extends AuditedMember {
  id: number;
}

type Change = { kind: "add"; row: CheckedRow } | { kind: "update"; row: CheckedRow; stored: StoredMember };

const MEMBER_SELECT = { id: true, teamId: true, fullName: true, role: true, affiliation: true, birthYear: true, gender: true, phone: true, trainedOn: true, active: true } as const;


const fromInput = (row: CheckedRow) => ({
  ...row.member,
  trainedOn: row.member.trainedOn ? new Date(row.member.trainedOn) : null,
  teamId: row.teamId,
  active: true,
});

function differs(stored: StoredMember, row: CheckedRow): boolean {
  return JSON.stringify(memberSnapshot(stored)) !== JSON.stringify(memberSnapshot(fromInput(row)));
}

/** Checks every row against the rules, the scope and the teams; no database write. */
async function checkRows(actor: Actor, rows: { line: number; values: Record<MemberColumn, string>; hasExtraCells: boolean }[], now: Date) {
  const teamCodes = [...new Set(rows.map((row) => row.values.team_code))];
  const teams = new Map(
    (await db.team.findMany({ where: { code: { in: teamCodes } }, select: { id: true, code: true, unitId: true, active: true } })).map((team) => [team.code, team]),
  );
  const unitsAllowed = await unitsInScope(actor, [...teams.values()].map((team) => team.unitId));
  // A team leader keeps only their own team's list (members.write, scope "team").
  const mayWrite = (team: { id: number; unitId: number }) => (actor.role === "TEAM_LEADER" ? actor.teamId === team.id : unitsAllowed.has(team.unitId));
  const schema = memberSchema(now);
  const locale = languageOf(actor);

  const errors: ImportIssue[] = [];
  const checked: CheckedRow[] = [];
  const outside = new Set<string>();
  const firstLine = new Map<string, number>();
  for (const { line, values, hasExtraCells } of rows) {
    if (hasExtraCells) {
      errors.push({ line, column: "", message: say(locale, "importRows.extraCellsName") });
      continue;
    }
    const team = teams.get(values.team_code);
    let ok = true;
    if (!values.team_code) {
      errors.push({ line, column: "team_code", message: say(locale, "importRows.teamMissing") });
      ok = false;
    } else if (!team) {
      errors.push({ line, column: "team_code", message: say(locale, "importRows.teamUnknown", { code: values.team_code }) });
      ok = false;
    } else if (!mayWrite(team)) {
      errors.push({ line, column: "team_code", message: say(locale, "importRows.teamOutside", { code: values.team_code }) });
      outside.add(team.code);
      ok = false;
    } else if (!team.active) {
      errors.push({ line, column: "team_code", message: say(locale, "importRows.teamInactive", { code: values.team_code }) });
      ok = false;
    }
    const parsed = schema.safeParse(memberInputOf(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line, column: COLUMN_OF_FIELD[String(issue.path[0])] ?? "", message: issueMessage(issue, locale) });
      ok = false;
    }
    if (!ok || !team || !parsed.success) continue;
    const key = memberKey(team.id, parsed.data.fullName);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      errors.push({ line, column: "full_name", message: say(locale, "importRows.duplicateMember", { line: earlier, name: parsed.data.fullName }) });
      continue;
    }
    firstLine.set(key, line);
    checked.push({ line, teamId: team.id, teamCode: team.code, unitId: team.unitId, member: parsed.data });
  }
  return { errors, checked, outside };
}

/**
 * Matches the rows with the stored members of their teams and checks what
 * depends on the stored list: a name held by two members, one leader per team.
 */
async function plan(client: Client, rows: CheckedRow[], locale: Locale): Promise<{ errors: ImportIssue[]; changes: Change[]; unchanged: number }> {
  const teamIds = [...new Set(rows.map((row) => row.teamId))];
  const stored: StoredMember[] = await client.teamMember.findMany({ where: { teamId: { in: teamIds } }, select: MEMBER_SELECT });
  const byKey = new Map<string, StoredMember[]>();
  for (const member of stored) {
    const key = memberKey(member.teamId, member.fullName);
    byKey.set(key, [...(byKey.get(key) ?? []), member]);
  }
  const errors: ImportIssue[] = [];
  const changes: Change[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const matches = byKey.get(memberKey(row.teamId, row.member.fullName)) ?? [];
    if (matches.length > 1) {
      errors.push({ line: row.line, column: "full_name", message: say(locale, "importRows.namesakes", { code: row.teamCode, count: matches.length, name: row.member.fullName }) });
    } else if (matches.length === 0) changes.push({ kind: "add", row });
    else if (differs(matches[0], row)) changes.push({ kind: "update", row, stored: matches[0] });
    else unchanged += 1;
  }

  // One active leader per team, counting the stored list as the file leaves it.
  const touched = new Set(changes.filter((change) => change.kind === "update").map((change) => (change as { stored: StoredMember }).stored.id));
  for (const teamId of teamIds) {
    const leaders = [
      ...stored.filter((member) => member.teamId === teamId && member.active && member.role === "LEADER" && !touched.has(member.id)).map((member) => ({ name: member.fullName, line: null as number | null })),
      ...changes.filter((change) => change.row.teamId === teamId && change.row.member.role === "LEADER").map((change) => ({ name: change.row.member.fullName, line: change.row.line })),
    ];
    if (leaders.length < 2) continue;
    const names = leaders.map((leader) => leader.name).join(", ");
    for (const leader of leaders) {
      if (leader.line !== null) errors.push({ line: leader.line, column: "role", message: say(locale, "importRows.twoLeaders", { code: rows.find((row) => row.teamId === teamId)!.teamCode, count: leaders.length, names }) });
    }
  }
  return { errors, changes, unchanged };
}

async function apply(tx: Prisma.TransactionClient, actor: Actor, changes: Change[]): Promise<void> {
  const adds = changes.filter((change): change is Extract<Change, { kind: "add" }> => change.kind === "add");
  if (adds.length > 0) {
    const created = await tx.teamMember.createManyAndReturn({ data: adds.map(({ row }) => fromInput(row)), select: MEMBER_SELECT });
    await tx.auditLog.createMany({
      data: created.map((member, index) => ({
        actorId: actor.id,
        actorName: actor.username,
        action: "members.import",
        entityType: "team_member",
        entityId: String(member.id),
        unitId: adds[index].row.unitId,
        after: memberSnapshot(member),
      })),
    });
  }
  for (const change of changes) {
    if (change.kind !== "update") continue;
    const updated = await tx.teamMember.update({ where: { id: change.stored.id }, data: fromInput(change.row), select: MEMBER_SELECT });
    await writeAuditLog(tx, actor, {
      action: "members.import",
      entityType: "team_member",
      entityId: change.stored.id,
      unitId: change.row.unitId,
      before: memberSnapshot(change.stored),
      after: memberSnapshot(updated),
    });
  }
}

function refuse(errors: ImportIssue[], preview: PreviewRow[], outside: boolean, locale: Locale): ImportRefusal {
  errors.sort((a, b) => a.line - b.line);
  return { ok: false, status: outside ? 403 : 400, message: say(locale, "importRows.membersNothingSaved", { count: errors.length }), errors, preview };
}

export async function importMembers(actor: Actor, bytes: Uint8Array, options: { commit: boolean; now?: Date }): Promise<MemberImportResult> {
  if (!roleAllows(actor.role, "members.write")) throw new AppError("FORBIDDEN", "errors.membersRoleRefused");
  const locale = languageOf(actor);
  const table = await readTable(bytes, MEMBER_COLUMNS, locale);
  if (!table.ok) return { ok: false, message: table.message, errors: [], preview: [] };
  if (table.rows.length === 0) return { ok: false, message: say(locale, "importRows.membersHeaderOnly"), errors: [], preview: [] };
  const preview = previewOf(table.rows);

  const { errors, checked, outside } = await checkRows(actor, table.rows, options.now ?? new Date());
  if (outside.size > 0) {
    // Teams outside the scope are a refusal, not a typing slip: audited like any other.
    await writeAuditLog(db, actor, { action: "auth.denied", entityType: "operation", entityId: "members.write", after: { import: [...outside].slice(0, 50) } });
  }
  const planned = await plan(db, checked, locale);
  errors.push(...planned.errors);
  if (errors.length > 0) return refuse(errors, preview, outside.size > 0, locale);

  const summarise = (result: { changes: Change[]; unchanged: number }) => ({
    rows: checked.length,
    added: result.changes.filter((change) => change.kind === "add").length,
    updated: result.changes.filter((change) => change.kind === "update").length,
    unchanged: result.unchanged,
    teams: new Set(checked.map((row) => row.teamId)).size,
    preview,
  });
  if (!options.commit) return { ok: true, committed: false, ...summarise(planned) };

  const outcome = await db.$transaction(
    async (tx) => {
      const teamIds = [...new Set(checked.map((row) => row.teamId))];
      // Lock the teams, then plan again: the stored lists may have changed since the check.
      const locked = await tx.$queryRaw<{ id: number; active: boolean }[]>`SELECT id, active FROM team WHERE id = ANY(${teamIds}::int[]) ORDER BY id FOR UPDATE`;
      if (locked.some((team) => !team.active)) throw new AppError("CONFLICT", "errors.importTeamInactive");
      const again = await plan(tx, checked, locale);
      if (again.errors.length > 0) return { ok: false as const, errors: again.errors };
      await apply(tx, actor, again.changes);
      return { ok: true as const, applied: again };
    },
    { timeout: 120_000 },
  );
  if (!outcome.ok) return refuse(outcome.errors, preview, false, locale);
  return { ok: true, committed: true, ...summarise(outcome.applied) };
}
