import { ClientMessages } from "@/components/ui/client-messages";

/** The sign-in form. */
export default function SignInLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["signIn"]}>{children}</ClientMessages>;
}
