import { useTranslations } from "next-intl";
import type { Role } from "@/lib/generated/prisma/enums";

export function RoleSelect({ roles, defaultValue, errors }: { roles: readonly Role[]; defaultValue?: Role; errors?: string[] }) {
  const t = useTranslations("users");
  const roleNames = useTranslations("roles");
  return (
    <div>
      <label htmlFor="role" className="mb-1 block font-medium">{t("role")}</label>
      <select id="role" name="role" defaultValue={defaultValue ?? roles[0]} className="block min-h-12 w-full rounded-md border border-slate-400 bg-white px-3 text-base">
        {roles.map((role) => (
          <option key={role} value={role}>{roleNames(role)}</option>
        ))}
      </select>
      {errors?.length ? <p className="mt-1 text-sm text-red-700">{errors.join(" ")}</p> : null}
    </div>
  );
}
