/**
 * The wrapper for routes that answer a file: the same user resolution and
 * error answers as the JSON routes before the first byte, then the file is
 * streamed with a download name (ASCII fallback and UTF-8 for Vietnamese).
 */
import "server-only";
import { Readable } from "node:stream";
import { AppError, HTTP_STATUS } from "../errors";
import type { SessionUser } from "../auth/session";
import { apiError, apiUser } from "./api-route";

export interface FileAnswer {
  fileName: string;
  contentType: string;
  stream: Readable;
}

export function apiFileRoute<Params>(handler: (user: SessionUser, request: Request, params: Params) => Promise<FileAnswer>) {
  return async (request: Request, context: { params: Promise<Params> }) => {
    const user = await apiUser(request);
    if (!user) return apiError(401, "UNAUTHORIZED", "Cần đăng nhập hoặc mã truy cập hợp lệ (Authorization: Bearer …). / Sign in or send a valid bearer token.");
    try {
      const file = await handler(user, request, await context.params);
      return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
        status: 200,
        headers: {
          "Content-Type": file.contentType,
          "Content-Disposition": `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch (error) {
      if (error instanceof AppError) return apiError(HTTP_STATUS[error.code], error.code, error.message);
      console.error("[api]", error);
      return apiError(500, "INTERNAL", "Lỗi máy chủ; hãy thử lại sau. / Server error; try again later.");
    }
  };
}

/** The export parameters of a request. */
export function exportParams(request: Request) {
  const url = new URL(request.url);
  const get = (name: string) => url.searchParams.get(name);
  return { period: get("period"), from: get("from"), to: get("to"), table: get("table"), indicator: get("indicator") };
}
