/**
 * The wrapper for routes that answer a file: the same user resolution and
 * error answers as the JSON routes before the first byte, then the file is
 * streamed with a download name (ASCII fallback and UTF-8 for Vietnamese).
 */
import "server-only";
import { Readable } from "node:stream";
import type { SessionUser } from "../auth/session";
import { apiFailure, apiUser, unauthorized } from "./api-route";

export interface FileAnswer {
  fileName: string;
  contentType: string;
  stream: Readable;
}

export function apiFileRoute<Params>(handler: (user: SessionUser, request: Request, params: Params) => Promise<FileAnswer>) {
  return async (request: Request, context: { params: Promise<Params> }) => {
    const user = await apiUser(request);
    if (!user) return unauthorized();
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
      return apiFailure(error, user);
    }
  };
}

/** The export parameters of a request. */
export function exportParams(request: Request) {
  const url = new URL(request.url);
  const get = (name: string) => url.searchParams.get(name);
  return { period: get("period"), from: get("from"), to: get("to"), table: get("table"), indicator: get("indicator") };
}
