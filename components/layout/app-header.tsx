import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/policy";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageSwitch } from "./language-switch";
import { MenuFold } from "./menu-fold";

/**
 * The links a role has, then the account. On a wide screen they sit in one
 * bar; on a phone they fold under one "Menu" button (a plain <details>, so it
 * opens without JavaScript), and the page starts right below a one-line header.
 */
export async function AppHeader({ user }: { user: SessionUser }) {
  const t = await getTranslations("nav");
  const app = await getTranslations("app");
  const roles = await getTranslations("roles");
  const links = [
    { href: "/dashboard", label: t("dashboard") },
    { href: "/", label: t("units") },
    { href: "/search", label: t("search") },
  ];
  if (roleAllows(user.role, "values.ward")) links.push({ href: "/import", label: t("importValues") });
  // Team leaders keep only member lists; the figures import page links to the members import for the others.
  else if (roleAllows(user.role, "members.write")) links.push({ href: "/import/members", label: t("importMembers") });
  if (roleAllows(user.role, "users.manage")) links.push({ href: "/admin/users", label: t("users") });
  if (roleAllows(user.role, "units.import")) links.push({ href: "/admin/units/import", label: t("importUnits") });
  if (roleAllows(user.role, "units.reorganise")) links.push({ href: "/admin/reorganise", label: t("reorganise") });
  if (roleAllows(user.role, "audit.read")) links.push({ href: "/admin/audit", label: t("audit") });
  links.push({ href: "/help", label: t("help") });

  const navigation = (layout: string) => (
    <nav aria-label={t("mainNavigation")} className={layout}>
      {links.map((link) => (
        <Link key={link.href} href={link.href} className="flex min-h-11 items-center rounded px-2 hover:bg-white/10">
          {link.label}
        </Link>
      ))}
    </nav>
  );
  const account = (layout: string) => (
    <div className={layout}>
      <span>
        {t("signedInAs", { name: user.fullName })} · {roles(user.role)}
      </span>
      <Link href="/change-password" className="flex min-h-11 items-center underline-offset-2 hover:underline">{t("changePassword")}</Link>
      <LanguageSwitch />
      <SignOutButton label={t("signOut")} />
    </div>
  );

  return (
    <header className="relative bg-brand-900 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2 md:gap-x-4 md:py-3">
        <Link href="/" className="font-bold md:text-lg">
          {app("name")}
        </Link>
        {navigation("hidden flex-wrap gap-1 md:flex")}
        {account("ml-auto hidden flex-wrap items-center gap-2 text-sm md:flex")}
        <MenuFold label={t("menu")} className="ml-auto md:hidden">
          <div className="absolute inset-x-0 top-full z-20 space-y-3 border-t border-white/20 bg-brand-900 px-4 pb-4 pt-2 shadow-lg">
            {navigation("grid grid-cols-2 gap-1")}
            {account("flex flex-wrap items-center gap-2 border-t border-white/20 pt-3 text-sm")}
          </div>
        </MenuFold>
      </div>
    </header>
  );
}
