import { ClientMessages } from "@/components/ui/client-messages";

/** The words of the account forms, their roles and API tokens. */
export default function UsersLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["roles", "tokens", "users"]}>{children}</ClientMessages>;
}
