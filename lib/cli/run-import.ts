/** The shape every import command shares: read the file, run the import as the system, print the outcome, exit 0 or 1. */
import { readFile } from "node:fs/promises";
import { connectDatabase, disconnectDb } from "../db";
import { runCli } from "./database";

export type ImportOutcome = { ok: true; summary: string } | { ok: false; message: string; errors: { line: number; column: string; message: string }[] };

export function runImportCli(usage: string, run: (bytes: Uint8Array) => Promise<ImportOutcome>): void {
  const file = process.argv[2];
  void runCli(async (url) => {
    if (!file) {
      console.error(`Cách dùng / Usage: ${usage}`);
      return 2;
    }
    const content = await readFile(file).catch(() => null);
    if (!content) {
      console.error(`Không đọc được tệp ${file}. / Cannot read ${file}.`);
      return 2;
    }
    connectDatabase(url);
    try {
      const outcome = await run(new Uint8Array(content));
      if (outcome.ok) {
        console.log(outcome.summary);
        return 0;
      }
      console.error(outcome.message);
      for (const error of outcome.errors) console.error(`  dòng ${error.line}${error.column ? `, cột ${error.column}` : ""}: ${error.message}`);
      return 1;
    } finally {
      await disconnectDb();
    }
  });
}
