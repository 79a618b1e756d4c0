/**
 * The demo teams' activity log over the last twelve months, so that a new user
 * sees the activity panel alive: most teams log their door-to-door work, more
 * in the campaign months (Thanh Oai's campaign day in August, Ngày Chuyển đổi
 * số on 10 October), a few have fallen silent for two months or more, and the
 * Cự Khê pilot team and Chiềng Xôm's youth stand out (Chiềng Xôm's helped
 * 1,154 residents install apps). A residential group's activities in a month
 * add up to the RESIDENTS_HELPED the demo already has for it, so the log
 * explains the figure and never changes it (the rule of
 * lib/activities/residents-helped.ts holds in the demo as it does live).
 */
import { addMonths, periodRange } from "../../lib/periods";
import type { ActivityKind } from "../../lib/generated/prisma/enums";
import { HELPED_FIELDS } from "../../lib/schemas/activity-options";
import { SeededRandom } from "./random";

export const DEMO_ACTIVITY_MONTHS = 12;

/** Commune-level teams that stand out in the sources. */
const STANDOUTS: Record<string, { perMonth: [number, number]; helped: [number, number]; apps: number }> = {
  "TCNS-10231": { perMonth: [8, 12], helped: [12, 30], apps: 0.4 }, // the Cự Khê pilot team of 16
  "TCNS-03646": { perMonth: [6, 9], helped: [10, 22], apps: 0.9 }, // Chiềng Xôm's youth: ~1,154 residents with apps a year
};

export interface DemoTeam {
  id: number;
  code: string;
  unitId: number;
  /** A residential group's team; false for a commune-level team (at its ward). */
  atGroup: boolean;
  /** The first month the team's unit existed (a unit formed by a reorganisation has no months before). */
  firstPeriod: number;
  /** Active members, the leader first. */
  memberIds: number[];
}

type Helped = Record<(typeof HELPED_FIELDS)[number], number>;

export interface DemoActivity extends Helped {
  teamId: number;
  unitId: number;
  occurredOn: string;
  kind: ActivityKind;
  place: string;
  procedures: number;
  appsInstalled: number;
  attendees: number | null;
  memberIds: number[];
}

const KINDS: readonly (readonly [ActivityKind, number])[] = [["HOME_VISITS", 50], ["ONE_STOP_DUTY", 14], ["TRAINING", 10], ["COMMUNITY_MEETING", 10], ["CAMPAIGN_DAY", 8], ["OTHER", 8]];
const SERVICE_WEIGHTS: Record<(typeof HELPED_FIELDS)[number], number> = {
  helpedVneid: 24, helpedSignature: 16, helpedOnlineFiling: 20, helpedCashless: 15, helpedBankAccount: 10, helpedHealthBook: 10, helpedOther: 5,
};
const PLACES: Record<ActivityKind, readonly string[]> = {
  HOME_VISITS: ["Các hộ trong tổ", "Kiệt nhỏ cuối tổ", "Các hộ người cao tuổi", "Dãy nhà trọ công nhân"],
  ONE_STOP_DUTY: ["Bộ phận một cửa UBND", "Bộ phận tiếp nhận và trả kết quả"],
  TRAINING: ["Nhà văn hóa", "Hội trường UBND", "Trường THCS"],
  COMMUNITY_MEETING: ["Nhà văn hóa", "Loa truyền thanh", "Sân sinh hoạt cộng đồng"],
  CAMPAIGN_DAY: ["Chợ", "Nhà văn hóa", "Điểm ra quân ngày chuyển đổi số"],
  OTHER: ["Chợ", "Cửa hàng tạp hóa", "Điểm sinh hoạt cộng đồng"],
};

const lastDay = (period: number) => new Date(Date.UTC(Math.floor(period / 100), period % 100, 0)).getUTCDate();
const dateIn = (period: number, day: number) => `${Math.floor(period / 100)}-${String(period % 100).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** Splits `total` into `parts` non-negative whole numbers at random (a multinomial draw). */
function split(random: SeededRandom, total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map(() => 0);
  for (let n = 0; n < total; n += 1) {
    let roll = random.next() * sum;
    let index = 0;
    while (roll >= weights[index] && index < weights.length - 1) roll -= weights[index++];
    out[index] += 1;
  }
  return out;
}

function shuffle<T>(random: SeededRandom, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [items[index], items[other]] = [items[other], items[index]];
  }
  return items;
}

function helpedBy(random: SeededRandom, total: number, cashlessBoost = 1): Helped {
  const weights = HELPED_FIELDS.map((field) => SERVICE_WEIGHTS[field] * (field === "helpedCashless" ? cashlessBoost : 1));
  const parts = split(random, total, weights);
  return Object.fromEntries(HELPED_FIELDS.map((field, index) => [field, parts[index]])) as Helped;
}

/**
 * Activities of the teams (in the order given) for the twelve months up to
 * `anchor`. `helpedOf(unitId, period)` is the group's RESIDENTS_HELPED for the
 * month, or null when it has none (then its team logged nothing that month).
 */
export function buildDemoActivities(teams: DemoTeam[], helpedOf: (unitId: number, period: number) => number | null, anchor: number, seed = 20_261_206): DemoActivity[] {
  const random = new SeededRandom(seed);
  const months = periodRange(addMonths(anchor, -(DEMO_ACTIVITY_MONTHS - 1)), anchor);
  const activities: DemoActivity[] = [];
  for (const team of teams) {
    if (team.memberIds.length === 0) continue;
    const standout = STANDOUTS[team.code];
    // One team in six keeps no log (the ward types its figure); one in twelve fell silent two or three months ago.
    if (!standout && random.chance(1 / 6)) continue;
    const silentFrom = !standout && random.chance(1 / 12) ? addMonths(anchor, -random.int(1, 2)) : null;
    const perMonth = standout?.perMonth ?? [1, random.int(2, 4)];
    for (const period of months) {
      if (period < team.firstPeriod || (silentFrom !== null && period >= silentFrom)) continue;
      const month = period % 100;
      const campaign = month === 8 || month === 10;
      let remaining: number;
      let count: number;
      if (team.atGroup) {
        const helped = helpedOf(team.unitId, period);
        if (helped === null) continue;
        remaining = helped;
        count = Math.max(1, Math.min(random.int(perMonth[0], perMonth[1]) + (campaign ? 1 : 0), Math.max(1, helped)));
      } else {
        count = random.int(perMonth[0], perMonth[1]) * (campaign ? 2 : 1);
        remaining = -1;
      }
      const days = Array.from({ length: count }, () => random.int(1, lastDay(period))).sort((a, b) => a - b);
      // A group's month: the activities share out the month's residents helped.
      const shares = remaining >= 0 ? split(random, remaining, days.map(() => 1)) : null;
      days.forEach((day, index) => {
        let kind = random.weighted(KINDS);
        if (campaign && index === 0) kind = "CAMPAIGN_DAY";
        const helpedTotal = shares ? shares[index] : random.int(standout?.helped[0] ?? 3, standout?.helped[1] ?? 12) * (kind === "CAMPAIGN_DAY" ? 2 : 1);
        const helped = helpedBy(random, helpedTotal, standout ? 1 + standout.apps * 3 : 1);
        const apps = Math.round((helped.helpedCashless + helped.helpedVneid + helped.helpedHealthBook) * (standout ? 0.6 + standout.apps * 0.4 : random.between(0.3, 0.8)));
        const takingPart = Math.min(team.memberIds.length, random.int(2, 4));
        // The leader is there most days; the others take turns.
        const others = shuffle(random, team.memberIds.slice(1));
        const memberIds = random.chance(0.7) ? [team.memberIds[0], ...others.slice(0, takingPart - 1)] : others.slice(0, takingPart);
        activities.push({
          teamId: team.id,
          unitId: team.unitId,
          occurredOn: dateIn(period, day),
          kind,
          place: random.pick(PLACES[kind]),
          ...helped,
          procedures: kind === "ONE_STOP_DUTY" || kind === "CAMPAIGN_DAY" ? Math.round(helpedTotal * random.between(0.2, 0.5)) : random.int(0, 2),
          appsInstalled: Math.min(10_000, apps),
          attendees: kind === "TRAINING" ? random.int(12, 45) : null,
          memberIds: memberIds.length > 0 ? memberIds : [team.memberIds[0]],
        });
      });
    }
  }
  return activities;
}
