/**
 * `npm run db:backup`: a consistent copy of the whole database while the app
 * keeps running. One read-only REPEATABLE READ transaction gives every table
 * the same snapshot, so a save that lands mid-backup is either wholly in it or
 * wholly out. Written under a temporary name and renamed at the end: a file
 * with the final name is always complete. The file holds personal data and
 * password hashes, so only its owner may read it.
 */
import { once } from "node:events";
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { createGzip } from "node:zlib";
import { Client } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { appliedMigrations, listBackupTables, quoteIdent } from "./backup-tables";
import { BackupError, FORMAT_VERSION, MAGIC, SECTION_END, type BackupSummary } from "./backup-format";

export async function writeBackup(databaseUrl: string, file: string): Promise<BackupSummary> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  const written = once(out, "finish");
  gzip.pipe(out);
  const put = async (chunk: string | Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, "drain");
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await appliedMigrations(client);
    if (migrations.length === 0) {
      throw new BackupError(
        "Cơ sở dữ liệu chưa có dữ liệu của nền tảng (chưa áp dụng migration nào): không có gì để sao lưu.\n" +
          "The database holds no platform schema yet (no migration applied): nothing to back up.",
      );
    }
    await put(`${MAGIC} ${FORMAT_VERSION} ${JSON.stringify({ createdAt: new Date().toISOString(), migrations })}\n`);
    const rows: Record<string, number> = {};
    for (const table of await listBackupTables(client)) {
      await put(`TABLE ${JSON.stringify(table)}\n`);
      const columns = table.columns.map(quoteIdent).join(", ");
      const stream = client.query(copyTo(`COPY ${quoteIdent(table.name)} (${columns}) TO STDOUT`));
      for await (const chunk of stream) await put(chunk as Buffer);
      rows[table.name] = stream.rowCount;
      await put(`${SECTION_END}\n`);
    }
    await client.query("COMMIT");
    await put(`END ${JSON.stringify({ rows })}\n`);
    gzip.end();
    await written;
    renameSync(partial, file);
    return { file, migrations, rows };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}
