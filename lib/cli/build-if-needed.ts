/** Builds the app for production when there is no build or the sources are newer; used by the browser tests. */
import { spawnSync } from "node:child_process";
import { needsBuild, nextBinary, PROJECT_ROOT } from "./build-state";

if (needsBuild()) {
  const build = spawnSync(process.execPath, [nextBinary(), "build"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.exit(build.status ?? 1);
}
