/**
 * `npm run db:restore`: puts a backup back, all or nothing.
 *
 * The schema comes from the migrations (those the backup was made with, then
 * any newer ones of this version), the rows from the file, in one transaction:
 * a file cut short, a row that does not fit or a crash midway leaves the
 * database as it was. The tables' own triggers are paused while the rows go
 * in, because the file already holds what they derive (the roll-ups, the unit
 * closure): replaying them would count every figure twice. A database that
 * already holds data is refused unless `replace` is asked for, so nothing is
 * overwritten by mistake.
 */
import { once } from "node:events";
import { createReadStream, existsSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { applyMigrations, listMigrations } from "../../prisma/schema-engine";
import { appliedMigrations, listBackupTables, quoteIdent, type BackupTable } from "./backup-tables";
import { BackupError, FORMAT_VERSION, MAGIC, SECTION_END, type BackupHeader, type BackupSummary } from "./backup-format";

export interface RestoreOptions {
  /** Empties a database that holds data before restoring into it (in the same transaction). */
  replace?: boolean;
}

export interface RestoreSummary extends BackupSummary {
  /** Migrations of this version that are newer than the backup, applied after its rows went in. */
  migratedAfter: string[];
}

/** The file's lines, unzipped as they are read; a damaged or cut gzip stream rejects the read that meets it. */
async function* lines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of gunzip) {
    const parts = (rest + decoder.write(chunk as Buffer)).split("\n");
    rest = parts.pop()!;
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

function parseHeader(line: string | undefined): BackupHeader {
  const prefix = `${MAGIC} ${FORMAT_VERSION} `;
  if (!line?.startsWith(prefix)) {
    throw new BackupError("Tệp này không phải bản sao lưu của nền tảng (dòng đầu không đúng).\nThis file is not a backup of the platform (its first line does not match).");
  }
  return JSON.parse(line.slice(prefix.length)) as BackupHeader;
}

const cutShort = () =>
  new BackupError("Tệp sao lưu bị cắt cụt hoặc hỏng: không khôi phục gì.\nThe backup file is cut short or damaged: nothing was restored.");

export async function restoreBackup(databaseUrl: string, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  if (!existsSync(file)) throw new BackupError(`Không thấy tệp sao lưu ${file}.\nThe backup file ${file} does not exist.`);
  const input = lines(file);
  let next: IteratorResult<string>;
  try {
    next = await input.next();
  } catch {
    throw new BackupError("Không đọc được tệp sao lưu (không phải tệp gzip).\nThe backup file cannot be read (not a gzip file).");
  }
  const header = parseHeader(next.done ? undefined : next.value);
  const known = (await listMigrations()).migrationDirectories.map((entry) => entry.path);
  const unknown = header.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `Bản sao lưu được tạo bởi phiên bản mới hơn (migration lạ: ${unknown.join(", ")}): hãy cập nhật nền tảng rồi khôi phục.\n` +
        `The backup was made by a newer version (unknown migrations: ${unknown.join(", ")}): update the platform first.`,
    );
  }

  await prepareSchema(databaseUrl, header.migrations);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query("BEGIN");
    const tables = await listBackupTables(client);
    await refuseOverwrite(client, tables, options.replace === true);
    for (const table of tables) await client.query(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);

    let ended: Record<string, number> | null = null;
    for (next = await input.next(); !next.done; next = await input.next()) {
      const line = next.value;
      if (line.startsWith("END ")) {
        ended = (JSON.parse(line.slice(4)) as { rows: Record<string, number> }).rows;
        break;
      }
      if (!line.startsWith("TABLE ")) throw cutShort();
      const section = JSON.parse(line.slice(6)) as BackupTable;
      if (!tables.some((table) => table.name === section.name)) throw cutShort();
      rows[section.name] = await copySection(client, section, input);
    }
    if (!ended || Object.entries(ended).some(([name, count]) => rows[name] !== count)) throw cutShort();

    for (const table of tables) await client.query(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);
    await resetSequences(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (error instanceof BackupError) throw error;
    // zlib's codes (Z_BUF_ERROR for a cut file, Z_DATA_ERROR for damage) mean the file, not the database.
    if (error instanceof Error && String((error as { code?: unknown }).code).startsWith("Z_")) throw cutShort();
    throw error;
  } finally {
    await client.end();
  }
  // Newer migrations of this version run on the restored rows, as they would have on the live database.
  const migratedAfter = await applyMigrations(databaseUrl);
  return { file, migrations: header.migrations, rows, migratedAfter };
}

/** A database without the schema gets the backup's migrations; one with the schema must be at the backup's. */
async function prepareSchema(databaseUrl: string, migrations: string[]): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let applied: string[];
  let tableCount: number;
  try {
    applied = await appliedMigrations(client);
    tableCount = Number((await client.query(`SELECT count(*) AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')`)).rows[0].n);
  } finally {
    await client.end();
  }
  if (applied.length === 0 && tableCount > 0) {
    throw new BackupError(
      "Cơ sở dữ liệu đích có bảng nhưng không phải của nền tảng: hãy khôi phục vào một cơ sở dữ liệu trống.\n" +
        "The target database holds tables that are not the platform's: restore into an empty database.",
    );
  }
  if (applied.length === 0) {
    await applyMigrations(databaseUrl, undefined, migrations);
    return;
  }
  if (applied.join() !== migrations.join()) {
    throw new BackupError(
      `Cơ sở dữ liệu đích ở phiên bản khác bản sao lưu (${applied.length} migration so với ${migrations.length}): hãy khôi phục vào một cơ sở dữ liệu trống.\n` +
        `The target database is at another version than the backup (${applied.length} migrations against ${migrations.length}): restore into an empty database.`,
    );
  }
}

/** Tables that the migrations themselves fill (the calendar of months): rows there are not anybody's data. */
const FILLED_BY_MIGRATIONS = new Set(["period"]);

/** Refuses a database holding data unless `replace`; empties every table either way (the file holds them all). */
async function refuseOverwrite(client: Client, tables: BackupTable[], replace: boolean): Promise<void> {
  const holding: string[] = [];
  for (const table of tables.filter((entry) => !FILLED_BY_MIGRATIONS.has(entry.name))) {
    const found = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table.name)}) AS any`);
    if (found.rows[0].any) holding.push(table.name);
  }
  if (holding.length > 0 && !replace) {
    throw new BackupError(
      `Cơ sở dữ liệu đích đã có dữ liệu (bảng ${holding.slice(0, 3).join(", ")}…): không ghi đè. Thêm --replace để thay toàn bộ bằng bản sao lưu.\n` +
        `The target database already holds data: nothing was overwritten. Add --replace to replace all of it with the backup.`,
    );
  }
  await client.query(`TRUNCATE ${tables.map((table) => quoteIdent(table.name)).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Streams one section's rows into its table; returns how many went in. */
async function copySection(client: Client, table: BackupTable, input: AsyncIterator<string>): Promise<number> {
  const columns = table.columns.map(quoteIdent).join(", ");
  const stream = client.query(copyFrom(`COPY ${quoteIdent(table.name)} (${columns}) FROM STDIN`));
  // A row PostgreSQL refuses ends the COPY with an error: noted here, thrown at the next line.
  let refused: Error | undefined;
  stream.on("error", (error) => (refused ??= error));
  const finished = once(stream, "finish");
  finished.catch(() => undefined);
  try {
    for (let next = await input.next(); ; next = await input.next()) {
      if (refused) throw refused;
      if (next.done) throw cutShort();
      if (next.value === SECTION_END) break;
      if (!stream.write(`${next.value}\n`)) await once(stream, "drain");
    }
  } catch (error) {
    // Tells PostgreSQL to abandon the COPY (CopyFail), so that the connection can roll back.
    stream.destroy(error as Error);
    await finished.catch(() => undefined);
    throw error;
  }
  stream.end();
  await finished;
  if (refused) throw refused;
  return stream.rowCount;
}

/** Each serial column's sequence continues after the highest restored id, so new rows never collide. */
async function resetSequences(client: Client): Promise<void> {
  const serials = await client.query<{ table_name: string; column_name: string; sequence: string }>(
    `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
     FROM information_schema.columns
     WHERE table_schema = 'public' AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
  );
  for (const row of serials.rows) {
    const column = quoteIdent(row.column_name);
    await client.query(
      `SELECT setval($1, COALESCE(max(${column}), 1), max(${column}) IS NOT NULL) FROM ${quoteIdent(row.table_name)}`,
      [row.sequence],
    );
  }
}
