/**
 * The rules for a month's figures, shared by the entry form (checking as the
 * official types) and the server (which checks everything again). Messages
 * name the field and the rule, in the reader's language. Plain code with no
 * library: it travels to the phone with the entry form (zod stays on the server).
 */
import type { MessageKey } from "../i18n/translate";

/** No residential group or ward comes near a million people or dossiers a month: a bigger number is a typing slip. */
export const MAX_FIGURE = 1_000_000;
/** A change larger than this against the previous month needs a reason. */
export const CHANGE_WARNING_RATIO = 0.5;
/**
 * ...unless it is smaller than this many (people, dossiers, sessions): for
 * small counts a percentage means nothing (1 → 3 training sessions is +200%),
 * and asking a reason for it teaches people to type anything in the box.
 */
export const MIN_CHANGE_FOR_REASON = 10;

export interface ElementRule {
  code: string;
  name: string;
  /** Stock figures (a state at the month's end) may be confirmed as unchanged; flows never. */
  aggregation?: "STOCK" | "FLOW";
}

/** "part ≤ whole": every indicator's numerator is part of its denominator; adults are part of the population. */
export interface PartOfRule {
  part: string;
  whole: string;
}

export const EXTRA_PART_OF_RULES: PartOfRule[] = [{ part: "ADULTS", whole: "PEOPLE" }];

/**
 * Says a rule's message in the reader's language: the form passes its
 * next-intl `t`, the server `translator(locale)`. Numbers go in as numbers and
 * the catalogue formats them ({whole, number}), so the rules need no locale.
 */
export type Say = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * One typed figure: empty means "not reported"; otherwise a whole number, with
 * thousands grouped the Vietnamese way ("1.030", "12 345") or the English way
 * that a spreadsheet copies ("1,030"), one kind of separator per number. A
 * non-breaking space (what Excel and Sheets put between groups) is a space.
 * A single group after a separator of another length ("1,5", "2.75") is a
 * fraction, never guessed into thousands.
 */
export function parseFigure(raw: string, name: string, say: Say): { ok: true; value: number | null } | { ok: false; message: string } {
  const text = raw.replace(/[\u00a0\u202f\u2007]/g, " ").trim();
  if (text === "") return { ok: true, value: null };
  if (/^[-\u2212]/.test(text)) return { ok: false, message: say("rules.figureNegative", { name }) };
  if (/^\d{1,3}(?:(\.)\d{3}(?:\.\d{3})*|(,)\d{3}(?:,\d{3})*|( )\d{3}(?: \d{3})*)$/.test(text) || /^\d+$/.test(text)) {
    const value = Number(text.replace(/[., ]/g, ""));
    if (value > MAX_FIGURE) return { ok: false, message: say("rules.figureTooLarge", { name, maximum: MAX_FIGURE }) };
    return { ok: true, value };
  }
  if (/^\d+[.,]\d+$/.test(text)) return { ok: false, message: say("rules.figureFraction", { name }) };
  return { ok: false, message: say("rules.figureNotNumber", { name }) };
}

export interface FigureCheck {
  values: Record<string, number | null>;
  /** Errors block the save. */
  errors: Record<string, string>;
  /** Warnings block it too until the user gives a reason. */
  warnings: Record<string, string>;
}

/** `elements` carry their names in the reader's language: the messages name the field. */
export function checkFigures(
  elements: ElementRule[],
  partOf: PartOfRule[],
  raw: Record<string, string>,
  previous: Record<string, number | null>,
  reasons: Record<string, string>,
  say: Say,
): FigureCheck {
  const values: Record<string, number | null> = {};
  const errors: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  const names = new Map(elements.map((element) => [element.code, element.name]));
  for (const element of elements) {
    const parsed = parseFigure(raw[element.code] ?? "", element.name, say);
    if (parsed.ok) values[element.code] = parsed.value;
    else errors[element.code] = parsed.message;
  }
  for (const { part, whole } of [...partOf, ...EXTRA_PART_OF_RULES]) {
    const partValue = values[part];
    const wholeValue = values[whole];
    if (!names.has(part) || !names.has(whole) || errors[part]) continue;
    if (partValue != null && wholeValue != null && partValue > wholeValue) {
      errors[part] = say("rules.figurePartOver", { name: names.get(part)!, whole: names.get(whole)!, value: wholeValue });
    } else if (partValue != null && wholeValue == null && !errors[whole]) {
      errors[whole] = say("rules.figureWholeMissing", { name: names.get(whole)!, part: names.get(part)! });
    }
  }
  for (const element of elements) {
    const value = values[element.code];
    const before = previous[element.code];
    if (errors[element.code] || value == null || before == null || before === 0) continue;
    const change = Math.abs(value - before) / before;
    if (change > CHANGE_WARNING_RATIO && Math.abs(value - before) >= MIN_CHANGE_FOR_REASON && (reasons[element.code] ?? "").trim().length < 5) {
      warnings[element.code] = say("rules.figureJump", { name: element.name, change, before, value });
    }
  }
  return { values, errors, warnings };
}

/**
 * "Same as last month": a stock figure confirmed as unchanged must be last
 * month's figure, and there must be one. Flows (dossiers, residents helped,
 * trainings) count what happened this month and are never carried over.
 */
export function checkConfirmations(
  elements: ElementRule[],
  values: Record<string, number | null>,
  previous: Record<string, number | null>,
  confirmed: readonly string[],
  say: Say,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const code of confirmed) {
    const element = elements.find((candidate) => candidate.code === code);
    if (!element) continue;
    const before = previous[code];
    if (element.aggregation !== "STOCK") errors[code] = say("rules.confirmFlow", { name: element.name });
    else if (before == null) errors[code] = say("rules.confirmNoPrevious", { name: element.name });
    else if (values[code] !== before) errors[code] = say("rules.confirmDiffers", { name: element.name, before });
  }
  return errors;
}
