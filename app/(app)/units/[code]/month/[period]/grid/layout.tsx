import { ClientMessages } from "@/components/ui/client-messages";

/** The ward grid checks every cell with the entry form's rules. */
export default function WardGridLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["entry", "grid", "rules"]}>{children}</ClientMessages>;
}
