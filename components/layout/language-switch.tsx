import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions/set-locale";

/** Two plain form buttons: works without JavaScript, on any phone. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const options = [
    { value: "vi", label: "Tiếng Việt" },
    { value: "en", label: "English" },
  ];
  return (
    <form action={setLocale} className="flex items-center gap-1" aria-label={t("language")}>
      {options.map((option) => (
        <button
          key={option.value}
          type="submit"
          name="locale"
          value={option.value}
          aria-pressed={locale === option.value}
          lang={option.value}
          className="min-h-10 rounded px-2 text-sm underline-offset-2 aria-pressed:font-semibold aria-pressed:underline hover:bg-white/10"
        >
          {option.label}
        </button>
      ))}
    </form>
  );
}
