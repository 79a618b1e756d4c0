import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { findFreePort } from "@/lib/ports.mjs";

const ROOT = path.resolve(__dirname, "../..");
const tsxCli = require.resolve("tsx/cli");

/** Runs `npm start`'s entry point with extra environment, as a user would. */
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [tsxCli, "--conditions=react-server", "lib/cli/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env, DATA_DIR: path.join(ROOT, ".data-test-never-created") },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm start refuses bad settings with a message that says what to do", () => {
  it("names DATABASE_URL and the rule when the URL is malformed", () => {
    const { status, output } = start({ DATABASE_URL: "mysql://localhost/tcns" });
    expect(status).toBe(1);
    expect(output).toMatch(/DATABASE_URL: phải bắt đầu bằng postgresql:\/\//);
    expect(output).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });

  it("says which port is taken and how to choose another", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const { status, output } = start({ PORT: String(port) });
      expect(status).toBe(1);
      expect(output).toContain(`Cổng ${port} đang bị chiếm`);
      expect(output).toContain("PORT=3001 npm start");
    } finally {
      server.close();
    }
  });

  it("names the rule when PORT is not a port number", () => {
    const { status, output } = start({ PORT: "abc" });
    expect(status).toBe(1);
    expect(output).toContain("PORT: phải là số cổng từ 1 đến 65535");
  });

  it("explains an unreachable external database instead of crashing", async () => {
    const port = await findFreePort();
    const { status, output } = start({ DATABASE_URL: "postgresql://nobody:secret@127.0.0.1:1/none", PORT: String(port) });
    expect(status).toBe(1);
    expect(output).toMatch(/Không kết nối được cơ sở dữ liệu trong DATABASE_URL/);
  });
});
