import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { changeOwnPasswordAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("changePassword");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("changePassword");
  const nav = await getTranslations("nav");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-8">
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">{t("title")}</h1>
        <p className="mb-4 text-slate-700">{user.mustChangePassword ? t("introForced") : t("intro")}</p>
        <ChangePasswordForm action={changeOwnPasswordAction} />
      </section>
      <p className="mt-4 text-center">
        <SignOutButton label={nav("signOut")} className="min-h-10 px-3 text-brand-700 underline" />
      </p>
    </main>
  );
}
