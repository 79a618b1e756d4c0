/**
 * Control characters (NUL, escape, backspace…) have no place in anything a
 * person types, and PostgreSQL refuses NUL in text outright, which would
 * surface as a server error. Every server action's input is checked once,
 * before any use case runs, and refused with the name of the field.
 * Tabs and line breaks are ordinary text.
 */
import { AppError } from "../errors";

/** The pattern itself, for callers that need where it occurs (the CSV reader names the line). */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL = CONTROL_CHARACTER;

export const hasControlCharacters = (text: string) => CONTROL.test(text);

/** The name of the first field holding a control character ("" when it is a bare argument), or null. */
export function controlCharacterField(value: unknown, field = "", depth = 0): string | null {
  if (typeof value === "string") return CONTROL.test(value) ? field : null;
  if (depth > 8 || value === null || typeof value !== "object") return null;
  if (typeof FormData !== "undefined" && value instanceof FormData) {
    for (const [key, entry] of value.entries()) {
      if (CONTROL.test(key)) return key;
      if (typeof entry === "string" ? CONTROL.test(entry) : CONTROL.test(entry.name)) return key;
    }
    return null;
  }
  if (typeof Blob !== "undefined" && value instanceof Blob) return null;
  const entries = Array.isArray(value) ? value.map((item) => [field, item] as const) : Object.entries(value).map(([key, item]) => [field ? `${field}.${key}` : key, item] as const);
  for (const [key, item] of entries) {
    if (!Array.isArray(value) && CONTROL.test(key)) return key;
    const found = controlCharacterField(item, key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Refuses input holding a control character, naming the field. */
export function assertNoControlCharacters(...args: unknown[]): void {
  const field = controlCharacterField(args);
  if (field === null) return;
  throw field ? new AppError("INVALID_INPUT", "errors.controlCharacters", { field: field.replace(CONTROL, "?") }) : new AppError("INVALID_INPUT", "errors.controlCharactersAny");
}
