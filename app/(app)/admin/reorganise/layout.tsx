import { ClientMessages } from "@/components/ui/client-messages";

/** The words of the reorganisation form and its preview. */
export default function ReorganiseLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["reorganise"]}>{children}</ClientMessages>;
}
