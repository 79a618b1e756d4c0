import { apiRoute, periodParams } from "@/lib/api/api-route";
import { getChildrenIndicators } from "@/lib/dashboard/get-unit-indicators";

export const dynamic = "force-dynamic";

/** GET /api/v1/units/{code}/children/indicators?period=…: the indicators of each unit directly below (public/openapi.yaml). */
export const GET = apiRoute<{ code: string }>((user, request, { code }) => getChildrenIndicators(user, decodeURIComponent(code), periodParams(request)));
