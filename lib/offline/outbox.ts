/**
 * The device's queue of saves not yet sent (IndexedDB through `idb`): one
 * queue for every form that can work offline (a month's figures, a team
 * member's card). An entry is what the form would have sent, with its request
 * id and the version it started from, so that sending it days later applies it
 * once and never over a colleague's later save.
 *
 * - One entry per thing saved (`key`): saving the same month again offline
 *   replaces the entry's body and keeps its place in the queue.
 * - Order is the queue's own counter, never the device's clock (which may be far off).
 * - Every entry belongs to the user who saved it: others never see it, and
 *   signing out removes the user's entries (after asking).
 * - An entry the server refused stays, with the server's message, until the
 *   user saves again or discards it: nothing is dropped in silence.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

export type OutboxStatus = "waiting" | "conflict" | "refused" | "signin";

export interface OutboxEntry {
  seq?: number;
  userId: number;
  key: string;
  kind: "report" | "member" | "activity";
  /** The app's write route (lib/api/write-route.ts), which a new version keeps. */
  url: string;
  body: Record<string, unknown>;
  /** What the bar shows ("Tổ dân phố 3 · 11/2026") and where the user resolves it. */
  label: string;
  href: string;
  /** The device's time when first queued: shown, never used for order. */
  queuedAt: string;
  status: OutboxStatus;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  conflict?: unknown;
}

interface OutboxSchema extends DBSchema {
  outbox: { key: number; value: OutboxEntry; indexes: { user: number; userKey: [number, string] } };
}

const DATABASE = "tcns-offline";
let database: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function open() {
  database ??= openDB<OutboxSchema>(DATABASE, 1, {
    upgrade(db) {
      const store = db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
      store.createIndex("user", "userId");
      store.createIndex("userKey", ["userId", "key"], { unique: true });
    },
    // Another tab opened a newer version (after an update): let it upgrade, reopen on the next call.
    blocking() {
      void database?.then((db) => db.close());
      database = null;
    },
  });
  return database;
}

const CHANNEL = "tcns-outbox";

export interface OutboxChange {
  /** The entry that changed, or null when many did (cleared). */
  key: string | null;
  userId: number;
  /** The entry's last sending, when there was one, and the page it belongs to. */
  sent?: { ok: true; result: Record<string, unknown> };
  href?: string;
}

/** Tells this tab and the others that the queue changed. */
function announce(change: OutboxChange) {
  window.dispatchEvent(new CustomEvent<OutboxChange>(CHANNEL, { detail: change }));
  try {
    new BroadcastChannel(CHANNEL).postMessage(change);
  } catch {
    // an old browser without BroadcastChannel: the other tabs learn at their next look
  }
}

export function onOutboxChange(listener: (change: OutboxChange) => void): () => void {
  const local = (event: Event) => listener((event as CustomEvent<OutboxChange>).detail);
  window.addEventListener(CHANNEL, local);
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<OutboxChange>) => listener(event.data);
  } catch {
    channel = null;
  }
  return () => {
    window.removeEventListener(CHANNEL, local);
    channel?.close();
  };
}

/** The user's entries, in the order they were first queued. */
export async function entriesOf(userId: number): Promise<OutboxEntry[]> {
  const entries = await (await open()).getAllFromIndex("outbox", "user", userId);
  return entries.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export async function entryFor(userId: number, key: string): Promise<OutboxEntry | undefined> {
  return (await open()).getFromIndex("outbox", "userKey", [userId, key]);
}

/**
 * Queues a save, or replaces the waiting one for the same thing (keeping its
 * place). Throws when the device cannot store it (storage full): the caller
 * keeps the figures on the screen and says so.
 */
export async function queueSave(entry: Omit<OutboxEntry, "seq" | "status" | "queuedAt">): Promise<void> {
  const db = await open();
  const tx = db.transaction("outbox", "readwrite");
  const existing = await tx.store.index("userKey").get([entry.userId, entry.key]);
  const next: OutboxEntry = { ...entry, queuedAt: existing?.queuedAt ?? new Date().toISOString(), status: "waiting" };
  // A new entry has no seq at all (an undefined one is refused as a key): the store numbers it.
  if (existing?.seq !== undefined) next.seq = existing.seq;
  await tx.store.put(next);
  await tx.done;
  announce({ key: entry.key, userId: entry.userId });
}

export async function markEntry(entry: OutboxEntry, patch: Pick<OutboxEntry, "status"> & Partial<Pick<OutboxEntry, "message" | "fieldErrors" | "conflict">>): Promise<void> {
  const db = await open();
  const current = await db.get("outbox", entry.seq!);
  if (!current) return;
  await db.put("outbox", { ...current, message: undefined, fieldErrors: undefined, conflict: undefined, ...patch });
  announce({ key: entry.key, userId: entry.userId });
}

export async function removeEntry(entry: OutboxEntry, sent?: OutboxChange["sent"]): Promise<void> {
  await (await open()).delete("outbox", entry.seq!);
  announce({ key: entry.key, userId: entry.userId, sent, href: entry.href });
}

/** Drops the user's entry for a thing, if any: the form saved it directly, or the user discarded it. */
export async function discardEntry(userId: number, key: string): Promise<void> {
  const entry = await entryFor(userId, key);
  if (entry) await removeEntry(entry);
}

/** Removes every entry of the user: at sign-out, once they agreed to lose what was not sent. */
export async function clearUser(userId: number): Promise<void> {
  const db = await open();
  const tx = db.transaction("outbox", "readwrite");
  for (const seq of await tx.store.index("user").getAllKeys(userId)) await tx.store.delete(seq);
  await tx.done;
  announce({ key: null, userId });
}

/** True for the error a full device gives (each browser names it its own way). */
export function isStorageFull(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? "";
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || /quota/i.test(String((error as Error | null)?.message ?? ""));
}
