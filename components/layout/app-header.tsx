import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/policy";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageSwitch } from "./language-switch";

export async function AppHeader({ user }: { user: SessionUser }) {
  const t = await getTranslations("nav");
  const app = await getTranslations("app");
  const roles = await getTranslations("roles");
  const links = [
    { href: "/dashboard", label: t("dashboard") },
    { href: "/", label: t("units") },
    { href: "/search", label: t("search") },
  ];
  if (roleAllows(user.role, "values.write")) links.push({ href: "/import", label: t("importValues") });
  // Team leaders keep only member lists; the figures import page links to the members import for the others.
  else if (roleAllows(user.role, "members.write")) links.push({ href: "/import/members", label: t("importMembers") });
  if (roleAllows(user.role, "users.manage")) links.push({ href: "/admin/users", label: t("users") });
  if (roleAllows(user.role, "units.import")) links.push({ href: "/admin/units/import", label: t("importUnits") });
  if (roleAllows(user.role, "units.reorganise")) links.push({ href: "/admin/reorganise", label: t("reorganise") });
  if (roleAllows(user.role, "audit.read")) links.push({ href: "/admin/audit", label: t("audit") });
  links.push({ href: "/help", label: t("help") });
  return (
    <header className="bg-brand-900 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold">
          {app("name")}
        </Link>
        <nav aria-label={t("mainNavigation")} className="flex flex-wrap gap-1">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="flex min-h-10 items-center rounded px-2 hover:bg-white/10">
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-2 text-sm">
          <span>
            {t("signedInAs", { name: user.fullName })} · {roles(user.role)}
          </span>
          <Link href="/change-password" className="flex min-h-10 items-center underline-offset-2 hover:underline">{t("changePassword")}</Link>
          <LanguageSwitch />
          <SignOutButton label={t("signOut")} />
        </div>
      </div>
    </header>
  );
}
