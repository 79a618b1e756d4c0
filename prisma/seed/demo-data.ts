/**
 * Builds the demo data in memory from DEMO_PLACES with a seeded PRNG: the same
 * units, teams, members and figures on every run and every machine.
 */
import { normalizeName } from "../../lib/text";
import { addMonths, periodRange } from "../../lib/periods";
import type { Affiliation, Gender, MemberRole, UnitLevel } from "../../lib/generated/prisma/enums";
import {
  DEMO_FIRST_PERIOD,
  DEMO_PLACES,
  DEMO_USERS,
  type Profile,
  type RateKey,
  type WardSeed,
} from "./demo-places";
import { SeededRandom } from "./random";

export const DEMO_SEED = 20_251_001;

export interface UnitRow {
  code: string;
  name: string;
  level: UnitLevel;
  kind: string;
  parentCode: string | null;
}
export interface TeamRow {
  code: string;
  name: string;
  unitCode: string;
  foundedOn: string;
  foundingDecision: string;
}
export interface MemberRow {
  teamCode: string;
  fullName: string;
  role: MemberRole;
  affiliation: Affiliation;
  birthYear: number;
  gender: Gender;
  phone: string;
  trainedOn: string | null;
}
export interface ValueRow {
  unitCode: string;
  periodId: number;
  elementCode: string;
  value: number;
}
export interface DemoData {
  units: UnitRow[];
  teams: TeamRow[];
  members: MemberRow[];
  values: ValueRow[];
}

const FAMILY_NAMES = [
  ["Nguyễn", 38], ["Trần", 11], ["Lê", 9.5], ["Phạm", 7], ["Hoàng", 4], ["Huỳnh", 3], ["Phan", 4.5],
  ["Vũ", 3.9], ["Võ", 3], ["Đặng", 2.1], ["Bùi", 2], ["Đỗ", 1.4], ["Hồ", 1.3], ["Ngô", 1.3], ["Dương", 1], ["Lý", 0.5],
] as const;
const MALE_MIDDLE = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thanh", "Ngọc", "Xuân"] as const;
const FEMALE_MIDDLE = ["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng"] as const;
const MALE_GIVEN = ["Hùng", "Dũng", "Nam", "Tuấn", "Hải", "Long", "Sơn", "Phong", "Quân", "Khoa", "Minh", "Thắng", "Toàn", "Bình", "Tài", "Huy", "Đạt", "Phúc"] as const;
const FEMALE_GIVEN = ["Lan", "Hoa", "Hương", "Mai", "Linh", "Trang", "Thảo", "Hạnh", "Nga", "Yến", "Hằng", "Phương", "Vy", "Nhung", "Huyền", "Ánh"] as const;
const MOBILE_PREFIXES = ["032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093", "094", "096", "097", "098"] as const;

const MEMBER_AFFILIATIONS: readonly (readonly [Affiliation, number])[] = [
  ["YOUTH_UNION", 20], ["WOMENS_UNION", 18], ["STUDENT_VOLUNTEER", 12], ["VETERANS", 10], ["FATHERLAND_FRONT", 10],
  ["POLICE", 8], ["PARTY_CELL", 6], ["RESIDENTIAL_GROUP_HEAD", 6], ["TECH_COMPANY", 4], ["OTHER", 6],
];

function personName(random: SeededRandom): { fullName: string; gender: Gender } {
  const gender: Gender = random.chance(0.52) ? "FEMALE" : "MALE";
  const family = random.weighted(FAMILY_NAMES.map(([name, weight]) => [name, weight] as const));
  const middle = random.pick(gender === "FEMALE" ? FEMALE_MIDDLE : MALE_MIDDLE);
  const given = random.pick(gender === "FEMALE" ? FEMALE_GIVEN : MALE_GIVEN);
  return { fullName: `${family} ${middle} ${given}`, gender };
}

/**
 * Ages by background, as the sources describe the teams ("tóc bạc – đầu
 * xanh"): older party-cell secretaries, group heads, veterans and Women's
 * Union members beside Youth Union members and students. [youngest, oldest].
 */
const AGE_BY_AFFILIATION: Record<Affiliation, readonly [number, number]> = {
  STUDENT_VOLUNTEER: [18, 23],
  YOUTH_UNION: [18, 32],
  TECH_COMPANY: [22, 42],
  POLICE: [24, 50],
  WOMENS_UNION: [28, 66],
  FATHERLAND_FRONT: [40, 70],
  RESIDENTIAL_GROUP_HEAD: [42, 72],
  PARTY_CELL: [45, 74],
  VETERANS: [55, 82],
  OTHER: [20, 65],
};

/** A birth year that fits the member's background, counted back from the demo's year. */
function birthYear(random: SeededRandom, affiliation: Affiliation, year: number): number {
  const [youngest, oldest] = AGE_BY_AFFILIATION[affiliation];
  // Ages cluster in the middle of the band: the mean of two draws.
  const age = Math.round((random.int(youngest, oldest) + random.int(youngest, oldest)) / 2);
  return year - age;
}

/** The last day of a month yyyymm, as an ISO date. */
export function lastDayOfPeriod(period: number): string {
  const next = addMonths(period, 1);
  return new Date(Date.UTC(Math.floor(next / 100), (next % 100) - 1, 0)).toISOString().slice(0, 10);
}

/** A generated member as the team_member row the seed writes. */
export function memberData(member: MemberRow, teamId: number) {
  return {
    teamId,
    fullName: normalizeName(member.fullName),
    role: member.role,
    affiliation: member.affiliation,
    birthYear: member.birthYear,
    gender: member.gender,
    phone: member.phone,
    trainedOn: member.trainedOn ? new Date(member.trainedOn) : null,
  };
}

/** A team's members; `anchor` is the demo's last month, the latest a training can have been. */
export function demoMembers(random: SeededRandom, teamCode: string, count: number, foundedOn: string, anchor: number): MemberRow[] {
  const rows: MemberRow[] = [];
  const founded = Date.parse(foundedOn);
  const lastTrainingDay = Date.parse(lastDayOfPeriod(anchor));
  const year = Math.floor(anchor / 100);
  for (let index = 0; index < count; index += 1) {
    const { fullName, gender } = personName(random);
    const role: MemberRole = index === 0 ? "LEADER" : index === 1 ? "DEPUTY" : "MEMBER";
    const affiliation: Affiliation =
      index === 0 ? random.pick(["RESIDENTIAL_GROUP_HEAD", "PARTY_CELL"] as const) : random.weighted(MEMBER_AFFILIATIONS);
    const trained = random.chance(role === "MEMBER" ? 0.78 : 0.95);
    rows.push({
      teamCode,
      fullName,
      role,
      affiliation,
      birthYear: birthYear(random, affiliation, year),
      gender,
      phone: random.pick(MOBILE_PREFIXES) + String(random.int(0, 9_999_999)).padStart(7, "0"),
      // Training happens after the team is founded, never before.
      trainedOn: trained ? new Date(founded + random.int(0, Math.floor((lastTrainingDay - founded) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10) : null,
    });
  }
  return rows;
}

const RATE_DENOMINATOR: Record<RateKey, "ADULTS" | "PEOPLE" | "HOUSEHOLDS" | "MERCHANTS"> = {
  ADULTS_DIGITAL_SIGNATURE: "ADULTS",
  ADULTS_VNEID_L2: "ADULTS",
  ADULTS_SMARTPHONE: "ADULTS",
  ADULTS_CASHLESS: "ADULTS",
  ADULTS_ONLINE_PUBLIC_SERVICE: "ADULTS",
  ADULTS_BANK_ACCOUNT: "ADULTS",
  PEOPLE_EHEALTH: "PEOPLE",
  HOUSEHOLDS_FIBRE: "HOUSEHOLDS",
  MERCHANTS_QR: "MERCHANTS",
};

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
/** Adoption accelerates then levels off over the demo months. */
const progress = (step: number, steps: number) => {
  const x = steps <= 1 ? 1 : step / (steps - 1);
  return x * x * (3 - 2 * x);
};

/** Monthly figures of one residential group: stocks follow the profile, flows are counts. */
function groupValues(random: SeededRandom, unitCode: string, profile: Profile, months: number[], skip: Set<number>): ValueRow[] {
  const people0 = profile.urban ? random.int(380, 960) : random.int(240, 720);
  const adultShare = random.between(0.7, 0.78);
  const householdSize = random.between(3.3, 4.2);
  const merchants0 = profile.urban ? random.int(8, 45) : random.int(2, 16);
  const helped = random.int(8, 30);
  // Each group starts and ends somewhere around its province's path.
  const paths = Object.fromEntries(
    (Object.keys(profile.rates) as RateKey[]).map((key) => {
      const [start, end] = profile.rates[key];
      const offset = random.between(-0.07, 0.07);
      return [key, [clamp01(start + offset + random.between(-0.03, 0.03)), clamp01(end + offset + random.between(-0.03, 0.03))]];
    }),
  ) as Record<RateKey, [number, number]>;

  const rows: ValueRow[] = [];
  let people = people0;
  months.forEach((periodId, step) => {
    people = Math.max(50, Math.round(people * (1 + random.between(-0.003, 0.004))));
    if (skip.has(periodId)) return;
    const base = {
      PEOPLE: people,
      ADULTS: Math.round(people * adultShare),
      HOUSEHOLDS: Math.round(people / householdSize),
      MERCHANTS: merchants0 + (step > 9 && random.chance(0.3) ? 1 : 0),
    };
    const add = (elementCode: string, value: number) => rows.push({ unitCode, periodId, elementCode, value });
    for (const [code, value] of Object.entries(base)) add(code, value);
    for (const key of Object.keys(paths) as RateKey[]) {
      const [start, end] = paths[key];
      const rate = clamp01(start + (end - start) * progress(step, months.length) + random.between(-0.008, 0.008));
      const whole = base[RATE_DENOMINATOR[key]];
      add(key, Math.min(whole, Math.round(whole * rate)));
    }
    // Each team helps about as many residents every month, more in the campaign month
    // (Ngày Chuyển đổi số, 10 October): a month differs from the one before by less than half.
    const campaign = periodId % 100 === 10 ? 1.3 : 1;
    add("RESIDENTS_HELPED", Math.round(helped * campaign * random.between(0.82, 1.18)));
    add("TRAINING_SESSIONS", random.weighted([[0, 3], [1, 5], [2, 2], [3, 1]] as const));
  });
  return rows;
}

function wardDossiers(random: SeededRandom, unitCode: string, profile: Profile, months: number[], skip: Set<number>): ValueRow[] {
  const rows: ValueRow[] = [];
  const scale = random.int(160, 620);
  const [start, end] = profile.dossierOnline;
  months.forEach((periodId, step) => {
    if (skip.has(periodId)) return;
    const seasonal = periodId % 100 === 1 || periodId % 100 === 2 ? 0.8 : 1;
    const total = Math.round(scale * seasonal * random.between(0.85, 1.15));
    const rate = clamp01(start + (end - start) * progress(step, months.length) + random.between(-0.03, 0.03));
    rows.push({ unitCode, periodId, elementCode: "DOSSIERS_TOTAL", value: total });
    rows.push({ unitCode, periodId, elementCode: "DOSSIERS_ONLINE", value: Math.round(total * rate) });
  });
  return rows;
}

/** Team sizes within the ward's range, nudged until they add up to its known total. */
function teamSizes(random: SeededRandom, ward: WardSeed, teams: number): number[] {
  const [min, max] = ward.membersPerTeam;
  const sizes = Array.from({ length: teams }, () => random.int(min, max));
  if (ward.totalMembers === undefined) return sizes;
  let difference = ward.totalMembers - sizes.reduce((sum, size) => sum + size, 0);
  while (difference !== 0) {
    const index = random.int(0, teams - 1);
    const step = Math.sign(difference);
    if (sizes[index] + step < min || sizes[index] + step > max) continue;
    sizes[index] += step;
    difference -= step;
  }
  return sizes;
}

function groupNames(ward: WardSeed): string[] {
  if (Array.isArray(ward.groups)) return ward.groups;
  return Array.from({ length: ward.groups }, (_, index) => `${ward.groupKind} ${index + 1}`);
}

/** The demo from January 2025 to `anchor` (see demoAnchor): the same data for the same anchor and seed. */
export function buildDemoData(anchor: number, seed = DEMO_SEED): DemoData {
  const random = new SeededRandom(seed);
  // People from a stream of their own: the same members whatever the anchor (only their dates move with it).
  const people = new SeededRandom(seed + 1);
  const months = periodRange(DEMO_FIRST_PERIOD, anchor);
  const latest = anchor;
  const data: DemoData = { units: [], teams: [], members: [], values: [] };

  for (const province of DEMO_PLACES) {
    data.units.push({ code: province.code, name: province.name, level: "PROVINCE", kind: province.kind, parentCode: null });
    for (const district of province.districts) {
      data.units.push({ code: district.code, name: district.name, level: "DISTRICT", kind: district.kind, parentCode: province.code });
      for (const ward of district.wards) {
        data.units.push({ code: ward.code, name: ward.name, level: "WARD", kind: ward.kind, parentCode: district.code });
        // One ward in twenty has not yet sent its one-stop-office figures for the latest month.
        data.values.push(...wardDossiers(random, ward.code, province.profile, months, new Set(random.chance(0.05) ? [latest] : [])));

        if (ward.communeTeamMembers) {
          const teamCode = `TCNS-${ward.code}`;
          data.teams.push({
            code: teamCode,
            name: ward.communeTeamName ?? `Tổ công nghệ số cộng đồng ${ward.kind.toLowerCase()} ${ward.name}`,
            unitCode: ward.code,
            foundedOn: district.foundedOn,
            foundingDecision: district.foundingDecision,
          });
          data.members.push(...demoMembers(people, teamCode, ward.communeTeamMembers, district.foundedOn, anchor));
        }

        const names = groupNames(ward);
        const sizes = teamSizes(people, ward, names.length);
        names.forEach((groupName, index) => {
          const unitCode = `${ward.code}-${String(index + 1).padStart(2, "0")}`;
          data.units.push({ code: unitCode, name: groupName, level: "RESIDENTIAL_GROUP", kind: ward.groupKind, parentCode: ward.code });
          const teamCode = `TCNS-${unitCode}`;
          data.teams.push({
            code: teamCode,
            name: `Tổ công nghệ số cộng đồng ${groupName}`,
            unitCode,
            foundedOn: district.foundedOn,
            foundingDecision: district.foundingDecision,
          });
          data.members.push(...demoMembers(people, teamCode, sizes[index], district.foundedOn, anchor));
          // About 8% of groups have not reported the latest month yet, a few the one before too.
          const skip = new Set<number>();
          if (random.chance(0.08)) {
            skip.add(latest);
            if (random.chance(0.25)) skip.add(addMonths(latest, -1));
          }
          data.values.push(...groupValues(random, unitCode, province.profile, months, skip));
        });
      }
    }
  }
  // The demo team leader account is the leader of its team's member list.
  for (const user of DEMO_USERS) {
    if (!user.teamUnitCode) continue;
    const leader = data.members.find((member) => member.teamCode === `TCNS-${user.teamUnitCode}` && member.role === "LEADER");
    if (leader) leader.fullName = user.fullName;
  }
  return data;
}
