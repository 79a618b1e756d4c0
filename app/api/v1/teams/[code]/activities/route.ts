import { writeRoute } from "@/lib/api/write-route";
import { saveActivityAction } from "@/app/(app)/teams/actions";
import { routeParam } from "@/lib/http/route-param";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/teams/{code}/activities: logs an activity of the team, or
 * changes one when the body names `activityId` (public/openapi.yaml). The
 * activity form sends here, at once or later from the device's queue.
 */
export const POST = writeRoute(saveActivityAction, (body, { code }: { code: string }) => ({
  ...body,
  teamCode: routeParam(code),
}));
