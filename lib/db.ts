/**
 * The single PrismaClient. Created on first use, not at import, so that
 * `next build` and modules that merely import lib/ never open a connection.
 * Only the data-access layer (lib/), the seed and tests import this module.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { requireDatabaseUrl } from "./env";
import { markDatabaseDown } from "./http/database-health";

export { Prisma } from "./generated/prisma/client";
export type { PrismaClient };

const holder = globalThis as unknown as { __tcnsPrisma?: PrismaClient; __tcnsDatabaseUrl?: string };

/**
 * Ten connections per process: on two cores more would only queue inside
 * PostgreSQL. A new connection that takes over 5 s fails instead of hanging
 * the request; a connection that breaks tells the health check at once.
 */
export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString, max: poolSize, connectionTimeoutMillis: 5000 },
    { onPoolError: markDatabaseDown, onConnectionError: markDatabaseDown },
  );
  return new PrismaClient({ adapter });
}

/** Points the shared client at a database chosen at run time (command-line tools, tests, the benchmark's 20 writers). */
export function connectDatabase(url: string, poolSize = 10): void {
  const key = `${poolSize} ${url}`;
  if (holder.__tcnsDatabaseUrl === key && holder.__tcnsPrisma) return;
  void holder.__tcnsPrisma?.$disconnect();
  holder.__tcnsDatabaseUrl = key;
  holder.__tcnsPrisma = createPrismaClient(url, poolSize);
}

function client(): PrismaClient {
  if (!holder.__tcnsPrisma) connectDatabase(requireDatabaseUrl());
  return holder.__tcnsPrisma!;
}

/** Identifies the database the shared client points at: in-process caches of read-only catalogues are kept per database. */
export function databaseKey(): string {
  return holder.__tcnsDatabaseUrl ?? requireDatabaseUrl();
}

export async function disconnectDb(): Promise<void> {
  await holder.__tcnsPrisma?.$disconnect();
  holder.__tcnsPrisma = undefined;
  holder.__tcnsDatabaseUrl = undefined;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});
