import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { offlinePagesOf } from "@/lib/offline/offline-pages";
import { unauthorized } from "@/lib/api/api-route";

export const dynamic = "force-dynamic";

/** GET /api/v1/me/offline-pages: the pages the signed-in user's device keeps for working offline (the session only). */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return unauthorized();
  return NextResponse.json({ pages: await offlinePagesOf(user) }, { headers: { "Cache-Control": "private, no-store" } });
}
