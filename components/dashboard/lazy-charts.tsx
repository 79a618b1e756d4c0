"use client";

/**
 * Recharts is the heaviest piece of the page: it is loaded only where a chart
 * is drawn, after the figures (and their tables) are already on screen.
 */
import dynamic from "next/dynamic";

const placeholder = () => <div className="h-64 animate-pulse rounded bg-slate-100" aria-hidden />;

export const LazyTrendChart = dynamic(() => import("./trend-chart"), { ssr: false, loading: placeholder });
export const LazyChildrenChart = dynamic(() => import("./children-chart"), { ssr: false, loading: placeholder });
