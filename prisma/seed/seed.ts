/**
 * Writes the catalogue and, optionally, the demo data. Runs only on a database
 * without any catalogue yet, so a second `npm start` or `npm run db:seed` keeps
 * what is there. All of it is one transaction: a failed seed leaves nothing.
 */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { UnitLevel } from "../../lib/generated/prisma/enums";
import { hashPassword } from "../../lib/auth/password";
import { SYSTEM_ACTOR, writeAuditLog } from "../../lib/audit/write-audit-log";
import { normalizeName } from "../../lib/text";
import { addMonths, periodOfDate } from "../../lib/periods";
import { UNIT_LEVELS } from "../../lib/units/levels";
import { DATA_ELEMENTS, INDICATORS, TARGETS } from "./catalogue";
import { buildDemoData, memberData } from "./demo-data";
import { buildDemoActivities, DEMO_ACTIVITY_MONTHS } from "./demo-activities";
import { demoAnchor, DEMO_PASSWORD, DEMO_USERS } from "./demo-places";
import { seedDemoReorganisations, splitValuesAtReform } from "./demo-reorganisations";

export type SeedResult =
  | { seeded: false }
  | { seeded: true; demo: true }
  | { seeded: true; demo: false; adminPassword: string };

const VALUE_BATCH = 20_000;

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.dataElement.count()) > 0;
}

export interface SeedOptions {
  demo: boolean;
  /** The demo's last month (yyyymm); by default the last complete month before now (demoAnchor). Tests pin it. */
  anchor?: number;
}

export async function seedDatabase(prisma: PrismaClient, options: SeedOptions): Promise<SeedResult> {
  if (await isSeeded(prisma)) return { seeded: false };
  const anchor = options.anchor ?? demoAnchor();
  // Hash outside the transaction: argon2 is deliberately slow.
  const demoHash = options.demo ? await hashPassword(DEMO_PASSWORD) : "";
  const adminPassword = options.demo ? DEMO_PASSWORD : randomBytes(12).toString("base64url");
  const adminHash = options.demo ? demoHash : await hashPassword(adminPassword);

  await prisma.$transaction(
    async (tx) => {
      // 176,000 figures in one go: the roll-ups are built once at the end instead of per batch.
      await tx.$executeRaw`SET LOCAL tcns.defer_rollups = 'on'`;
      const elementIds = await seedCatalogue(tx);
      if (options.demo) await seedDemo(tx, elementIds, demoHash, anchor);
      else {
        await tx.user.create({
          data: { username: "admin", fullName: "Quản trị hệ thống", role: "ADMIN", passwordHash: adminHash, mustChangePassword: true },
        });
      }
      await tx.$executeRaw`SET LOCAL tcns.defer_rollups = 'off'`;
      await tx.$executeRaw`SELECT rollup_rebuild()`;
      await writeAuditLog(tx, SYSTEM_ACTOR, {
        action: options.demo ? "seed.demo" : "seed.catalogue",
        entityType: "database",
        after: { dataElements: DATA_ELEMENTS.length, indicators: INDICATORS.length },
      });
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
  // Tables filled for the first time have no statistics until autovacuum comes by: the first dashboards
  // (a district's activity lists joined 30,000 participations by nested loops) would be planned blind.
  await prisma.$executeRaw`ANALYZE`;
  return options.demo ? { seeded: true, demo: true } : { seeded: true, demo: false, adminPassword };
}

async function seedCatalogue(tx: Tx): Promise<Map<string, number>> {
  const elements = await tx.dataElement.createManyAndReturn({
    data: DATA_ELEMENTS.map((element, index) => ({ ...element, sortOrder: index + 1 })),
    select: { id: true, code: true },
  });
  const elementIds = new Map(elements.map((element) => [element.code, element.id]));
  const indicators = await tx.indicator.createManyAndReturn({
    data: INDICATORS.map((indicator, index) => ({
      code: indicator.code,
      name: indicator.name,
      nameEn: indicator.nameEn,
      numeratorElementId: elementIds.get(indicator.numerator)!,
      denominatorElementId: elementIds.get(indicator.denominator)!,
      sortOrder: index + 1,
    })),
    select: { id: true, code: true },
  });
  const indicatorIds = new Map(indicators.map((indicator) => [indicator.code, indicator.id]));
  await tx.target.createMany({
    data: TARGETS.filter((target) => target.unitCode === null).map((target) => ({
      indicatorId: indicatorIds.get(target.indicator)!,
      unitId: null,
      value: target.value,
      reason: target.reason,
      source: target.source,
    })),
  });
  return elementIds;
}

async function seedDemo(tx: Tx, elementIds: Map<string, number>, passwordHash: string, anchor: number): Promise<void> {
  const demo = buildDemoData(anchor);
  const unitIds = new Map<string, number>();
  // Parents before children, so that the closure trigger finds each parent's ancestors.
  for (const level of UNIT_LEVELS as readonly UnitLevel[]) {
    const created = await tx.adminUnit.createManyAndReturn({
      data: demo.units
        .filter((unit) => unit.level === level)
        .map((unit) => ({
          code: unit.code,
          name: normalizeName(unit.name),
          level: unit.level,
          kind: unit.kind,
          parentId: unit.parentCode ? unitIds.get(unit.parentCode)! : null,
        })),
      select: { id: true, code: true },
    });
    for (const unit of created) unitIds.set(unit.code, unit.id);
  }

  const teams = await tx.team.createManyAndReturn({
    data: demo.teams.map((team) => ({
      code: team.code,
      name: normalizeName(team.name),
      unitId: unitIds.get(team.unitCode)!,
      foundedOn: new Date(team.foundedOn),
      foundingDecision: team.foundingDecision,
    })),
    select: { id: true, code: true, unitId: true },
  });
  const teamIds = new Map(teams.map((team) => [team.code, team.id]));
  await tx.teamMember.createMany({
    data: demo.members.map((member) => memberData(member, teamIds.get(member.teamCode)!)),
  });

  const insertValues = async (values: typeof demo.values) => {
    for (let start = 0; start < values.length; start += VALUE_BATCH) {
      const batch = values.slice(start, start + VALUE_BATCH);
      await tx.$executeRaw`
        INSERT INTO data_value (unit_id, period_id, element_id, value, updated_at)
        SELECT unit_id, period_id, element_id, value, now()
        FROM unnest(${batch.map((row) => unitIds.get(row.unitCode)!)}::int[],
                    ${batch.map((row) => row.periodId)}::int[],
                    ${batch.map((row) => elementIds.get(row.elementCode)!)}::int[],
                    ${batch.map((row) => row.value)}::int[]) AS v(unit_id, period_id, element_id, value)`;
    }
  };
  // The map's history (Hải Châu's 2023 merger, Hải Dương's 2025 reform) goes through the reorganisation use case;
  // what merged wards report after the reform is reported by the ward that carries them on, once it exists.
  const { before, afterReform } = splitValuesAtReform(demo.values);
  await insertValues(before);
  await seedDemoReorganisations(tx, anchor);
  for (const unit of await tx.adminUnit.findMany({ where: { code: { in: [...new Set(afterReform.map((row) => row.unitCode))] } }, select: { id: true, code: true } })) unitIds.set(unit.code, unit.id);
  await insertValues(afterReform);

  // Report states as a district would see them: older months approved, the month
  // before the anchor mostly approved, the anchor partly submitted and partly still
  // in draft. Each month's report was written early in the next month and approved a
  // few days later (never after the moment of seeding).
  await tx.$executeRaw`
    INSERT INTO period_report (unit_id, period_id, status, version, updated_at, submitted_at, approved_at)
    SELECT unit_id, period_id, status::"ReportStatus", 1, written,
           CASE WHEN status <> 'DRAFT' THEN written END, CASE WHEN status = 'APPROVED' THEN least(written + interval '3 days', now()) END
    FROM (
      SELECT unit_id, period_id, status,
             least(make_timestamptz(period_id / 100, period_id % 100, 1, 9, 0, 0, 'Asia/Ho_Chi_Minh') + interval '1 month' + (unit_id % 9) * interval '1 day', now()) AS written
      FROM (
        SELECT DISTINCT unit_id, period_id,
          CASE WHEN period_id < ${addMonths(anchor, -1)} THEN 'APPROVED'
               WHEN period_id = ${addMonths(anchor, -1)} THEN CASE WHEN (unit_id + period_id) % 10 < 8 THEN 'APPROVED' ELSE 'SUBMITTED' END
               ELSE CASE WHEN (unit_id * 7 + period_id) % 3 = 0 THEN 'SUBMITTED' ELSE 'DRAFT' END
          END AS status
        FROM data_value
      ) AS reported
    ) AS dated`;

  await seedDemoActivities(tx, elementIds, anchor);

  const indicatorIds = new Map((await tx.indicator.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]));
  await tx.target.createMany({
    data: TARGETS.filter((target) => target.unitCode !== null).map((target) => ({
      indicatorId: indicatorIds.get(target.indicator)!,
      unitId: unitIds.get(target.unitCode!)!,
      value: target.value,
      reason: target.reason,
      source: target.source,
    })),
  });

  const teamByUnit = new Map(teams.map((team) => [team.unitId, team.id]));
  await tx.user.createMany({
    data: DEMO_USERS.map((user) => ({
      username: user.username,
      fullName: normalizeName(user.fullName),
      role: user.role,
      scopeUnitId: user.scopeUnitCode ? unitIds.get(user.scopeUnitCode)! : null,
      teamId: user.teamUnitCode ? teamByUnit.get(unitIds.get(user.teamUnitCode)!)! : null,
      passwordHash,
    })),
  });
}

/** The teams' activity log (prisma/seed/demo-activities.ts), on the map after the demo's reorganisations. */
async function seedDemoActivities(tx: Tx, elementIds: Map<string, number>, anchor: number): Promise<void> {
  const teams = await tx.$queryRaw<{ id: number; code: string; unit_id: number; level: string; valid_from: Date; member_ids: number[] }[]>`
    SELECT t.id, t.code, t.unit_id, u.level::text, u.valid_from,
           array(SELECT m.id FROM team_member m WHERE m.team_id = t.id AND m.active ORDER BY m.role = 'LEADER' DESC, m.id) AS member_ids
    FROM team t JOIN admin_unit u ON u.id = t.unit_id
    WHERE t.active AND u.valid_to IS NULL ORDER BY t.code`;
  const helped = await tx.$queryRaw<{ unit_id: number; period_id: number; value: number }[]>`
    SELECT unit_id, period_id, value FROM data_value WHERE element_id = ${elementIds.get("RESIDENTS_HELPED")!} AND period_id > ${addMonths(anchor, -DEMO_ACTIVITY_MONTHS)}`;
  const helpedByKey = new Map(helped.map((row) => [`${row.unit_id}:${row.period_id}`, row.value]));
  const activities = buildDemoActivities(
    teams.map((team) => ({ id: team.id, code: team.code, unitId: team.unit_id, atGroup: team.level === "RESIDENTIAL_GROUP", firstPeriod: periodOfDate(team.valid_from), memberIds: team.member_ids })),
    (unitId, period) => helpedByKey.get(`${unitId}:${period}`) ?? null,
    anchor,
  );
  const [{ first }] = await tx.$queryRaw<{ first: bigint }[]>`SELECT nextval('activity_id_seq') AS first`;
  const ids = activities.map((_, index) => Number(first) + index);
  await tx.$executeRaw`SELECT setval('activity_id_seq', ${Number(first) + activities.length})`;
  for (let start = 0; start < activities.length; start += VALUE_BATCH) {
    const batch = activities.slice(start, start + VALUE_BATCH);
    const column = <K extends keyof (typeof batch)[number]>(key: K) => batch.map((activity) => activity[key]);
    await tx.$executeRaw`
      INSERT INTO activity (id, team_id, unit_id, occurred_on, kind, place, helped_vneid, helped_signature, helped_online_filing, helped_cashless,
                            helped_bank_account, helped_health_book, helped_other, procedures, apps_installed, attendees, created_by, created_at, updated_at)
      SELECT id, team_id, unit_id, occurred_on, kind::"ActivityKind", place, vneid, signature, filing, cashless, bank, health, other, procedures, apps, attendees, 'demo',
             occurred_on + time '18:00', occurred_on + time '18:00'
      FROM unnest(${ids.slice(start, start + VALUE_BATCH)}::int[], ${column("teamId")}::int[], ${column("unitId")}::int[], ${column("occurredOn")}::date[],
                  ${column("kind")}::text[], ${column("place")}::text[], ${column("helpedVneid")}::int[], ${column("helpedSignature")}::int[],
                  ${column("helpedOnlineFiling")}::int[], ${column("helpedCashless")}::int[], ${column("helpedBankAccount")}::int[],
                  ${column("helpedHealthBook")}::int[], ${column("helpedOther")}::int[], ${column("procedures")}::int[], ${column("appsInstalled")}::int[],
                  ${column("attendees")}::int[])
        AS a(id, team_id, unit_id, occurred_on, kind, place, vneid, signature, filing, cashless, bank, health, other, procedures, apps, attendees)`;
  }
  const members = activities.flatMap((activity, index) => activity.memberIds.map((memberId) => [ids[index], memberId] as const));
  for (let start = 0; start < members.length; start += VALUE_BATCH) {
    const batch = members.slice(start, start + VALUE_BATCH);
    await tx.$executeRaw`
      INSERT INTO activity_member (activity_id, member_id)
      SELECT * FROM unnest(${batch.map((row) => row[0])}::int[], ${batch.map((row) => row[1])}::int[])`;
  }
}
