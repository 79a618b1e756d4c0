"use client";

import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent, type Locale } from "@/lib/format";

export interface TrendPoint {
  period: string;
  value: number | null;
  target: number | null;
  /** From the last counted month to the deadline: the projection and the range of the two windows' paces. */
  projection?: number | null;
  range?: [number, number] | null;
}

/**
 * The chosen indicator month by month, with its target as a dashed step line and, to the target's
 * deadline, the projection as a dotted line over the shaded range of the 3- and 6-month paces.
 * Its figures are also in a table beside it.
 */
export default function TrendChart({ points, locale, labels }: { points: TrendPoint[]; locale: Locale; labels: { value: string; target: string; projection: string; range: string } }) {
  const monthLabel = (period: string) => `${period.slice(5)}/${period.slice(2, 4)}`;
  const percent = (value: unknown) => (Array.isArray(value) ? value.map((part) => formatPercent(Number(part), locale, 1)).join(" – ") : formatPercent(typeof value === "number" ? value : null, locale, 1));
  const projected = points.some((point) => point.projection != null);
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e5e7eb" vertical={false} />
        <XAxis dataKey="period" tickFormatter={monthLabel} tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
        <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value, locale, 0)} tick={{ fontSize: 12 }} width={44} />
        <Tooltip formatter={percent} labelFormatter={(label) => monthLabel(String(label))} />
        {projected && <Area dataKey="range" name={labels.range} stroke="none" fill="#0072b2" fillOpacity={0.12} connectNulls={false} isAnimationActive={false} />}
        <Line type="monotone" dataKey="value" name={labels.value} stroke="#0072b2" strokeWidth={3} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        {projected && <Line type="linear" dataKey="projection" name={labels.projection} stroke="#0072b2" strokeWidth={2} strokeDasharray="2 4" dot={false} connectNulls={false} isAnimationActive={false} />}
        <Line type="stepAfter" dataKey="target" name={labels.target} stroke="#d55e00" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
