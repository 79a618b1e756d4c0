import { NextResponse, type NextRequest } from "next/server";
import { isCrossSiteRequest } from "@/lib/http/cross-site";

/** Runs before every route: refuse cross-site POSTs to server actions, sign-in and the API. */
export function proxy(request: NextRequest) {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (isCrossSiteRequest(request.method, request.headers, host)) {
    return new NextResponse("Yêu cầu từ trang web khác bị từ chối. / Cross-site request refused.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return NextResponse.next();
}

export const config = {
  // Static files and images never change state.
  matcher: ["/((?!_next/static|_next/image|icon.svg).*)"],
};
