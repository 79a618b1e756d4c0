/**
 * The service worker's caches, named once for the worker and the page. Pages
 * belong to the signed-in user and are cleared at sign-out and when another
 * user signs in; the build's assets (hashed, the same for everyone) are kept,
 * so a page cached before an update still finds the scripts it names.
 */
export const PAGE_CACHE = "tcns-pages";
export const ASSET_CACHE = "tcns-assets";

/** The page shown for an address opened offline that was never cached. */
export const OFFLINE_FALLBACK = "/offline";

/** The worker's address; its route answers `Service-Worker-Allowed: /` so it controls the whole site. */
export const SERVICE_WORKER_URL = "/serwist/sw.js";

/** Addresses that are never cached: they are per request, sign-in, or files. */
export function isCacheablePage(pathname: string): boolean {
  return !/^\/(api|serwist|_next|sign-in|change-password)(\/|$)/.test(pathname);
}

export interface WarmPagesMessage {
  type: "WARM_PAGES";
  urls: string[];
}

/** The installed app's title bar and splash colour (the brand's darkest blue), for the manifest and the page. */
export const THEME_COLOR = "#172554";
