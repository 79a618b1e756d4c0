/** `npm run token:create -- <username> [name]`: issues a read-API token for an account, as the system, and prints it once. */
import { SYSTEM_ACTOR } from "../audit/write-audit-log";
import { connectDatabase, db, disconnectDb } from "../db";
import { AppError } from "../errors";
import { issueApiToken } from "../api/api-tokens";
import { runCli } from "./database";

const [username, ...nameParts] = process.argv.slice(2);

void runCli(async (url) => {
  if (!username) {
    console.error("Cách dùng / Usage: npm run token:create -- <username> [tên mã / token name]");
    return 2;
  }
  connectDatabase(url);
  try {
    const user = await db.user.findUnique({ where: { username }, select: { id: true } });
    if (!user) {
      console.error(`Không có tài khoản "${username}". / No account "${username}".`);
      return 1;
    }
    const issued = await issueApiToken({ ...SYSTEM_ACTOR, role: "ADMIN", scopeUnitId: null }, user.id, nameParts.join(" ") || "Dòng lệnh / command line");
    console.error(`Mã truy cập cho ${username} (chỉ hiện một lần; gửi kèm "Authorization: Bearer <mã>"). / Token for ${username}, shown once:`);
    console.log(issued.token);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await disconnectDb();
  }
});
