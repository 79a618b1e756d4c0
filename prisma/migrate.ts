/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import { runCli } from "../lib/cli/database";
import { applyMigrations } from "./schema-engine";

void runCli(async (url) => {
  const applied = await applyMigrations(url);
  console.log(
    applied.length === 0
      ? "Cơ sở dữ liệu đã ở phiên bản mới nhất. / The database is up to date."
      : `Đã áp dụng / Applied: ${applied.join(", ")}`,
  );
});
