/**
 * Our adapter around Prisma's Wasm schema engine.
 *
 * Why: the Prisma CLI's native schema engine is downloaded from Prisma's binary
 * host at install time, which these machines cannot reach, so `prisma migrate`
 * fails offline. The Wasm build of the same engine ships on npm; we drive it
 * through a PrismaPg driver adapter. Migrations it applies are recorded in
 * `_prisma_migrations` exactly as the CLI records them, so a machine with the
 * native engine can still run `prisma migrate deploy` on the same folder.
 *
 * The package is internal to Prisma: keep every use of it in this one module.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

type JsResult<T> = { tag: "ok"; value: T } | { tag: "error"; value: string };

interface WasmSchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  applyMigrations(params: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
}

interface EngineModule {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: {
    new: (options: unknown, callback: (log: string) => void, adapter: unknown) => Promise<WasmSchemaEngine>;
  };
}

let modulePromise: Promise<EngineModule> | undefined;
let lastPanic: string | undefined;

// The engine reports a Rust panic through this global before it throws.
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    lastPanic = message;
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("panic:", message);
  },
};

/** Instantiates the Wasm module once per process, with the package's own JS glue. */
function loadEngineModule(): Promise<EngineModule> {
  modulePromise ??= (async () => {
    const require = createRequire(__filename);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(gluePath)) as EngineModule & WebAssembly.ModuleImports;
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return modulePromise;
}

export const MIGRATIONS_DIR = path.join(__dirname, "migrations");
export const SCHEMA_PATH = path.join(__dirname, "schema.prisma");
/** The schema as of the newest migration; the next migration is the diff from it. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema-snapshot.prisma");

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * PrismaPg's executeScript splits a script on every ";", which breaks PL/pgSQL
 * function bodies and runs the pieces outside any transaction. We send each
 * migration script whole instead: PostgreSQL runs a multi-statement simple
 * query as one implicit transaction, so a failing migration leaves no half of
 * itself behind.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const internals = adapter as unknown as {
      client: { query(sql: string): Promise<unknown> };
      onError(error: unknown): never;
    };
    adapter.executeScript = async (script: string) => {
      try {
        await internals.client.query(script);
      } catch (error) {
        internals.onError(error);
      }
    };
    return adapter;
  }
}

async function withEngine<T>(
  databaseUrl: string,
  schema: string,
  run: (engine: WasmSchemaEngine) => Promise<T>,
): Promise<T> {
  const mod = await loadEngineModule();
  const logs: string[] = [];
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg(pool));
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (log: string) => logs.push(log),
    adapter,
  );
  try {
    return await run(engine);
  } catch (error) {
    const panic = lastPanic;
    lastPanic = undefined;
    const detail = process.env.DEBUG_SCHEMA_ENGINE ? `\n${logs.join("\n")}` : "";
    throw new Error(`Schema engine: ${panic ?? describeEngineError(error)}${detail}`);
  } finally {
    engine.free();
    await pool.end();
  }
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return JSON.stringify(error);
}

/**
 * SQL that turns a database of schema `from` (null = empty) into schema `to`.
 * The engine opens a connection when it starts (it reads the server version), so
 * a database must be reachable, but the diff neither reads nor changes it.
 */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  return withEngine(databaseUrl, to, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: SNAPSHOT_PATH, content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}

/** The migration folders, oldest first, as the engine wants them. */
export async function listMigrations(dir = MIGRATIONS_DIR) {
  const entries = (await readdir(dir).catch(() => [] as string[])).sort();
  const migrationDirectories = [];
  for (const name of entries) {
    const full = path.join(dir, name);
    if (!(await stat(full)).isDirectory()) continue;
    const content: JsResult<string> = await readFile(path.join(full, "migration.sql"), "utf8").then(
      (sql) => ({ tag: "ok" as const, value: sql }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    migrationDirectories.push({ path: name, migrationFile: { path: "migration.sql", content } });
  }
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent: JsResult<string> = await readFile(lockPath, "utf8").then(
    (text) => ({ tag: "ok" as const, value: text }),
    () => ({ tag: "error" as const, value: "missing" }),
  );
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent.tag === "ok" ? lockContent.value : null },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * Applies every migration not yet recorded in `_prisma_migrations`; a no-op when
 * the database is current. Returns the names of the migrations it applied.
 * `only` limits the run to those migrations: a restore first rebuilds the
 * schema its backup was made with, then brings it up to date.
 */
export async function applyMigrations(databaseUrl: string, dir = MIGRATIONS_DIR, only?: readonly string[]): Promise<string[]> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const migrationsList = await listMigrations(dir);
  if (only) migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((entry) => only.includes(entry.path));
  return withEngine(databaseUrl, schema, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}
