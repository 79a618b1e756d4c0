import { apiRoute, periodParams } from "@/lib/api/api-route";
import { getChildrenIndicators } from "@/lib/dashboard/get-unit-indicators";
import { routeParam } from "@/lib/http/route-param";

export const dynamic = "force-dynamic";

/** GET /api/v1/units/{code}/children/indicators?period=…: the indicators of each unit directly below (public/openapi.yaml). */
export const GET = apiRoute<{ code: string }>((user, request, { code }) => getChildrenIndicators(user, routeParam(code), periodParams(request)));
