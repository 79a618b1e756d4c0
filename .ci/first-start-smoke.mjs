#!/usr/bin/env node
// The README's first command, the way a newcomer runs it: a fresh clone of the
// committed tree (no node_modules, no build, no .data, no DATABASE_URL) in a
// folder whose parent has mode 700 (as root's home, or anything mktemp -d
// makes), then `npm install && npm start`. It waits for the ready line, signs
// in as bcd.haichau over HTTP, opens /dashboard with no period and looks for a
// percentage on a card; then presses Ctrl-C (SIGINT to the process group),
// checks that PostgreSQL has stopped, and starts again on the same data.
// Prints how long the install, the first and the second start took.
//
//   node .ci/first-start-smoke.mjs [repository]   (default: this checkout)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repository = process.argv[2] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const README_COMMAND = "npm install && npm start";
const PORT = 3000;
const DB_PORT = 54329;
const USER = "bcd.haichau";
const PASSWORD = "ChuyenDoiSo@2026";
const FIRST_START_LIMIT_MS = 15 * 60_000;

// Written synchronously: output to a pipe is asynchronous in Node, and process.exit would cut it.
const say = (text) => writeSync(1, `[smoke] ${text}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** What must be undone however the smoke test ends: the running command and the folders it made. */
const cleanups = [];
function cleanUp() {
  while (cleanups.length) {
    try {
      cleanups.pop()();
    } catch {
      // Best effort: the next one still runs.
    }
  }
}
function fail(text, log) {
  writeSync(2, `[smoke] FAILED: ${text}\n`);
  if (log) writeSync(2, `[smoke] the last lines it printed:\n${log.split("\n").slice(-40).join("\n")}\n`);
  cleanUp();
  process.exit(1);
}

const portInUse = (port) =>
  new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

for (const port of [PORT, DB_PORT]) if (await portInUse(port)) fail(`port ${port} is already in use; the README's command needs it`);

// mktemp -d's mode: 700, as root's home on most servers.
const parent = mkdtempSync(path.join(os.tmpdir(), "tcns-newcomer-"));
cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
if ((statSync(parent).mode & 0o777) !== 0o700) fail(`expected a mode-700 parent, got ${(statSync(parent).mode & 0o777).toString(8)}`);
const project = path.join(parent, "to-cong-nghe-so");
const clone = spawnSync("git", ["clone", "--quiet", repository, project], { stdio: "inherit" });
if (clone.status !== 0) fail("git clone failed");
say(`fresh clone of ${repository} in ${project} (parent mode 700), as ${os.userInfo().username}`);

// The newcomer's environment: none of the project's own settings.
const env = { ...process.env };
for (const name of ["DATABASE_URL", "DATA_DIR", "PORT", "EMBEDDED_DB_PORT", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "NODE_OPTIONS", "TCNS_RUNTIME_DIR"]) delete env[name];

/** Runs a shell command line in its own process group (as a terminal would), collecting what it prints. */
function run(commandLine) {
  const child = spawn("sh", ["-c", commandLine], { cwd: project, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const state = { child, log: "", exited: null };
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      state.log += chunk.toString();
      process.stdout.write(chunk.toString().replace(/^/gm, "  | "));
    });
  }
  child.on("exit", (code, signal) => (state.exited = { code, signal }));
  // On failure: stop it as Ctrl-C would, then make sure (the app and PostgreSQL are in its process group).
  cleanups.push(() => {
    if (state.exited) return;
    try {
      process.kill(-child.pid, "SIGINT");
      spawnSync("sleep", ["10"]);
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  });
  return state;
}

async function waitFor(state, predicate, limitMs, what) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (predicate(state.log)) return;
    if (state.exited) fail(`${what}: the command ended (exit ${state.exited.code ?? state.exited.signal}) before it was ready`, state.log);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  fail(`${what}: not ready within ${seconds(limitMs)}`, state.log);
}

/** Ctrl-C: SIGINT to the whole process group, then wait for the command to end. */
async function pressCtrlC(state) {
  process.kill(-state.child.pid, "SIGINT");
  const deadline = Date.now() + 60_000;
  while (!state.exited && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (!state.exited) fail("npm start did not stop within 60 s of Ctrl-C", state.log);
}

/** The cluster's folder, from the start-up line that says where the data is. */
function dataFolder(log) {
  const match = /Data in: (\S+)\s*$/m.exec(log) ?? /database lives in (\S+?)(?: and |\.\s*$)/m.exec(log);
  return match ? match[1] : null;
}

async function signIn(baseUrl) {
  const jar = new Map();
  const keep = (response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl, cookie: header() },
    body: new URLSearchParams({ csrfToken, username: USER, password: PASSWORD, json: "true" }).toString(),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) fail(`could not sign in as ${USER} (HTTP ${response.status})`);
  return header();
}

async function checkDashboard(baseUrl) {
  const cookie = await signIn(baseUrl);
  const response = await fetch(`${baseUrl}/dashboard`, { headers: { cookie } });
  const html = await response.text();
  if (response.status !== 200) fail(`/dashboard answered HTTP ${response.status}`);
  // The card's own rate ("41,2%" in large type, not its target); the empty state says there are no figures this period.
  const start = html.indexOf('data-testid="card-DIGITAL_SIGNATURE_RATE"');
  const end = html.indexOf('data-testid="card-', start + 1);
  const card = start < 0 ? null : /text-3xl[^>]*>(\d{1,3}(?:,\d)?%)</.exec(html.slice(start, end > start ? end : start + 3000));
  if (!card) fail("the dashboard shows no percentage on the digital-signature card (empty demo?)");
  if (html.includes("Chưa có số liệu nào cho")) fail("the dashboard shows the empty-state banner");
  const month = /Tháng \d{1,2}\/\d{4}/.exec(html)?.[0] ?? "?";
  say(`/dashboard of ${USER}: ${month}, digital signatures ${card[1]}`);
}

function postgresStopped(folder) {
  const pidFile = path.join(folder, "postmaster.pid");
  if (!existsSync(pidFile)) return true;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

let folder = null;
try {
  const baseUrl = `http://localhost:${PORT}`;
  const started = Date.now();
  say(`first start: ${README_COMMAND}`);
  const first = run(README_COMMAND);
  await waitFor(first, (log) => /added \d+ packages|up to date/.test(log), 10 * 60_000, "npm install");
  const installed = Date.now();
  await waitFor(first, (log) => log.includes("Sẵn sàng sau"), FIRST_START_LIMIT_MS, "first start");
  const ready = Date.now();
  folder = dataFolder(first.log);
  if (!folder) fail("the start-up lines do not say where the data is", first.log);
  // A cluster that had to live outside the project (see lib/postgres-user.mjs) goes with it.
  if (!folder.startsWith(parent)) cleanups.unshift(() => rmSync(path.dirname(folder), { recursive: true, force: true }));
  await checkDashboard(baseUrl);
  await pressCtrlC(first);
  if (first.exited.code !== 0 && first.exited.signal !== "SIGINT") fail(`npm start ended with exit ${first.exited.code} after Ctrl-C`, first.log);
  if (!postgresStopped(folder)) fail(`PostgreSQL still runs on ${folder} after Ctrl-C`);
  if (await portInUse(DB_PORT)) fail(`something still listens on ${DB_PORT} after Ctrl-C`);
  say("Ctrl-C stopped the app and PostgreSQL");

  const againStarted = Date.now();
  const second = run("npm start");
  await waitFor(second, (log) => log.includes("Sẵn sàng sau"), 5 * 60_000, "second start");
  const againReady = Date.now();
  if (second.log.includes("Đã nạp dữ liệu mẫu")) fail("the second start seeded the demo again", second.log);
  if (dataFolder(second.log) !== folder) fail(`the second start used other data (${dataFolder(second.log)}, not ${folder})`, second.log);
  await checkDashboard(baseUrl);
  await pressCtrlC(second);
  if (!postgresStopped(folder)) fail(`PostgreSQL still runs on ${folder} after the second Ctrl-C`);

  say(`install ${seconds(installed - started)}, first start (build, database, seed) ${seconds(ready - installed)}, second start ${seconds(againReady - againStarted)}`);
  say("passed");
} finally {
  cleanUp();
}
