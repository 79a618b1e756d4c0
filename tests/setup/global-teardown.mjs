import pg from "pg";
import { stopTestCluster } from "./global-setup.mjs";

export default async function globalTeardown() {
  const adminUrl = process.env.TCNS_TEST_ADMIN_URL;
  if (adminUrl && process.env.TEST_DATABASE_URL) {
    // On an external server, leave nothing behind.
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'tcns\\_test\\_%' OR datname = $1", [process.env.TCNS_TEST_TEMPLATE]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  await stopTestCluster();
}
