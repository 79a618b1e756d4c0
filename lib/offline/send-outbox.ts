/**
 * Sends a save to the app's write route and reads the answer the same way
 * whether the form sends it at once or the queue sends it days later.
 */
import { entriesOf, markEntry, removeEntry, type OutboxEntry } from "./outbox";

export type SendOutcome =
  /** Applied (or recognised as already applied, by its request id). */
  | { kind: "sent"; result: Record<string, unknown> }
  /** No answer: the device is offline or the answer was lost; the same request id is sent again later. */
  | { kind: "offline" }
  /** The server could not take it now (database down, server error): try again later. */
  | { kind: "unavailable"; message: string }
  /** Someone saved the same thing since: the user merges. */
  | { kind: "conflict"; message: string; conflict: unknown }
  /** The rules refused it (a month approved meanwhile, a unit merged away, a figure out of range…). */
  | { kind: "refused"; message: string; fieldErrors?: Record<string, string[]> }
  /** The session ended or the account was deactivated: sign in again, the save waits. */
  | { kind: "signin"; message: string };

export async function sendSave(url: string, body: Record<string, unknown>): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { kind: "offline" };
  }
  let data: Record<string, unknown> | null = null;
  try {
    data = (await response.json()) as Record<string, unknown>;
  } catch {
    data = null;
  }
  const message = String(data?.message ?? (data?.error as { message?: string } | undefined)?.message ?? response.statusText);
  if (response.ok && data?.ok === true) return { kind: "sent", result: data };
  if (response.status === 401) return { kind: "signin", message };
  if (response.status === 409 && data?.conflict) return { kind: "conflict", message, conflict: data.conflict };
  if (response.status >= 500 || !data) return { kind: "unavailable", message };
  return { kind: "refused", message, fieldErrors: (data.fieldErrors as Record<string, string[]> | undefined) ?? undefined };
}

/** Records what a sending of a queued entry came to; true when the queue may go on to the next entry. */
export async function settle(entry: OutboxEntry, outcome: SendOutcome): Promise<boolean> {
  switch (outcome.kind) {
    case "sent":
      await removeEntry(entry, { ok: true, result: outcome.result });
      return true;
    case "conflict":
      await markEntry(entry, { status: "conflict", message: outcome.message, conflict: outcome.conflict });
      return true;
    case "refused":
      await markEntry(entry, { status: "refused", message: outcome.message, fieldErrors: outcome.fieldErrors });
      return true;
    case "signin":
      await markEntry(entry, { status: "signin", message: outcome.message });
      return false;
    default:
      return false;
  }
}

let flushing: Promise<void> | null = null;

/**
 * Sends the user's waiting entries in the order they were queued. A conflict
 * or a refusal marks that entry for the user and goes on with the rest; no
 * answer, or a server that cannot take it now, stops until the next try.
 * One tab sends at a time (a Web Lock), so two tabs never send the same entry at once.
 */
export function flushOutbox(userId: number): Promise<void> {
  const run = async () => {
    for (const entry of await entriesOf(userId)) {
      if (entry.status !== "waiting" && entry.status !== "signin") continue;
      if (!(await settle(entry, await sendSave(entry.url, entry.body)))) return;
    }
  };
  flushing ??= (navigator.locks ? (navigator.locks.request("tcns-outbox", run) as unknown as Promise<void>) : run()).finally(() => {
    flushing = null;
  });
  return flushing;
}
