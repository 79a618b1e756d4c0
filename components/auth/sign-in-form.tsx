"use client";

import { useState } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { signInWithCredentials } from "./auth-requests";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignInForm() {
  const t = useTranslations("signIn");
  const format = useFormatter();
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // False in the server's HTML, true once the script runs: until then a native
  // submit would post the password nowhere useful, so the button stays off.
  const ready = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      setError(t("required"));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signInWithCredentials(username, password);
      if (result.ok) {
        // Only same-site paths: an open redirect would let a phishing link bounce users elsewhere.
        const next = searchParams.get("callbackUrl");
        router.replace(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
        router.refresh();
        return;
      }
      // The server says when a throttled account may try again.
      const throttledUntil = result.error?.startsWith("THROTTLED:") ? new Date(result.error.slice("THROTTLED:".length)) : null;
      setError(
        throttledUntil && !Number.isNaN(throttledUntil.getTime())
          ? t("throttled", { time: format.dateTime(throttledUntil, { hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit" }) })
          : t("failed"),
      );
    } catch {
      setError(t("offline"));
    }
    setPending(false);
  }

  return (
    <form id="sign-in-form" onSubmit={onSubmit} method="post" noValidate className="space-y-4">
      <TextField id="username" label={t("username")} autoComplete="username" autoCapitalize="none" spellCheck={false} required />
      <TextField id="password" label={t("password")} type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || !ready}
        className="min-h-12 w-full rounded-md bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
