/**
 * The service worker (Serwist, built by app/serwist/[path]/route.ts). After one
 * visit online, the pages a user needs to report open with no connection:
 * - a page opened online is kept (network first, the cache after 5 s or with no network);
 * - the app asks it, once signed in, to fetch the user's reporting pages ahead (WARM_PAGES),
 *   with the scripts and styles each names, so that a page never opened still works offline;
 * - the build's hashed files are kept across updates: an old cached page still runs.
 * Saves are not the worker's business: the page queues them in IndexedDB (lib/offline/outbox.ts).
 * Nothing else is cached: the API, server actions and React Server Component fetches go to the network.
 */
/// <reference lib="webworker" />
import { CacheFirst, CacheableResponsePlugin, ExpirationPlugin, NetworkFirst, Serwist, type PrecacheEntry, type SerwistPlugin } from "serwist";
import { ASSET_CACHE, OFFLINE_FALLBACK, PAGE_CACHE, isCacheablePage, type WarmPagesMessage } from "./cache-names";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const DAY = 24 * 60 * 60;

// A page that answered with a redirect (to sign-in, say) is not the page asked for.
const notRedirected: SerwistPlugin = { cacheWillUpdate: async ({ response }) => (response.redirected ? null : response) };

const pages = new NetworkFirst({
  cacheName: PAGE_CACHE,
  networkTimeoutSeconds: 5,
  matchOptions: { ignoreVary: true },
  plugins: [new CacheableResponsePlugin({ statuses: [200] }), notRedirected, new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 62 * DAY })],
});

const assets = new CacheFirst({
  cacheName: ASSET_CACHE,
  plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 90 * DAY })],
});

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // A new version takes over at once; queued saves live in IndexedDB, which an update never touches.
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    // The build's hashed scripts and styles, and the app's icons: the same for everyone.
    { matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/")), handler: assets },
    { matcher: ({ url, request, sameOrigin }) => sameOrigin && request.mode === "navigate" && isCacheablePage(url.pathname), handler: pages },
  ],
  fallbacks: { entries: [{ url: OFFLINE_FALLBACK, matcher: ({ request }) => request.mode === "navigate" }] },
});

/** The scripts and styles a page names, so that it runs offline without having been opened. */
function assetsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/\/_next\/static\/[^"'\s\\)]+/g)].map((match) => match[0]))];
}

/**
 * Fetches each page with the user's session, then the scripts and styles it
 * names, and only then keeps the page: a page found in the cache always has
 * what it needs to run (a phone that goes offline halfway keeps the pages
 * already complete).
 */
async function warm(urls: string[], event: ExtendableEvent): Promise<void> {
  const [assetCache, pageCache] = await Promise.all([caches.open(ASSET_CACHE), caches.open(PAGE_CACHE)]);
  for (const url of urls) {
    try {
      const request = new Request(url, { credentials: "same-origin" });
      const response = await fetch(request);
      if (response.status !== 200 || response.redirected) continue;
      for (const asset of assetsOf(await response.clone().text())) {
        if (!(await assetCache.match(asset))) await assets.handle({ request: new Request(asset), event });
      }
      await pageCache.put(request, response);
    } catch {
      // One page that fails (the connection dropped) leaves the others; the next visit warms again.
    }
  }
}

self.addEventListener("message", (event) => {
  const data = event.data as WarmPagesMessage | undefined;
  if (data?.type === "WARM_PAGES" && Array.isArray(data.urls)) event.waitUntil(warm(data.urls.filter((url) => typeof url === "string" && url.startsWith("/")), event));
});

serwist.addEventListeners();
