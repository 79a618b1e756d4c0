/** A fresh, migrated database per test file, copied from the template that the global setup prepared. */
import { randomBytes } from "node:crypto";
import { Client } from "pg";

export interface TestDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TCNS_TEST_ADMIN_URL;
  if (!url) throw new Error("The test database was not prepared: run the suite with `npm test`.");
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A database with the migrated schema and no data; `empty: true` gives one without even the schema. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `tcns_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) =>
    client.query(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${process.env.TCNS_TEST_TEMPLATE}`),
  );
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
