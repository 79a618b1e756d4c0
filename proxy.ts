import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteRequest } from "@/lib/http/cross-site";
import { databaseAvailable } from "@/lib/http/database-health";
import { unavailableResponse } from "@/lib/http/unavailable-response";
import { hasControlCharacters } from "@/lib/http/control-characters";

/** A %00 or another control character in a path or filter would reach the database as text it refuses. */
function addressHasControlCharacters(url: URL): boolean {
  try {
    return hasControlCharacters(decodeURIComponent(url.pathname + url.search));
  } catch {
    return false; // a malformed escape is the router's to refuse
  }
}

/**
 * Runs before every route: refuse cross-site POSTs to server actions, sign-in
 * and the API; refuse addresses holding control characters; answer 503
 * "temporarily unavailable" while PostgreSQL is down.
 */
export async function proxy(request: NextRequest) {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (isCrossSiteRequest(request.method, request.headers, host)) {
    return new NextResponse("Yêu cầu từ trang web khác bị từ chối. / Cross-site request refused.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (addressHasControlCharacters(request.nextUrl)) {
    return new NextResponse("Địa chỉ có ký tự không hợp lệ. / The address holds an invalid character.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl && !(await databaseAvailable(databaseUrl))) return unavailableResponse(request.nextUrl.pathname);
  return NextResponse.next();
}

export const config = {
  // Static files and images need neither check.
  matcher: ["/((?!_next/static|_next/image|icon.svg|icons/).*)"],
};
