/**
 * What a backup holds: every table of the app's schema except the migrations
 * ledger (the restore writes that by applying the migrations themselves),
 * listed parents before children, with the columns a COPY can write (not the
 * generated ones, which PostgreSQL recomputes).
 */
import type { Client } from "pg";

export interface BackupTable {
  name: string;
  columns: string[];
}

/** The ledger that the schema engine keeps of applied migrations. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function listBackupTables(client: Client): Promise<BackupTable[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> $1
     ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const columns = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND is_generated = 'NEVER'
     ORDER BY table_name, ordinal_position`,
  );
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
     FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND child.oid <> parent.oid`,
  );
  const columnsOf = new Map<string, string[]>();
  for (const row of columns.rows) columnsOf.set(row.table_name, [...(columnsOf.get(row.table_name) ?? []), row.column_name]);
  const parentsOf = new Map<string, Set<string>>();
  for (const row of references.rows) parentsOf.set(row.child, (parentsOf.get(row.child) ?? new Set()).add(row.parent));

  // Depth-first: a table is listed after every table it references (self-references are checked per statement).
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const parent of parentsOf.get(name) ?? []) visit(parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const row of tables.rows) visit(row.name);
  return ordered.map((name) => ({ name, columns: columnsOf.get(name) ?? [] }));
}

/** Names of the migrations applied to the database, oldest first; empty when the schema was never created. */
export async function appliedMigrations(client: Client): Promise<string[]> {
  const exists = await client.query(`SELECT to_regclass($1) AS ledger`, [`public.${MIGRATIONS_TABLE}`]);
  if (!exists.rows[0].ledger) return [];
  const rows = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM ${quoteIdent(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.rows.map((row) => row.migration_name);
}
