import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: the password is read aloud or copied by hand to a ward official.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password an administrator hands over; the user must replace it at first sign-in. */
export function temporaryPassword(length = 12): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}
