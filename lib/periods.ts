/** Months as integers yyyymm (202510 = October 2025), and their "YYYY-MM" codes in files and URLs. */

export function periodId(year: number, month: number): number {
  return year * 100 + month;
}

/** "2025-10" → 202510, or null when the text is not a valid month. */
export function parsePeriodCode(code: string): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(code.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 2000 || year > 2100) return null;
  return periodId(year, month);
}

export function periodCode(id: number): string {
  return `${Math.floor(id / 100)}-${String(id % 100).padStart(2, "0")}`;
}

export function addMonths(id: number, count: number): number {
  const index = Math.floor(id / 100) * 12 + (id % 100) - 1 + count;
  return periodId(Math.floor(index / 12), (index % 12) + 1);
}

/** Calendar months from one month to another: 202611 → 202702 is 3 (negative when `to` is earlier). */
export function monthsBetween(from: number, to: number): number {
  return (Math.floor(to / 100) - Math.floor(from / 100)) * 12 + (to % 100) - (from % 100);
}

/** Every month from `from` to `to`, both included. */
export function periodRange(from: number, to: number): number[] {
  const months: number[] = [];
  for (let id = from; id <= to; id = addMonths(id, 1)) months.push(id);
  return months;
}

/** The month a date falls in, on Vietnam's clock. */
export function periodOfDate(date: Date): number {
  const local = new Date(date.getTime() + 7 * 3600 * 1000);
  return periodId(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/** The calendar day a moment falls on, on Vietnam's clock, as YYYY-MM-DD. */
export function vietnamDate(date: Date): string {
  return new Date(date.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
