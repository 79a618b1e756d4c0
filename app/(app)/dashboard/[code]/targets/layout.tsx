import { ClientMessages } from "@/components/ui/client-messages";

/** The targets form. */
export default function TargetsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["targets"]}>{children}</ClientMessages>;
}
