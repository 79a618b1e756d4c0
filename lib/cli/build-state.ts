/** Whether the production build is missing or older than the sources: `npm start` and the browser tests rebuild only then. */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "../..");

const SOURCES = ["app", "components", "lib", "public", "next.config.js", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

export function needsBuild(root = PROJECT_ROOT): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}

export function nextBinary(root = PROJECT_ROOT): string {
  return require.resolve("next/dist/bin/next", { paths: [root] });
}

/**
 * The app server's V8 heap limit. Uncapped, V8 on a machine with plenty of
 * RAM lets the heap grow to about 1 GB under load before collecting (measured
 * with `npm run bench:load`); capped, the same load runs as fast in about
 * 350 MB, which a small office server can spare. NODE_OPTIONS that already
 * set a limit win.
 */
export const APP_HEAP_MB = 512;

export function withAppHeapLimit(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const options = env.NODE_OPTIONS ?? "";
  if (options.includes("--max-old-space-size")) return env;
  return { ...env, NODE_OPTIONS: `${options} --max-old-space-size=${APP_HEAP_MB}`.trim() };
}
