import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { SignInThrottledError, THROTTLE_WINDOW_MS } from "@/lib/auth/sign-in-throttle";

const PASSWORD = "Mật khẩu đúng 2026";

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await db.user.createMany({
    data: ["canbo.a", "canbo.b", "canbo.khoa"].map((username) => ({ username, fullName: "Cán Bộ", role: "WARD_OFFICIAL" as const, passwordHash })),
  });
  await db.user.update({ where: { username: "canbo.khoa" }, data: { active: false } });
});

describe("signing in", () => {
  it("accepts the right password, in any letter case of the username, and records it", async () => {
    await expect(authenticate("  CANBO.A ", PASSWORD, "10.0.0.1")).resolves.toMatchObject({ name: "Cán Bộ", sessionVersion: 0 });
    expect(await db.auditLog.count({ where: { action: "auth.sign_in", actorName: "canbo.a" } })).toBe(1);
  });

  it("refuses a deactivated account even with the right password", async () => {
    await expect(authenticate("canbo.khoa", PASSWORD, "10.0.0.9")).resolves.toBeNull();
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "auth.sign_in_failed", actorName: "canbo.khoa" } });
    expect(entry.reason).toMatch(/inactive/);
  });

  it("refuses the sixth attempt after five wrong passwords, even with the right one, and says until when", async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await expect(authenticate("canbo.b", `sai ${attempt}`, "10.0.0.2")).resolves.toBeNull();
    }
    const firstFailure = (await db.signInAttempt.findFirstOrThrow({ where: { username: "canbo.b", success: false }, orderBy: { at: "asc" } })).at;
    const refusal = await authenticate("canbo.b", PASSWORD, "10.0.0.3").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SignInThrottledError);
    expect((refusal as SignInThrottledError).retryAt.getTime()).toBe(firstFailure.getTime() + THROTTLE_WINDOW_MS);
    expect(await db.auditLog.count({ where: { action: "auth.sign_in_throttled", actorName: "canbo.b" } })).toBe(1);
    // Other accounts are not affected.
    await expect(authenticate("canbo.a", PASSWORD, "10.0.0.3")).resolves.not.toBeNull();
  });

  it("lets the account try again once the fifteen minutes have passed", async () => {
    await db.$executeRaw`UPDATE sign_in_attempt SET at = at - interval '16 minutes' WHERE username = 'canbo.b'`;
    await expect(authenticate("canbo.b", PASSWORD, "10.0.0.2")).resolves.not.toBeNull();
  });

  it("limits one address guessing across many accounts", async () => {
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      await expect(authenticate(`khong.ton.tai.${attempt}`, "sai", "10.0.0.66")).resolves.toBeNull();
    }
    await expect(authenticate("canbo.a", PASSWORD, "10.0.0.66")).rejects.toBeInstanceOf(SignInThrottledError);
    await expect(authenticate("canbo.a", PASSWORD, "10.0.0.67")).resolves.not.toBeNull();
  });

  it("answers an unknown username like a wrong password, without a crash on odd input", async () => {
    await expect(authenticate("khong.co.ai", PASSWORD, "10.0.0.5")).resolves.toBeNull();
    await expect(authenticate(undefined, PASSWORD)).resolves.toBeNull();
    await expect(authenticate("canbo.a", { toString: () => PASSWORD })).resolves.toBeNull();
    await expect(authenticate("x".repeat(10_000), "y".repeat(10_000), "10.0.0.5")).resolves.toBeNull();
  });
});
