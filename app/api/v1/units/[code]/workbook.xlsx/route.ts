import { apiFileRoute } from "@/lib/api/api-file-route";
import { wardWorkbook } from "@/lib/exports/ward-workbook";
import { routeParam } from "@/lib/http/route-param";

export const dynamic = "force-dynamic";

/** GET /api/v1/units/{code}/workbook.xlsx?period=yyyy-mm: a ward's month to fill in Excel and upload through the import (public/openapi.yaml). */
export const GET = apiFileRoute<{ code: string }>((user, request, { code }) => wardWorkbook(user, routeParam(code), new URL(request.url).searchParams.get("period")));
