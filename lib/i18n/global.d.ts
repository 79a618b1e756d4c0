/**
 * Message keys are typed from the Vietnamese catalogue (the first language):
 * `t("a.key")` with a key that is not in it fails the typecheck, and the
 * catalogue test keeps English in step with it.
 */
import type messages from "./messages/vi.json";
import type { Locale } from "../format";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
