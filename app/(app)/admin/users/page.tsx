import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { ASSIGNABLE_ROLES, roleAllows } from "@/lib/auth/policy";
import { listUsers } from "@/lib/users/list-users";
import { unitDisplayName } from "@/lib/units/display-name";
import { CreateUserForm } from "@/components/users/create-user-form";
import { createUserAction } from "./actions";
import { ScrollBox } from "@/components/ui/scroll-box";

export default async function UsersPage() {
  const user = await requireUser();
  const t = await getTranslations("users");
  const roles = await getTranslations("roles");
  const format = await getFormatter();
  if (!roleAllows(user.role, "users.manage")) {
    return <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3">{t("forbidden")}</p>;
  }
  const users = await listUsers(user);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{user.role === "ADMIN" ? t("introAdmin") : t("introSteering")}</p>
      <CreateUserForm action={createUserAction} roles={ASSIGNABLE_ROLES[user.role]} />
      <ScrollBox label={t("listTitle", { count: users.length })} className="mt-6 rounded-md bg-white shadow-sm">
        <table className="w-full min-w-[40rem] text-left">
          <caption className="p-2 text-left font-semibold">{t("listTitle", { count: users.length })}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">{t("username")}</th>
              <th scope="col" className="p-2">{t("fullName")}</th>
              <th scope="col" className="p-2">{t("role")}</th>
              <th scope="col" className="p-2">{t("scope")}</th>
              <th scope="col" className="p-2">{t("state")}</th>
              <th scope="col" className="p-2">{t("lastSignIn")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((account) => (
              <tr key={account.id} className="border-t border-slate-100">
                <td className="p-2">
                  <Link href={`/admin/users/${account.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{account.username}</Link>
                </td>
                <td className="p-2">{account.fullName}</td>
                <td className="p-2">{roles(account.role)}</td>
                <td className="p-2">{account.scopeUnit ? unitDisplayName(account.scopeUnit) : t("wholeCountry")}</td>
                <td className="p-2">{!account.active ? t("inactive") : account.mustChangePassword ? t("mustChange") : t("active")}</td>
                <td className="p-2">{account.lastSignInAt ? format.dateTime(account.lastSignInAt, "dateTime") : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
