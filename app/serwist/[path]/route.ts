/**
 * Serves the service worker (lib/offline/sw.ts), bundled at build time by
 * Serwist's Turbopack integration and answered as a static file. Only the
 * offline page is precached: the build's scripts are
 * cached as pages need them, so installing the worker costs a phone a few
 * kilobytes rather than every script of every page.
 */
import { randomUUID } from "node:crypto";
import { createSerwistRoute } from "@serwist/turbopack";
import { OFFLINE_FALLBACK } from "@/lib/offline/cache-names";

// One revision per build: a new version fetches the offline page again.
const revision = process.env.NEXT_BUILD_REVISION ?? randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "lib/offline/sw.ts",
  useNativeEsbuild: true,
  // Nothing from the build's folders: the scripts are cached as pages name them (lib/offline/sw.ts).
  globPatterns: [],
  additionalPrecacheEntries: [{ url: OFFLINE_FALLBACK, revision }],
});
