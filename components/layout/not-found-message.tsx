import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

export async function NotFoundMessage() {
  const t = await getTranslations("units");
  return (
    <div className="mx-auto max-w-xl py-6">
      <h1 className="mb-2 text-xl font-bold">404</h1>
      <p className="mb-4">{t("notFound")}</p>
      <Link href="/" className="text-brand-700 underline">{t("backHome")}</Link>
    </div>
  );
}
