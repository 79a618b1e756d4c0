import { apiRoute } from "@/lib/api/api-route";
import { getActivityPanel } from "@/lib/activities/get-activity-panel";
import { routeParam } from "@/lib/http/route-param";

export const dynamic = "force-dynamic";

/** GET /api/v1/units/{code}/activities?period=YYYY-MM: the teams' activity figures below the unit over twelve months (public/openapi.yaml). */
export const GET = apiRoute<{ code: string }>((user, request, { code }) => getActivityPanel(user, routeParam(code), { period: new URL(request.url).searchParams.get("period") }));
