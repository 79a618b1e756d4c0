"use server";

import { defineAction } from "@/lib/auth/define-action";
import { setTarget } from "@/lib/targets/set-target";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const setTargetAction = defineAction(
  "targets.write",
  (user, _previous: unknown, formData: FormData) =>
    setTarget(user, text(formData, "unitCode"), {
      indicatorCode: text(formData, "indicatorCode"),
      percent: text(formData, "percent"),
      fromPeriod: text(formData, "fromPeriod"),
      toPeriod: text(formData, "toPeriod"),
      reason: text(formData, "reason"),
      source: text(formData, "source"),
    }),
  { revalidate: ["/dashboard"] },
);
