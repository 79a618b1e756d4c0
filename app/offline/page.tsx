import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("offline");
  return { title: t("title") };
}

/**
 * What the service worker shows for a page opened with no connection that was
 * never kept on the device. It is precached at install, so it says what still
 * works rather than the browser's own "no internet" page.
 */
export default async function OfflinePage() {
  const t = await getTranslations("offline");
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p>{t("notKept")}</p>
      <p>{t("whatWorks")}</p>
      <p>{t("queueSafe")}</p>
      <p>
        <Link href="/" className="inline-flex min-h-12 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">{t("home")}</Link>
      </p>
    </main>
  );
}
