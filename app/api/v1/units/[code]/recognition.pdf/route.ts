import { apiFileRoute } from "@/lib/api/api-file-route";
import { exportRecognition } from "@/lib/exports/recognition-report";
import { routeParam } from "@/lib/http/route-param";

export const dynamic = "force-dynamic";

/** GET /api/v1/units/{code}/recognition.pdf?year=YYYY: the year's proposal for commendation (public/openapi.yaml). */
export const GET = apiFileRoute<{ code: string }>((user, request, { code }) => exportRecognition(user, routeParam(code), "pdf", { year: new URL(request.url).searchParams.get("year") }));
