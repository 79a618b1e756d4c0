import { spawnSync } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { createUnits } from "../setup/create-units";
import { currentDatabaseUrl } from "../setup/database-per-file";
import { GET } from "@/app/api/v1/units/[code]/indicators/route";
import { parse as parseYaml } from "yaml";

const ROOT = path.resolve(__dirname, "../..");
let token: string;

function createToken(...args: string[]) {
  return spawnSync(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", "lib/cli/create-token.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: currentDatabaseUrl() },
    encoding: "utf8",
    timeout: 60_000,
  });
}

const get = (code: string, query: string, authorization = `Bearer ${token}`) =>
  GET(new Request(`http://localhost/api/v1/units/${encodeURIComponent(code)}/indicators?${query}`, { headers: { authorization } }), { params: Promise.resolve({ code }) });

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  const ids = await createUnits([
    ["P", "PROVINCE", "Tỉnh", null],
    ["W", "WARD", "Phường", "P", "Phường \"Bến\" Nghé"],
    ["Q", "PROVINCE", "Tỉnh", null],
  ]);
  await db.user.create({ data: { username: "bcd.p", fullName: "Ban chỉ đạo P", role: "STEERING", scopeUnitId: ids.P, passwordHash: "x" } });
});

describe("npm run token:create", () => {
  it("prints a token once for an existing account, audited as the system, and refuses an unknown one", async () => {
    const unknown = createToken("khong.co");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Không có tài khoản "khong.co"');
    const made = createToken("bcd.p", "Hệ thống tỉnh");
    expect(made.status).toBe(0);
    token = made.stdout.trim();
    expect(token).toMatch(/^tcns_[\w-]{20,}$/);
    const stored = await db.apiToken.findFirstOrThrow({ where: { user: { username: "bcd.p" } } });
    expect(stored).toMatchObject({ name: "Hệ thống tỉnh", createdBy: "system" });
    expect(stored.tokenHash).not.toContain(token.slice(5));
    expect(await db.auditLog.count({ where: { action: "tokens.issue", actorName: "system" } })).toBe(1);
  });
});

describe("the read API", () => {
  it("answers the documented shape, with null (not 0) for a ratio without data", async () => {
    const response = await get("W", "period=2026-01");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = await response.json();
    expect(body).toMatchObject({ unit: { code: "W", name: 'Phường "Bến" Nghé', level: "WARD" }, period: "2026-01" });
    expect(body.indicators.find((indicator: { code: string }) => indicator.code === "DIGITAL_SIGNATURE_RATE")).toEqual({
      code: "DIGITAL_SIGNATURE_RATE",
      name: "Tỷ lệ người trưởng thành có chữ ký số cá nhân",
      numerator: 0,
      denominator: 0,
      value: null,
      target: 0.5,
      targetUnitCode: null,
      // No figures, so no pace: said, not projected; the open-ended national target runs to the period's December.
      projection: expect.objectContaining({ state: "notEnoughHistory", value: null, neededPerMonth: null, deadline: "2026-12", deadlineFromTarget: false, windows: [] }),
    });
  });

  it.each([
    ["W", "period=2026-13", 400, /không hợp lệ/],
    ["W", "period=2099-01", 400, /chưa đến/],
    ["W", "from=2022-01&to=2026-01", 400, /tối đa 36 tháng/],
    ["W", "from=2026-05&to=2026-01", 400, /phải trước/],
    ["KHONG-CO", "period=2026-01", 404, /Không tìm thấy/],
    ["Q", "period=2026-01", 404, /Không tìm thấy/],
    ["' OR 1=1 --", "period=2026-01", 404, /Không tìm thấy/],
  ])("GET %s?%s answers %i with a message naming the rule", async (code, query, status, message) => {
    const response = await get(code, query);
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toMatch(message);
  });

  it("answers 401 without a valid token", async () => {
    const response = await get("W", "period=2026-01", "Bearer tcns_wrong");
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHORIZED");
  });
});

describe("the OpenAPI document", () => {
  it("is valid YAML, has a path for every read-API route, and names every field the API answers", async () => {
    const { readFileSync, readdirSync, statSync } = await import("node:fs");
    const document = readFileSync(path.join(ROOT, "public/openapi.yaml"), "utf8");
    const parsed = parseYaml(document) as { openapi: string; paths: Record<string, unknown> };
    expect(parsed.openapi).toMatch(/^3\./);
    const routes = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : name === "route.ts" ? [dir] : []));
    })(path.join(ROOT, "app/api/v1"));
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const dir of routes) expect(Object.keys(parsed.paths)).toContain(path.relative(path.join(ROOT, "app"), dir).replace(/^/, "/").replace(/\[(\w+)\]/g, "{$1}"));
    const body = await (await get("W", "period=2026-01")).json();
    for (const key of [...Object.keys(body), ...Object.keys(body.indicators[0]), ...Object.keys(body.unit)]) expect(document).toContain(`${key}:`);
  });
});
