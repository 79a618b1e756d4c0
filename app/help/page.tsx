import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppHeader } from "@/components/layout/app-header";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { RoleGuide, type GuideRole } from "@/components/help/role-guide";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("help");
  return { title: t("title") };
}

const GUIDE_OF: Record<Role, GuideRole> = { ADMIN: "steering", STEERING: "steering", WARD_OFFICIAL: "ward", TEAM_LEADER: "leader" };

/** The how-to for each role, open to everyone: someone who cannot sign in needs it most. The reader's own role comes first. */
export default async function HelpPage() {
  const user = await getCurrentUser();
  const t = await getTranslations("help");
  const yours = user ? GUIDE_OF[user.role] : null;
  const order: GuideRole[] = ["steering", "ward", "leader"].sort((a, b) => Number(b === yours) - Number(a === yours)) as GuideRole[];
  return (
    <>
      {user && !user.mustChangePassword ? (
        <AppHeader user={user} />
      ) : (
        <header className="bg-brand-900 text-white">
          <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link href="/sign-in" className="flex min-h-10 items-center font-semibold underline-offset-2 hover:underline">{t("signIn")}</Link>
            <LanguageSwitch />
          </div>
        </header>
      )}
      <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <nav aria-label={t("contents")}>
          <ul className="flex flex-wrap gap-2">
            {order.map((role) => <li key={role}><RoleLink role={role} /></li>)}
            <li><a href="#trouble" className="flex min-h-10 items-center rounded-md bg-white px-3 text-brand-700 underline shadow-sm">{t("trouble.title")}</a></li>
          </ul>
        </nav>
        {order.map((role) => <RoleGuide key={role} role={role} yours={role === yours} />)}
        <section id="trouble" aria-labelledby="trouble-title" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="trouble-title" className="mb-2 text-xl font-semibold text-brand-900">{t("trouble.title")}</h2>
          <ul className="list-disc space-y-2 pl-6">
            <li>{t("trouble.password")}</li>
            <li>{t("trouble.network")}</li>
            <li>{t("trouble.refused")}</li>
            <li>{t("trouble.locked")}</li>
          </ul>
        </section>
      </main>
    </>
  );
}

async function RoleLink({ role }: { role: GuideRole }) {
  const t = await getTranslations(`help.${role}`);
  return <a href={`#${role}`} className="flex min-h-10 items-center rounded-md bg-white px-3 text-brand-700 underline shadow-sm">{t("title")}</a>;
}
