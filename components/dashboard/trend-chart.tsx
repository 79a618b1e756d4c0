"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent, type Locale } from "@/lib/format";

export interface TrendPoint {
  period: string;
  value: number | null;
  target: number | null;
}

/** The chosen indicator month by month, with its target as a dashed step line. Its figures are also in a table beside it. */
export default function TrendChart({ points, locale, labels }: { points: TrendPoint[]; locale: Locale; labels: { value: string; target: string } }) {
  const monthLabel = (period: string) => `${period.slice(5)}/${period.slice(2, 4)}`;
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#e5e7eb" vertical={false} />
        <XAxis dataKey="period" tickFormatter={monthLabel} tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
        <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value, locale, 0)} tick={{ fontSize: 12 }} width={44} />
        <Tooltip formatter={(value) => formatPercent(typeof value === "number" ? value : null, locale, 1)} labelFormatter={(label) => monthLabel(String(label))} />
        <Line type="monotone" dataKey="value" name={labels.value} stroke="#0072b2" strokeWidth={3} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        <Line type="stepAfter" dataKey="target" name={labels.target} stroke="#d55e00" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
