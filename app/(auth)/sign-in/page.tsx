import { Suspense } from "react";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LanguageSwitch } from "@/components/layout/language-switch";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage() {
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("signIn");
  const app = await getTranslations("app");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-8">
      <div className="mb-6 flex justify-end rounded bg-brand-900 text-white">
        <LanguageSwitch />
      </div>
      <h1 className="text-2xl font-bold text-brand-900">{app("name")}</h1>
      <p className="mb-6 text-slate-700">{app("tagline")}</p>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-1 text-xl font-semibold">{t("title")}</h2>
        <p className="mb-4 text-slate-700">{t("intro")}</p>
        <Suspense>
          <SignInForm />
        </Suspense>
      </section>
      <p className="mt-4 text-center">
        <Link href="/help" className="inline-flex min-h-10 items-center text-brand-700 underline">{t("help")}</Link>
      </p>
    </main>
  );
}
