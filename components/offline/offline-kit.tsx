"use client";

/**
 * What makes the app work without a connection, for every signed-in page:
 * registers the service worker (lib/offline/sw.ts), asks it to keep the
 * user's reporting pages, sends the device's queue of saves when the
 * connection returns or the app opens again, and tells the forms and the bar
 * what is waiting. Pages and drafts on the device belong to one user: when
 * another signs in, the pages kept for the previous one are dropped.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { PAGE_CACHE, SERVICE_WORKER_URL, isCacheablePage, type WarmPagesMessage } from "@/lib/offline/cache-names";
import { clearUser, entriesOf, onOutboxChange, type OutboxEntry } from "@/lib/offline/outbox";
import { flushOutbox } from "@/lib/offline/send-outbox";
import { forgetDrafts } from "@/components/entry/use-report-draft";

interface OutboxContext {
  userId: number;
  entries: OutboxEntry[];
  online: boolean;
  flush: () => void;
}

const Context = createContext<OutboxContext | null>(null);

/** The queue as the signed-in pages see it; null outside them (the sign-in page). */
export const useOutbox = () => useContext(Context);

const OWNER_KEY = "tcns:owner";
const WARMED_KEY = "tcns:warmed";
/** The reporting pages are fetched ahead at most this often; a page opened online is kept anyway. */
const WARM_EVERY_MS = 30 * 60 * 1000;
/** While saves wait on a flaky connection ("online" but nothing gets through), the queue is tried again this often. */
const RETRY_EVERY_MS = 60 * 1000;

/** Asks the service worker to fetch these pages (and what they need) into the user's cache. */
export function keepPages(urls: string[]) {
  const message: WarmPagesMessage = { type: "WARM_PAGES", urls };
  navigator.serviceWorker?.controller?.postMessage(message);
}

/** A user's pages, drafts and queued saves, removed from the device (sign-out, after asking). */
export async function forgetUser(userId: number) {
  await clearUser(userId).catch(() => {});
  forgetDrafts(userId);
  await globalThis.caches?.delete(PAGE_CACHE).catch(() => false);
  localStorage.removeItem(OWNER_KEY);
  localStorage.removeItem(WARMED_KEY);
}

async function takeOwnership(userId: number) {
  if (localStorage.getItem(OWNER_KEY) === String(userId)) return;
  // The pages kept here were another user's (or nobody's): none of them may show to this one.
  await globalThis.caches?.delete(PAGE_CACHE).catch(() => false);
  localStorage.setItem(OWNER_KEY, String(userId));
  localStorage.removeItem(WARMED_KEY);
}

async function registerAndWarm() {
  if (!("serviceWorker" in navigator)) return;
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/", type: "module" });
  const registration = await navigator.serviceWorker.ready;
  const last = Number(localStorage.getItem(WARMED_KEY) ?? 0);
  const now = Date.now();
  // A clock set back (now < last) warms again rather than never.
  if (!navigator.onLine || (now >= last && now - last < WARM_EVERY_MS)) return;
  const response = await fetch("/api/v1/me/offline-pages", { cache: "no-store" });
  if (!response.ok) return;
  const { pages } = (await response.json()) as { pages: string[] };
  const here = location.pathname + location.search;
  const message: WarmPagesMessage = { type: "WARM_PAGES", urls: isCacheablePage(location.pathname) ? [here, ...pages] : pages };
  registration.active?.postMessage(message);
  localStorage.setItem(WARMED_KEY, String(now));
}

export function OfflineKit({ userId, children }: { userId: number; children: React.ReactNode }) {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [online, setOnline] = useState(true);

  const refresh = useCallback(() => entriesOf(userId).then(setEntries, () => setEntries([])), [userId]);
  const flush = useCallback(() => {
    if (navigator.onLine) void flushOutbox(userId).catch(() => {}).finally(refresh);
  }, [userId, refresh]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the connection is the browser's to know, not the server render's
    setOnline(navigator.onLine);
    void takeOwnership(userId).then(registerAndWarm).catch(() => {});
    void refresh();
    flush();
    const stop = onOutboxChange((change) => {
      if (change.userId !== userId) return;
      void refresh();
      // A save that reached the server: the page kept for offline shows it too.
      if (change.sent && change.href) keepPages([change.href]);
    });
    const up = () => {
      setOnline(true);
      flush();
    };
    const down = () => setOnline(false);
    const visible = () => document.visibilityState === "visible" && flush();
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    document.addEventListener("visibilitychange", visible);
    const timer = window.setInterval(flush, RETRY_EVERY_MS);
    return () => {
      stop();
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
      document.removeEventListener("visibilitychange", visible);
      window.clearInterval(timer);
    };
  }, [userId, refresh, flush]);

  const value = useMemo(() => ({ userId, entries, online, flush }), [userId, entries, online, flush]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
