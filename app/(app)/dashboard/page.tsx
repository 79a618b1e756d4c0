import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { isNationalActor } from "@/lib/dashboard/dashboard-subject";
import { scopeUnitCode } from "@/lib/units/scope";
import { DashboardPage } from "@/components/dashboard/dashboard-page";

/** The whole country for a national administrator; anyone else starts at the top of their own scope. */
export default async function CountryDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  if (!isNationalActor(user)) {
    const code = await scopeUnitCode(user);
    const query = new URLSearchParams(Object.entries(params).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])));
    redirect(code ? `/dashboard/${encodeURIComponent(code)}${query.size ? `?${query}` : ""}` : "/");
  }
  return <DashboardPage user={user} code={null} searchParams={params} />;
}
