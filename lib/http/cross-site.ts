/**
 * Refuses state-changing requests that a browser sends from another site
 * (cross-site request forgery). Authorization still happens in lib/ for every
 * mutation; this is the outer fence in front of server actions and API routes.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteRequest(method: string, headers: Headers, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  // Browsers send Sec-Fetch-Site on every request; "same-site" still differs in origin, so only same-origin and direct navigation pass.
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") return true;
  const origin = headers.get("origin");
  if (!origin) return false; // not from a browser page (command-line clients, API tokens)
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
