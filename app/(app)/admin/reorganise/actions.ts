"use server";

import { defineAction } from "@/lib/auth/define-action";
import { reorganise } from "@/lib/reorganisation/run-reorganisation";
import { languageOf, translator } from "@/lib/i18n/translate";
import { findUnitsByName } from "@/lib/search/search-registry";
import { unitDisplayName } from "@/lib/units/display-name";

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

/** The units in the user's scope that a name points to, for the form's code fields ("find by name"). */
export const findUnitsAction = defineAction("units.reorganise", async (user, query: string) => {
  const units = await findUnitsByName(user, String(query ?? ""));
  return { ok: true as const, units: units.map((unit) => ({ code: unit.code, name: unitDisplayName(unit), parent: unit.parent_name ? unitDisplayName({ kind: unit.parent_kind ?? "", name: unit.parent_name }) : null })) };
});
