/**
 * Whether this machine is quiet enough to measure on. Lighthouse's simulated
 * throttling multiplies the page's real CPU time: on these 2 cores a
 * near-empty page scored 80 while a test suite ran and 90–97 when nothing else
 * did. A figure measured under load is not the floor of anything, so the
 * benches that time pages say why the machine is busy and refuse (or mark
 * what they measure, when asked to go on).
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

/** One-minute load average below which the machine counts as quiet (PostgreSQL and the other services idle at 0.1–0.5). */
export const QUIET_LOAD = 1.0;

/** Programs that share the cores with a measurement: browsers, test runners, Next servers and builds, other benches. */
const BUSY_PROGRAMS: [RegExp, string][] = [
  [/chrom(e|ium)/i, "Chromium"],
  [/\bjest\b/, "a Jest test run"],
  [/\bnext\b.*\b(start|dev|build)\b/, "a Next.js server or build"],
  [/tests\/bench\//, "another benchmark"],
  [/lib\/cli\/start\.ts/, "npm start"],
  [/\.ci\/run|first-start-smoke/, "a CI run"],
];

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** This process and the ones that started it (npm, the shell, tsx): not "something else running". */
function ownLineage(): Set<number> {
  const own = new Set<number>();
  for (let pid: number | null = process.pid; pid && pid > 1 && !own.has(pid); pid = parentOf(pid)) own.add(pid);
  return own;
}

/** What makes the machine busy now, in words; empty when it is quiet. */
export function busyReasons(): string[] {
  const reasons: string[] = [];
  const [load] = os.loadavg();
  if (load > QUIET_LOAD) reasons.push(`load average ${load.toFixed(2)} over the last minute (quiet: ≤ ${QUIET_LOAD})`);
  const own = ownLineage();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return reasons; // not Linux: the load average is all there is to go by
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    const pid = Number(entry);
    if (own.has(pid)) continue;
    let command = "";
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    } catch {
      continue;
    }
    for (const [pattern, what] of BUSY_PROGRAMS) {
      if (pattern.test(command) && !seen.has(what)) {
        seen.add(what);
        reasons.push(`${what} is running (pid ${pid}: ${command.slice(0, 80)})`);
      }
    }
  }
  return reasons;
}

/**
 * Waits up to `seconds` for the machine to become quiet. Returns the reasons it
 * is still busy (empty: go ahead).
 */
export async function waitForQuiet(seconds: number, log: (line: string) => void = console.log): Promise<string[]> {
  const deadline = Date.now() + seconds * 1000;
  let reasons = busyReasons();
  if (reasons.length > 0) log(`  the machine is busy; waiting up to ${seconds} s for it to settle:\n    ${reasons.join("\n    ")}`);
  while (reasons.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    reasons = busyReasons();
  }
  return reasons;
}
