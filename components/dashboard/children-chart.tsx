"use client";

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent, type Locale } from "@/lib/format";
import { STATE_COLOUR } from "./state-style";
import type { TargetState } from "@/lib/dashboard/indicator-figures";

export interface ChildBar {
  name: string;
  value: number | null;
  state: TargetState;
}

/** The children ranked as horizontal bars, each coloured by its own state against its target, with the unit's target as a dashed line. */
export default function ChildrenChart({ bars, target, locale, labels }: { bars: ChildBar[]; target: number | null; locale: Locale; labels: { value: string; target: string } }) {
  const height = Math.max(160, bars.length * 28 + 48);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={bars} layout="vertical" margin={{ top: 16, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e5e7eb" horizontal={false} />
        <XAxis type="number" domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value, locale, 0)} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip formatter={(value) => formatPercent(typeof value === "number" ? value : null, locale, 1)} />
        <Bar dataKey="value" name={labels.value} isAnimationActive={false}>
          {bars.map((bar) => <Cell key={bar.name} fill={STATE_COLOUR[bar.state]} />)}
        </Bar>
        {target !== null && (
          <ReferenceLine x={target} stroke="#1f2937" strokeDasharray="6 4" strokeWidth={2} label={{ value: `${labels.target} ${formatPercent(target, locale, 0)}`, position: "top", fontSize: 12 }} />
        )}
      </BarChart>
    </ResponsiveContainer>
  );
}
