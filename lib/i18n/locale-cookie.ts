/** The cookie that keeps the language chosen on this device (before signing in, or signed out). */
export const LOCALE_COOKIE = "locale";
