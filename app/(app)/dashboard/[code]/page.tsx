import { requireUser } from "@/lib/auth/session";
import { DashboardPage } from "@/components/dashboard/dashboard-page";
import { routeParam } from "@/lib/http/route-param";

export default async function UnitDashboardPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { code } = await params;
  return <DashboardPage user={user} code={routeParam(code)} searchParams={await searchParams} />;
}
