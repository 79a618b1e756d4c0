// Once before the browser tests: a production build, made only when missing or
// stale. Here and not in each test file, so that parallel files never build at once.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export default async function e2eGlobalSetup() {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
  execFileSync(process.execPath, [tsxCli, "--conditions=react-server", "lib/cli/build-if-needed.ts"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}
