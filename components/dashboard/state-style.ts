/**
 * The colour of a state against target in the charts: a colour-blind-safe
 * palette (Okabe–Ito blue, orange, vermilion). Tables and badges take the same
 * colours and their symbols from the .s-<state> classes in app/globals.css.
 */
import type { TargetState } from "@/lib/dashboard/indicator-figures";

export const STATE_COLOUR: Record<TargetState, string> = {
  met: "#0072b2",
  near: "#e69f00",
  far: "#d55e00",
  noTarget: "#6b7280",
  noData: "#9ca3af",
  noDenominator: "#9ca3af",
};
