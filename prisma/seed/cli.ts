/**
 * `npm run db:seed`: the catalogue and the demo data, on a database that has
 * neither. `npm run db:seed -- --no-demo` writes only the catalogue and an
 * `admin` account with a one-time password, for a real deployment.
 */
import { runCli } from "../../lib/cli/database";
import { createPrismaClient } from "../../lib/db";
import { applyMigrations } from "../schema-engine";
import { seedDatabase } from "./seed";

const demo = !process.argv.includes("--no-demo");

void runCli(async (url) => {
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  try {
    const started = Date.now();
    const result = await seedDatabase(prisma, { demo });
    if (!result.seeded) {
      console.log("Cơ sở dữ liệu đã có dữ liệu; không gieo lại. / The database already holds data; nothing seeded.");
    } else if (result.demo) {
      console.log(`Đã nạp dữ liệu mẫu trong ${Date.now() - started} ms. / Demo data seeded.`);
    } else {
      console.log(`Đã tạo danh mục và tài khoản admin, mật khẩu tạm thời: ${result.adminPassword}`);
      console.log("Catalogue and admin account created; the password must be changed at first sign-in.");
    }
  } finally {
    await prisma.$disconnect();
  }
});
