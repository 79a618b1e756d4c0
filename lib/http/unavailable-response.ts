/**
 * What a reader sees while PostgreSQL is unreachable: a small page in both
 * languages that says nothing was lost and reloads itself every 30 seconds
 * (a meeting-room screen comes back on its own); API clients get JSON.
 * HTTP 503 with Retry-After, never cached.
 */
const RETRY_AFTER_SECONDS = 30;

export const UNAVAILABLE_MESSAGE = {
  vi: "Hệ thống tạm thời gián đoạn: không kết nối được cơ sở dữ liệu. Số liệu đã lưu không bị mất. Vui lòng thử lại sau ít phút.",
  en: "The platform is temporarily unavailable: the database cannot be reached. Saved figures are not lost. Please try again in a few minutes.",
};

const page = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>Tạm thời gián đoạn / Temporarily unavailable</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#0f172a}
h1{font-size:1.25rem}p.en{color:#475569}a{display:inline-block;min-height:3rem;line-height:3rem;padding:0 1rem;background:#1d4ed8;color:#fff;border-radius:.375rem;text-decoration:none;font-weight:600}</style></head>
<body><main><h1>Hệ thống tạm thời gián đoạn</h1><p>${UNAVAILABLE_MESSAGE.vi}</p>
<p>Trang sẽ tự tải lại sau ${RETRY_AFTER_SECONDS} giây. Nếu đang nhập số liệu, bản nháp vẫn được giữ trên máy này.</p>
<p lang="en" class="en">${UNAVAILABLE_MESSAGE.en} This page reloads itself every ${RETRY_AFTER_SECONDS} seconds.</p>
<p><a href="">Thử lại / Try again</a></p></main></body></html>`;

export function unavailableResponse(pathname: string): Response {
  const headers = { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  if (pathname.startsWith("/api/")) {
    return Response.json({ error: { code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE.vi, messageEn: UNAVAILABLE_MESSAGE.en } }, { status: 503, headers });
  }
  return new Response(page, { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}
