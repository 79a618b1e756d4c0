import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { searchRegistry } from "@/lib/search/search-registry";
import { unitDisplayName } from "@/lib/units/display-name";

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const user = await requireUser();
  const t = await getTranslations("search");
  const roles = await getTranslations("memberRoles");
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const result = await searchRegistry(user, query);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <form method="get" role="search" className="my-4 flex gap-2">
        <label htmlFor="search-q" className="sr-only">{t("label")}</label>
        <input id="search-q" name="q" defaultValue={query} placeholder={t("placeholder")} className="min-h-12 flex-1 rounded-md border border-slate-400 bg-white px-3 text-base" />
        <button type="submit" className="min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white">{t("submit")}</button>
      </form>
      {query.length > 0 && result.units.length === 0 && result.members.length === 0 && <p className="rounded-md bg-white p-4">{query.length < 2 ? t("tooShort") : t("none", { query })}</p>}
      {result.units.length > 0 && (
        <section aria-labelledby="units-found" className="mb-6">
          <h2 id="units-found" className="mb-2 text-lg font-semibold">{t("units", { count: result.units.length })}</h2>
          <ul className="space-y-1 rounded-md bg-white p-3 shadow-sm">
            {result.units.map((unit) => (
              <li key={unit.code}>
                <Link href={`/units/${encodeURIComponent(unit.code)}`} className="flex min-h-10 items-center text-brand-700 underline">{unitDisplayName(unit)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.members.length > 0 && (
        <section aria-labelledby="members-found">
          <h2 id="members-found" className="mb-2 text-lg font-semibold">{t("members", { count: result.members.length })}</h2>
          <ul className="space-y-1 rounded-md bg-white p-3 shadow-sm">
            {result.members.map((member) => (
              <li key={member.id} className="flex min-h-10 flex-wrap items-center gap-x-2">
                <span className="font-medium">{member.full_name}</span>
                <span className="text-sm text-slate-700">{roles(member.role)} · {member.team_name}</span>
                <Link href={`/units/${encodeURIComponent(member.unit_code)}`} className="text-sm text-brand-700 underline">
                  {unitDisplayName({ kind: member.unit_kind, name: member.unit_name })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
