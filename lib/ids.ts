/** Row ids are PostgreSQL integers: a larger number from a form or an address is no row, not a query error. */
const MAX_ROW_ID = 2_147_483_647;

export function isRowId(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_ROW_ID;
}

/** The id a form field or path segment names, or -1 (which no row has). */
export function parseRowId(text: unknown): number {
  const value = typeof text === "string" && /^\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : -1;
  return isRowId(value) ? value : -1;
}
