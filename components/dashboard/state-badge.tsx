import { getTranslations } from "next-intl/server";
import type { TargetState } from "@/lib/dashboard/indicator-figures";
import { STATE_STYLE } from "./state-style";

/** The state against target as a symbol and a word on a coloured badge: readable without colour. */
export async function StateBadge({ state }: { state: TargetState }) {
  const t = await getTranslations("dashboard.states");
  const style = STATE_STYLE[state];
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-semibold ${style.badge}`}>
      <span aria-hidden>{style.symbol}</span>
      {t(state)}
    </span>
  );
}
