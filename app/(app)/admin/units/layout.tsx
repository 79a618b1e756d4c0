import { ClientMessages } from "@/components/ui/client-messages";

/** The words of the administrative-units import. */
export default function UnitImportLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["importUnits"]}>{children}</ClientMessages>;
}
