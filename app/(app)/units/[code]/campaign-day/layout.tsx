import { ClientMessages } from "@/components/ui/client-messages";

/** A campaign day's lines, typed by the ward or district. */
export default function CampaignDayLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["campaignDay"]}>{children}</ClientMessages>;
}
