/**
 * The demo's months as the app under test has them. seedDemo seeds with this
 * anchor, and the app's own clock (the same clock, or the same faked one) makes
 * the anchor the month it asks ward officials to report: so the browser tests
 * pass on any date, and name no month of their own.
 */
import { addMonths, periodCode } from "@/lib/periods";
import { demoAnchor } from "@/prisma/seed/demo-places";

/** The demo's last month: the last complete month, in which about 8% of groups have not reported yet. */
export const LATEST = demoAnchor();
export const PREVIOUS = addMonths(LATEST, -1);
export const LATEST_CODE = periodCode(LATEST);
export const PREVIOUS_CODE = periodCode(PREVIOUS);
/** "Tháng 11/2026" */
export const monthText = (period: number) => `Tháng ${period % 100}/${Math.floor(period / 100)}`;
