"use client";

import { useTranslations } from "next-intl";

export default function SignedInError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4">
      <p className="mb-3">{t("generic")}</p>
      <button type="button" onClick={reset} className="min-h-12 rounded-md bg-brand-700 px-4 font-semibold text-white">
        {t("retry")}
      </button>
    </div>
  );
}
