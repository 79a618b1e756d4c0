import { ClientMessages } from "@/components/ui/client-messages";

/** A team's page: its member forms and the activity form (which also works offline). */
export default function TeamsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["activities", "affiliations", "memberRoles", "teams"]}>{children}</ClientMessages>;
}
