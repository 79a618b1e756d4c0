"use server";

import { defineAction } from "@/lib/auth/define-action";
import { logCampaignDay, type CampaignDayInput } from "@/lib/activities/campaign-day";

/** A campaign day of many teams, written all or nothing (lib/activities/campaign-day.ts). */
export const campaignDayAction = defineAction("activities.campaign", (user, input: CampaignDayInput) => logCampaignDay(user, input), { revalidate: ["/dashboard", "/teams"] });
