/**
 * The backup file: gzip of plain lines, readable with zcat.
 *
 *   TCNS-BACKUP 1 {"createdAt": …, "migrations": […]}
 *   TABLE {"name": …, "columns": […]}
 *   …the rows, in PostgreSQL's COPY text format…
 *   \.
 *   (one TABLE section per table, parents first)
 *   END {"rows": {"table": count, …}}
 *
 * COPY's text format escapes newlines and backslashes inside values, so a
 * line that is exactly "\." can only be a section's end; the END line with
 * its counts tells a complete file from one cut short.
 */
export const MAGIC = "TCNS-BACKUP";
export const FORMAT_VERSION = 1;
export const SECTION_END = "\\.";

export interface BackupHeader {
  createdAt: string;
  migrations: string[];
}

export interface BackupSummary {
  file: string;
  migrations: string[];
  rows: Record<string, number>;
}

/** A backup that cannot be used as it is: the message says why, in Vietnamese then English. */
export class BackupError extends Error {}

export const totalRows = (rows: Record<string, number>) => Object.values(rows).reduce((sum, count) => sum + count, 0);
