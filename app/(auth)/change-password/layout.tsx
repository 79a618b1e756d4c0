import { ClientMessages } from "@/components/ui/client-messages";

/** The change-password form. */
export default function ChangePasswordLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["changePassword"]}>{children}</ClientMessages>;
}
