import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessages, type ClientNamespace } from "@/lib/i18n/client-namespaces";

/**
 * The catalogue namespaces that the client components inside read, and only
 * those (with the core ones every page has): the rest of the catalogue stays
 * on the server instead of riding in every page's payload.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly ClientNamespace[]; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={clientMessages(await getMessages(), namespaces)}>{children}</NextIntlClientProvider>;
}
