"use server";

import { defineAction } from "@/lib/auth/define-action";
import { reorganise } from "@/lib/reorganisation/run-reorganisation";
import { languageOf, translator } from "@/lib/i18n/translate";

/** Preview (the change applied in a transaction that is rolled back) or commit, from the form's JSON payload. */
export const reorganiseAction = defineAction(
  "units.reorganise",
  async (user, _previous: unknown, formData: FormData) => {
    const intent = formData.get("intent") === "commit" ? "commit" : "preview";
    const text = String(formData.get("payload") ?? "");
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return { ok: false as const, status: 400, message: translator(languageOf(user))("errors.formUnreadable"), fieldErrors: {}, intent, payload: text };
    }
    const result = await reorganise(user, payload, { commit: intent === "commit" });
    return { ...result, intent, payload: text };
  },
  { revalidate: ["/"] },
);
