/** Links that keep the dashboard's unit, period and indicator, so a URL can be shared in a meeting. */
export interface DashboardLinkState {
  period: Record<string, string>;
  indicator: string;
  sort?: string;
  dir?: string;
  /** "then": the map of that time (lib/dashboard/get-dashboard.ts); absent: today's map. */
  map?: string;
}

export function dashboardHref(code: string | null, state: DashboardLinkState, change: Partial<{ indicator: string; sort: string; dir: string; map: string }> = {}): string {
  const params = new URLSearchParams({ ...state.period, indicator: change.indicator ?? state.indicator });
  const map = change.map ?? state.map;
  if (map) params.set("map", map);
  const sort = change.sort ?? state.sort;
  const dir = change.dir ?? state.dir;
  if (sort) params.set("sort", sort);
  if (dir) params.set("dir", dir);
  return `${code === null ? "/dashboard" : `/dashboard/${encodeURIComponent(code)}`}?${params.toString()}`;
}
