/**
 * How a state against target is shown: a colour-blind-safe palette (Okabe–Ito
 * blue, orange, vermilion) and always a symbol and a word besides the colour.
 */
import type { TargetState } from "@/lib/dashboard/indicator-figures";

export const STATE_STYLE: Record<TargetState, { symbol: string; badge: string; cell: string; colour: string }> = {
  met: { symbol: "✓", badge: "bg-[#dcebf7] text-[#00466e] border-[#0072b2]", cell: "bg-[#dcebf7]", colour: "#0072b2" },
  near: { symbol: "≈", badge: "bg-[#fdf0d5] text-[#6b4700] border-[#e69f00]", cell: "bg-[#fdf0d5]", colour: "#e69f00" },
  far: { symbol: "✗", badge: "bg-[#fbe3d6] text-[#7a2e00] border-[#d55e00]", cell: "bg-[#fbe3d6]", colour: "#d55e00" },
  noTarget: { symbol: "–", badge: "bg-slate-100 text-slate-700 border-slate-400", cell: "bg-slate-50", colour: "#6b7280" },
  noData: { symbol: "?", badge: "bg-white text-slate-700 border-slate-400 border-dashed", cell: "bg-white", colour: "#9ca3af" },
  noDenominator: { symbol: "∅", badge: "bg-white text-slate-700 border-slate-400 border-dashed", cell: "bg-white", colour: "#9ca3af" },
};
