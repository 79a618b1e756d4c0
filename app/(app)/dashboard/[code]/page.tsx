import { requireUser } from "@/lib/auth/session";
import { DashboardPage } from "@/components/dashboard/dashboard-page";

export default async function UnitDashboardPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { code } = await params;
  return <DashboardPage user={user} code={decodeURIComponent(code)} searchParams={await searchParams} />;
}
