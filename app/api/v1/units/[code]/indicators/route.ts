import { apiRoute, periodParams } from "@/lib/api/api-route";
import { getUnitIndicators } from "@/lib/dashboard/get-unit-indicators";
import { routeParam } from "@/lib/http/route-param";

export const dynamic = "force-dynamic";

/** GET /api/v1/units/{code}/indicators?period=YYYY-MM (or from=&to=): the unit's indicators (public/openapi.yaml). */
export const GET = apiRoute<{ code: string }>((user, request, { code }) => getUnitIndicators(user, routeParam(code), periodParams(request)));
