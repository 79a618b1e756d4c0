/** Every db test file runs against its own fresh database, reached through lib/db like the app does. */
import { disconnectDb, connectDatabase } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "./test-database";

let database: TestDatabase | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  connectDatabase(database.url);
});

afterAll(async () => {
  await disconnectDb();
  await database?.drop();
});

/** The URL of this file's database, for tests that need a second connection. */
export function currentDatabaseUrl(): string {
  if (!database) throw new Error("no test database yet");
  return database.url;
}
