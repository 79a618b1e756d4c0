import { ClientMessages } from "@/components/ui/client-messages";

/** A ward's month: completeness, reminders, review and the import form. */
export default function UnitMonthLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["completeness", "importActivities", "importMembers", "importTeams", "importValues"]}>{children}</ClientMessages>;
}
