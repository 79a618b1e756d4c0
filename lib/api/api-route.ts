/**
 * The one wrapper for read-API routes: it finds the acting user (a bearer
 * token, else the session cookie), runs the use case (which checks the scope
 * beside its query) and answers JSON. A use case's refusal keeps its status and
 * message; nothing else is ever shown as a 500 with internals.
 */
import "server-only";
import { NextResponse } from "next/server";
import { AppError, HTTP_STATUS } from "../errors";
import { getCurrentUser, type SessionUser } from "../auth/session";
import { userOfApiToken } from "./api-tokens";
import { languageOf } from "../i18n/translate";

export async function apiUser(request: Request): Promise<SessionUser | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match ? userOfApiToken(match[1]) : null;
  }
  return getCurrentUser();
}

const json = (status: number, body: unknown) =>
  NextResponse.json(body, { status, headers: { "Cache-Control": "private, no-store", "Content-Type": "application/json; charset=utf-8" } });

export function apiError(status: number, code: string, message: string) {
  return json(status, { error: { code, message } });
}

export const unauthorized = () => apiError(401, "UNAUTHORIZED", "Cần đăng nhập hoặc mã truy cập hợp lệ (Authorization: Bearer …). / Sign in or send a valid bearer token.");

/** A use case's refusal keeps its status and message, in the reader's language; anything else is logged and answered without internals. */
export function apiFailure(error: unknown, reader?: { locale?: string | null } | null) {
  if (error instanceof AppError) return apiError(HTTP_STATUS[error.code], error.code, error.messageIn(languageOf(reader)));
  console.error("[api]", error);
  return apiError(500, "INTERNAL", "Lỗi máy chủ; hãy thử lại sau. / Server error; try again later.");
}

export function apiRoute<Params>(handler: (user: SessionUser, request: Request, params: Params) => Promise<unknown>) {
  return async (request: Request, context: { params: Promise<Params> }) => {
    const user = await apiUser(request);
    if (!user) return unauthorized();
    try {
      return json(200, await handler(user, request, await context.params));
    } catch (error) {
      return apiFailure(error, user);
    }
  };
}

/** The period parameters of a request: period, or from and to. */
export function periodParams(request: Request) {
  const url = new URL(request.url);
  return { period: url.searchParams.get("period"), from: url.searchParams.get("from"), to: url.searchParams.get("to") };
}
