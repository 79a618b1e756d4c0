import type { TargetState } from "@/lib/dashboard/indicator-figures";

/**
 * The state against target as a symbol and a word on a coloured badge: readable without colour
 * (the symbol and colour come from .badge.s-<state> in globals.css). Synchronous, with its word
 * given: an async component per table row became a separate chunk of the page's payload each.
 */
export function StateBadge({ state, label }: { state: TargetState; label: string }) {
  return <span className={`badge s-${state}`}>{label}</span>;
}
