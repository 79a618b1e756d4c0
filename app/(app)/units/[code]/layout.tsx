import { ClientMessages } from "@/components/ui/client-messages";

/** A unit's page creates missing teams; the pages below send their own words. */
export default function UnitLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["teams"]}>{children}</ClientMessages>;
}
