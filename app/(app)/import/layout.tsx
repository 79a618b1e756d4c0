import { ClientMessages } from "@/components/ui/client-messages";

/** One import form serves figures, members, teams and activities. */
export default function ImportLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["importActivities", "importMembers", "importTeams", "importValues"]}>{children}</ClientMessages>;
}
