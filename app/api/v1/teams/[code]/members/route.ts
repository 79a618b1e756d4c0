import { writeRoute } from "@/lib/api/write-route";
import { saveMemberAction } from "@/app/(app)/teams/actions";
import { routeParam } from "@/lib/http/route-param";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/teams/{code}/members: adds a member to the team, or saves a
 * member's card when the body names `memberId` (public/openapi.yaml). The
 * member form sends here, at once or later from the device's queue.
 */
export const POST = writeRoute(saveMemberAction, (body, { code }: { code: string }) => ({
  ...body,
  teamCode: routeParam(code),
}));
