/**
 * Logging a team's activity through the form's use case: the record, its
 * members, the request id, the audit and the group's month figure
 * (RESIDENTS_HELPED from the activities) with its roll-ups, in one commit.
 * Dated today, a month the demo has not reported, so no approved month refuses it.
 */
import { db } from "../../lib/db";
import { logActivity } from "../../lib/activities/log-activity";
import { vietnamDate } from "../../lib/periods";
import { getActivityPanel } from "../../lib/activities/get-activity-panel";
import { BENCH_ADMIN, type Figure } from "./dashboard-bench";
import { percentile, time } from "./samples";

/**
 * The activity panel (twelve months by service, the units below compared, and for a district, a
 * ward or a group the teams ranked, the silent teams and the members by participation), read as
 * the dashboard and the API read it, for the window ending `month`.
 */
export async function benchActivityPanel(units: { label: string; code: string | null }[], month: string, runs = 50): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const unit of units) {
    const samples = await time(runs, () => getActivityPanel(BENCH_ADMIN, unit.code, { period: month }));
    figures.push({ name: `activity panel, ${unit.label}, 12 months: p50`, value: Math.round(percentile(samples, 0.5) * 10) / 10, unit: "ms" });
    figures.push({ name: `activity panel, ${unit.label}, 12 months: p95`, value: Math.round(percentile(samples, 0.95) * 10) / 10, unit: "ms", goal: "≤ 50 ms" });
  }
  return figures;
}

export async function benchActivities(teamCode: string, runs = 50): Promise<Figure[]> {
  const team = await db.team.findUniqueOrThrow({ where: { code: teamCode }, select: { id: true } });
  const members = (await db.teamMember.findMany({ where: { teamId: team.id, active: true }, select: { id: true }, take: 3 })).map((member) => member.id);
  let round = 0;
  const samples = await time(runs, async () => {
    round += 1;
    const logged = await logActivity(BENCH_ADMIN, teamCode, {
      occurredOn: vietnamDate(new Date()),
      kind: "HOME_VISITS",
      place: `Kiệt ${round} (đo hiệu năng)`,
      memberIds: members,
      helpedVneid: String(round % 7),
      helpedSignature: "2",
      helpedOnlineFiling: "1",
      procedures: "3",
      appsInstalled: "2",
    }, { requestId: crypto.randomUUID() });
    if (!logged.ok) throw new Error(logged.message);
  });
  return [
    { name: "logging a team's activity (3 members, the group's figure and roll-ups): p50", value: Math.round(percentile(samples, 0.5) * 10) / 10, unit: "ms" },
    { name: "logging a team's activity (3 members, the group's figure and roll-ups): p95", value: Math.round(percentile(samples, 0.95) * 10) / 10, unit: "ms", goal: "≤ 50 ms" },
  ];
}
