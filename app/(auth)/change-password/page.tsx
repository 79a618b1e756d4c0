import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
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
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-8">
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">{t("title")}</h1>
        <p className="mb-4 text-slate-700">{user.mustChangePassword ? t("introForced") : t("intro")}</p>
        <ChangePasswordForm action={changeOwnPasswordAction} />
      </section>
    </main>
  );
}
