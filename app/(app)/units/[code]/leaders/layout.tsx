import { ClientMessages } from "@/components/ui/client-messages";

/** The leader accounts panel and its printable sheet. */
export default function LeadersLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["leaders"]}>{children}</ClientMessages>;
}
