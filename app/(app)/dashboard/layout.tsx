import { ClientMessages } from "@/components/ui/client-messages";

/** A dashboard's only client part with words is its export links: the tables and cards are rendered on the server and need no catalogue in the browser. */
export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["exports"]}>{children}</ClientMessages>;
}
