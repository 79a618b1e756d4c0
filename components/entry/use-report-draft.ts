"use client";

/**
 * Keeps what the official typed in the browser (localStorage) until the server
 * confirms the save, so a reload, a lost connection or a closed tab loses nothing.
 * Drafts are the typing user's: the key holds their id, and signing out removes them.
 */
export interface ReportDraft {
  values: Record<string, string>;
  reasons: Record<string, string>;
  /** Stock fields confirmed as unchanged since last month. */
  confirmed?: string[];
  /** The report version the typing started from. */
  baseVersion: number;
  savedAt: string;
}

export const draftKey = (userId: number, unitCode: string, period: string) => `tcns:draft:${userId}:${unitCode}:${period}`;
export const gridDraftKey = (userId: number, ward: string, period: string) => `tcns:grid:${userId}:${ward}:${period}`;
/** The key before drafts were per user: a draft typed then is still offered, once, to whoever opens the form. */
export const legacyDraftKey = (unitCode: string, period: string) => `tcns:draft:${unitCode}:${period}`;

export function readDraft(key: string): ReportDraft | null {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as ReportDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: ReportDraft): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // A full or disabled storage must not stop typing; the save still works.
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** Every draft of the user (forms and grids), at sign-out. */
export function forgetDrafts(userId: number): void {
  try {
    const prefixes = [`tcns:draft:${userId}:`, `tcns:grid:${userId}:`];
    const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index) ?? "");
    for (const key of keys) if (prefixes.some((prefix) => key.startsWith(prefix))) localStorage.removeItem(key);
  } catch {
    // storage disabled: nothing was kept
  }
}
