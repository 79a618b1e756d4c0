import { writeRoute } from "@/lib/api/write-route";
import { saveReportAction } from "@/app/(app)/entry/actions";
import { routeParam } from "@/lib/http/route-param";
import type { SaveReportInput } from "@/lib/schemas/period-report";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/units/{code}/reports/{period}: saves the unit's figures for the
 * month, as the entry form does (public/openapi.yaml). The form sends every
 * save here, at once or later from the device's queue; the use case's own
 * schema checks the body.
 */
export const POST = writeRoute(saveReportAction, (body, { code, period }: { code: string; period: string }) => ({
  ...body,
  unitCode: routeParam(code),
  period: routeParam(period),
}) as SaveReportInput);
