import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/policy";
import { auditFilterSchema, listAuditLog } from "@/lib/audit/list-audit-log";
import { ScrollBox } from "@/components/ui/scroll-box";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const t = await getTranslations("audit");
  const format = await getFormatter();
  if (!roleAllows(user.role, "audit.read")) {
    return <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3">{t("forbidden")}</p>;
  }
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const { entries, nextBefore } = await listAuditLog(user, filter);
  const query = (extra: Record<string, string>) =>
    new URLSearchParams(Object.entries({ ...filter, ...extra }).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")).toString();
  const field = "block min-h-12 w-full rounded-md border border-slate-400 bg-white px-3 text-base";
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      {/* A plain GET form: the filter lives in the URL and works without JavaScript. */}
      <form method="get" className="my-4 grid gap-3 rounded-md bg-white p-4 shadow-sm sm:grid-cols-5">
        <div>
          <label htmlFor="action" className="mb-1 block font-medium">{t("action")}</label>
          <input id="action" name="action" defaultValue={filter.action} placeholder="auth." className={field} />
        </div>
        <div>
          <label htmlFor="actor" className="mb-1 block font-medium">{t("actor")}</label>
          <input id="actor" name="actor" defaultValue={filter.actor} className={field} />
        </div>
        <div>
          <label htmlFor="from" className="mb-1 block font-medium">{t("from")}</label>
          <input id="from" name="from" type="date" defaultValue={filter.from} className={field} />
        </div>
        <div>
          <label htmlFor="to" className="mb-1 block font-medium">{t("to")}</label>
          <input id="to" name="to" type="date" defaultValue={filter.to} className={field} />
        </div>
        <div className="flex items-end">
          <button type="submit" className="min-h-12 w-full rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-900">{t("filter")}</button>
        </div>
      </form>
      {entries.length === 0 ? (
        <p className="rounded-md bg-white p-4">{t("empty")}</p>
      ) : (
        <ScrollBox label={t("title")} className="rounded-md bg-white shadow-sm">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">{t("at")}</th>
                <th scope="col" className="p-2">{t("actor")}</th>
                <th scope="col" className="p-2">{t("action")}</th>
                <th scope="col" className="p-2">{t("entity")}</th>
                <th scope="col" className="p-2">{t("details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-t border-slate-100 align-top">
                  <td className="p-2 whitespace-nowrap">{format.dateTime(entry.at, "dateTimeSeconds")}</td>
                  <td className="p-2">{entry.actorName}</td>
                  <td className="p-2 font-mono">{entry.action}</td>
                  <td className="p-2">{entry.entityType}{entry.entityId ? ` #${entry.entityId}` : ""}</td>
                  <td className="p-2 break-all">
                    {[entry.reason, entry.before ? `${t("before")}: ${JSON.stringify(entry.before)}` : null, entry.after ? `${t("after")}: ${JSON.stringify(entry.after)}` : null]
                      .filter(Boolean)
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {nextBefore && (
        <p className="mt-3">
          <Link href={`/admin/audit?${query({ before: nextBefore })}`} className="text-brand-700 underline">{t("older")}</Link>
        </p>
      )}
    </>
  );
}
