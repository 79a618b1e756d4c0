import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/lib/i18n/locale-cookie";
import { languageOf, translator } from "@/lib/i18n/translate";
import { THEME_COLOR } from "@/lib/offline/cache-names";

export const dynamic = "force-dynamic";

/**
 * The web app manifest, in the reader's language (Vietnamese unless they chose
 * English): Android offers "Add to home screen" and opens the app on its own,
 * starting at the units page where a team leader's shortcut is.
 */
export async function GET() {
  const locale = languageOf({ locale: (await cookies()).get(LOCALE_COOKIE)?.value });
  const t = translator(locale);
  const icon = (kind: "any" | "maskable", size: number) => ({ src: `/icons/icon-${kind}-${size}.png`, sizes: `${size}x${size}`, type: "image/png", purpose: kind });
  const manifest = {
    id: "/",
    name: t("app.name"),
    short_name: t("app.shortName"),
    description: t("app.tagline"),
    lang: locale,
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: THEME_COLOR,
    icons: [icon("any", 192), icon("any", 512), icon("maskable", 192), icon("maskable", 512)],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "private, max-age=3600", Vary: "Cookie" },
  });
}
