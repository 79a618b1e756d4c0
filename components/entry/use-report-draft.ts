"use client";

/**
 * Keeps what the official typed in the browser (localStorage) until the server
 * confirms the save, so a reload, a lost connection or a closed tab loses nothing.
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

export const draftKey = (unitCode: string, period: string) => `tcns:draft:${unitCode}:${period}`;

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
