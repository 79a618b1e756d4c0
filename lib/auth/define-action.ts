/**
 * Every server action is built with defineAction: it resolves the acting user
 * from the session (401 without one), checks that the role may perform the
 * operation at all, runs the use case (which checks the scope beside its
 * query), and turns an AppError into a plain failure for the form. No action
 * can skip the check, and the policy test finds every action by this wrapper.
 */
import "server-only";
import { revalidatePath } from "next/cache";
import { AppError, HTTP_STATUS } from "../errors";
import { assertNoControlCharacters } from "../http/control-characters";
import { getCurrentUser, type SessionUser } from "./session";
import { roleAllows, type Operation } from "./policy";
import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "../i18n/locale-cookie";
import { languageOf, translator } from "../i18n/translate";

export interface ActionFailure {
  ok: false;
  status: number;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

export type DefinedAction<Args extends unknown[], Result> = ((...args: Args) => Promise<Result | ActionFailure>) & {
  operation: Operation;
  /** The action as a given user would run it; for tests, which have no request. */
  runAs: (user: SessionUser, ...args: Args) => Promise<Result | ActionFailure>;
};

export function defineAction<Args extends unknown[], Result>(
  operation: Operation,
  run: (user: SessionUser, ...args: Args) => Promise<Result>,
  options: { revalidate?: string[] } = {},
): DefinedAction<Args, Result> {
  const runAs = async (user: SessionUser, ...args: Args): Promise<Result | ActionFailure> => {
    if (!roleAllows(user.role, operation)) {
      return { ok: false, status: 403, message: translator(languageOf(user))("errors.roleRefused") };
    }
    try {
      assertNoControlCharacters(...args);
      return await run(user, ...args);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, status: HTTP_STATUS[error.code], message: error.messageIn(languageOf(user)) };
      throw error;
    }
  };
  const action = async (...args: Args): Promise<Result | ActionFailure> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, status: 401, message: translator(languageOf({ locale: (await cookies()).get(LOCALE_COOKIE)?.value }))("errors.sessionExpired") };
    const result = await runAs(user, ...args);
    if ((result as { ok?: boolean }).ok !== false) for (const path of options.revalidate ?? []) revalidatePath(path, "layout");
    return result;
  };
  return Object.assign(action, { operation, runAs });
}
