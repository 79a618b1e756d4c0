import { defineConfig } from "prisma/config";

// Read process.env directly: prisma's env() throws when the variable is unset,
// and `prisma generate` must run on a machine without a database (STACK.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
