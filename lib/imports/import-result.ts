/** What every bulk import answers: a preview of the first rows, and every error by row and column, or a summary. */
export interface ImportIssue {
  /** The line number a user sees in their spreadsheet (the header is line 1). */
  line: number;
  /** The file's own column name; empty when the error concerns the whole row. */
  column: string;
  message: string;
}

/** A row as it stands in the file, for the preview table. */
export interface PreviewRow {
  line: number;
  values: Record<string, string>;
}

export const PREVIEW_ROWS = 20;

export function previewOf(rows: { line: number; values: Record<string, string> }[]): PreviewRow[] {
  return rows.slice(0, PREVIEW_ROWS).map(({ line, values }) => ({ line, values }));
}

export type ImportRefusal = { ok: false; status?: 400 | 403; message: string; errors: ImportIssue[]; preview: PreviewRow[] };
