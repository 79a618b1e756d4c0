/**
 * The app's own write routes (the offline queue's, lib/offline/send-outbox.ts):
 * the same server action as the form, reached by a stable address. A queued
 * save may wait days and cross an app update; a server action's id changes
 * with every build, an address does not, so the save meets the rules of the
 * server it reaches. The session cookie only: a bearer token reads, never
 * writes. The answer is the action's own result as JSON, with its status.
 */
import "server-only";
import { NextResponse } from "next/server";
import { cookies } from "next/headers";
import { getCurrentUser } from "../auth/session";
import type { DefinedAction } from "../auth/define-action";
import { LOCALE_COOKIE } from "../i18n/locale-cookie";
import { languageOf, translator } from "../i18n/translate";

/** A month's figures or a member's card is a few kilobytes; this leaves room and refuses a flood. */
const MAX_BODY_CHARACTERS = 256 * 1024;

const reply = (status: number, body: unknown) =>
  NextResponse.json(body, { status, headers: { "Cache-Control": "private, no-store", "Content-Type": "application/json; charset=utf-8" } });

export function writeRoute<Params, Input, Result>(action: DefinedAction<[Input], Result>, inputOf: (body: Record<string, unknown>, params: Params) => Input) {
  return async (request: Request, context: { params: Promise<Params> }) => {
    const user = await getCurrentUser();
    const t = translator(languageOf(user ?? { locale: (await cookies()).get(LOCALE_COOKIE)?.value }));
    if (!user) return reply(401, { ok: false, status: 401, message: t("errors.sessionExpired") });
    const text = await request.text();
    if (text.length > MAX_BODY_CHARACTERS) return reply(413, { ok: false, status: 413, message: t("errors.requestTooLarge") });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) return reply(400, { ok: false, status: 400, message: t("errors.requestNotJson") });
    try {
      const result = await action.runAs(user, inputOf(body as Record<string, unknown>, await context.params));
      return reply((result as { ok?: boolean; status?: number }).ok === false ? ((result as { status: number }).status ?? 400) : 200, result);
    } catch (error) {
      console.error("[write]", error);
      return reply(500, { ok: false, status: 500, message: t("errors.serverError") });
    }
  };
}
