import { ClientMessages } from "@/components/ui/client-messages";

/** The entry form checks figures as they are typed, with the rules' messages. */
export default function EntryLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["entry", "rules"]}>{children}</ClientMessages>;
}
