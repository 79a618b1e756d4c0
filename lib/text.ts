/** Vietnamese text helpers: one normal form for storage, one folded form for search. */

/** Control characters and the bidirectional overrides that can make a name display as another. */
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Unicode NFC with collapsed whitespace and no invisible controls: how every name is stored. */
export function normalizeName(value: string): string {
  return value.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

/**
 * Lower case without diacritics, đ → d: "Hòa Thuận Tây" → "hoa thuan tay", so a
 * search typed without accents still finds the name.
 */
export function foldVietnamese(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const viCollator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

/** Vietnamese alphabetical order (a, ă, â, b, … đ after d), numbers in numeric order. */
export function compareVietnamese(a: string, b: string): number {
  return viCollator.compare(a, b);
}
