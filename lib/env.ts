/**
 * The one place that reads process.env. Everything else asks getEnv(), so a bad
 * setting fails early with one clear message naming the variable and the rule.
 */
import path from "node:path";
import { z } from "zod";

export class ConfigError extends Error {}

/** Checks a PostgreSQL connection URL; returns a message in Vietnamese and English, or null. */
export function describeDatabaseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "không phải một địa chỉ URL / is not a URL";
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    return `phải bắt đầu bằng postgresql:// (đang là ${url.protocol}//) / must start with postgresql://`;
  }
  if (!url.hostname) return "thiếu tên máy chủ / the host is missing";
  if (url.pathname.length <= 1) return "thiếu tên cơ sở dữ liệu sau dấu / / the database name is missing";
  return null;
}

const PORT_RULE = "phải là số cổng từ 1 đến 65535 / must be a port number from 1 to 65535";
const port = (fallback: number) =>
  z.coerce.number({ error: PORT_RULE }).int(PORT_RULE).min(1, PORT_RULE).max(65535, PORT_RULE).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .optional()
    .superRefine((value, ctx) => {
      const problem = value ? describeDatabaseUrlProblem(value) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  PORT: port(3000),
  /** Port of the embedded PostgreSQL that `npm start` runs when DATABASE_URL is unset. */
  EMBEDDED_DB_PORT: port(54329),
  /** Where the embedded database and the generated auth secret live. */
  DATA_DIR: z.string().default(path.join(process.cwd(), ".data")),
  NEXTAUTH_SECRET: z.string().min(32, "cần ít nhất 32 ký tự / needs at least 32 characters").optional(),
  NEXTAUTH_URL: z.url("phải là một địa chỉ URL đầy đủ / must be a full URL").optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** The database URL the running app must have; `npm start` always provides one. */
export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new ConfigError("DATABASE_URL chưa được đặt / DATABASE_URL is not set");
  return url;
}
