"use client";

/**
 * One way for any form to save through the device's queue: sent at once when
 * there is a connection; with none (or no answer, or a server that cannot take
 * it now) kept on the device (lib/offline/outbox.ts) and sent later by the
 * OfflineKit. The form decides what to show for each outcome.
 */
import { useOutbox } from "./offline-kit";
import { discardEntry, isStorageFull, queueSave, type OutboxEntry } from "@/lib/offline/outbox";
import { sendSave } from "@/lib/offline/send-outbox";

export type QueuedSaveResult =
  | { kind: "sent"; result: Record<string, unknown> }
  /** Kept on the device; `signIn` when the session ended (the message to show). */
  | { kind: "queued"; signIn?: string }
  | { kind: "conflict"; message: string; conflict: unknown }
  | { kind: "refused"; message: string; fieldErrors?: Record<string, string[]> }
  /** Neither sent nor kept: the device's storage is full (or disabled); the form keeps what was typed on the screen. */
  | { kind: "notKept"; storageFull: boolean };

export function useQueuedSave(url: string, kind: OutboxEntry["kind"]) {
  const userId = useOutbox()?.userId ?? 0;
  async function submit(key: string, body: Record<string, unknown>, label: string): Promise<QueuedSaveResult> {
    const outcome = navigator.onLine ? await sendSave(url, body) : ({ kind: "offline" } as const);
    if (outcome.kind === "sent") {
      // Anything of the same thing still waiting on the device is now superseded.
      await discardEntry(userId, key).catch(() => {});
      return outcome;
    }
    if (outcome.kind === "conflict" || outcome.kind === "refused") return outcome;
    try {
      await queueSave({ userId, key, kind, url, body, label, href: location.pathname });
      return { kind: "queued", signIn: outcome.kind === "signin" ? outcome.message : undefined };
    } catch (error) {
      console.warn("[outbox]", error);
      return { kind: "notKept", storageFull: isStorageFull(error) };
    }
  }
  return { userId, submit };
}
