import { apiFileRoute, exportParams } from "@/lib/api/api-file-route";
import { exportReport } from "@/lib/exports/export-report";
import { routeParam } from "@/lib/http/route-param";

export const dynamic = "force-dynamic";

/** GET /api/v1/units/{code}/report.xlsx?period=… (or from=&to=): the unit's report as a file (public/openapi.yaml). */
export const GET = apiFileRoute<{ code: string }>((user, request, { code }) => exportReport(user, routeParam(code), "xlsx", exportParams(request)));
