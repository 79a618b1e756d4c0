/**
 * A PostgreSQL that a test may stop and start again (tests/setup/pg-cluster.mjs
 * in a child process), with one database, `app`, for the app under test.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";

const SCRIPT = path.resolve(__dirname, "../../setup/pg-cluster.mjs");

export interface OwnCluster {
  url: string;
  stop: () => Promise<void>;
}

export async function startOwnCluster(dataDir: string, port: number): Promise<OwnCluster> {
  const child = spawn(process.execPath, [SCRIPT, dataDir, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the test's PostgreSQL exited (${code}) before it was ready`)));
  });
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/app`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    },
  };
}
