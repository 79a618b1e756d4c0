/** The largest file an import takes. Shared with the browser, which refuses a larger file before sending it. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
