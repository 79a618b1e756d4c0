"use client";

/**
 * Recharts is the heaviest piece of the page. A chart's code is fetched and
 * run only when the chart comes near the screen (or the page is printed), so
 * a phone that opens the dashboard for its cards and tables pays nothing for
 * the charts below them. The same figures are in the tables beside them.
 */
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps } from "react";

const placeholder = () => <div className="h-64 animate-pulse rounded bg-slate-100" aria-hidden />;

const TrendChart = dynamic(() => import("./trend-chart"), { ssr: false, loading: placeholder });
const ChildrenChart = dynamic(() => import("./children-chart"), { ssr: false, loading: placeholder });

/** Starts loading a little before the chart scrolls in, so a reader scrolling down rarely sees the placeholder. */
const AHEAD = "300px";
/** Asks every chart of the page to draw itself now (the Print button sends it). */
const DRAW_NOW = "dashboard:draw-charts";

/** Draws every chart, then resolves once they are on the page (or after `timeoutMs`, printing what is there). */
export async function drawAllCharts(timeoutMs = 4000): Promise<void> {
  window.dispatchEvent(new Event(DRAW_NOW));
  const deadline = Date.now() + timeoutMs;
  // A drawn chart is an <svg>; the placeholder is not.
  const pending = () => [...document.querySelectorAll("[data-chart-state]")].some((box) => !box.querySelector("svg"));
  while (pending() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

function WhenNearScreen({ children }: { children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: AHEAD });
    observer.observe(element);
    // A printed dashboard carries its charts even where the reader never scrolled.
    const draw = () => setNear(true);
    window.addEventListener(DRAW_NOW, draw);
    window.addEventListener("beforeprint", draw);
    return () => {
      observer.disconnect();
      window.removeEventListener(DRAW_NOW, draw);
      window.removeEventListener("beforeprint", draw);
    };
  }, []);
  return (
    <div ref={box} data-chart-state={near ? "drawn" : "waiting"}>
      {near ? children : placeholder()}
    </div>
  );
}

export function LazyTrendChart(props: ComponentProps<typeof TrendChart>) {
  return (
    <WhenNearScreen>
      <TrendChart {...props} />
    </WhenNearScreen>
  );
}

export function LazyChildrenChart(props: ComponentProps<typeof ChildrenChart>) {
  return (
    <WhenNearScreen>
      <ChildrenChart {...props} />
    </WhenNearScreen>
  );
}
