/**
 * Spreadsheet formula injection: a cell that begins with =, +, -, @, a tab or
 * a carriage return is read by Excel as a formula. Such text gets a leading
 * apostrophe, which Excel shows as plain text. Numbers are written as numbers
 * and never pass through here.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
