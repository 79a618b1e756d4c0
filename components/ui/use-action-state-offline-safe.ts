"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

/** What a form shows when its request never reached the server, or never came back. */
export interface NetworkFailure {
  ok: false;
  status: 0;
  message: string;
}

/**
 * useActionState, except that a lost connection is a result, not a crash: the
 * form keeps what was typed and says so in plain words, instead of the page
 * being replaced by the error screen. The server action itself is unchanged.
 */
export function useActionStateOfflineSafe<State, Payload>(
  action: (state: Awaited<State>, payload: Payload) => State | Promise<State>,
  initialState: Awaited<State>,
): [state: Awaited<State> | NetworkFailure, dispatch: (payload: Payload) => void, isPending: boolean] {
  const t = useTranslations("errors");
  const safe = async (previous: Awaited<State> | NetworkFailure, payload: Payload): Promise<Awaited<State> | NetworkFailure> => {
    try {
      // After a network failure the action sees the state it last returned itself.
      return (await action(previous as Awaited<State>, payload)) as Awaited<State>;
    } catch {
      return { ok: false, status: 0, message: t("network") };
    }
  };
  return useActionState<Awaited<State> | NetworkFailure, Payload>(safe, initialState as Awaited<Awaited<State> | NetworkFailure>);
}
