/**
 * One rule so that nothing is counted twice: a residential group whose team
 * logged activities in a month takes, as that month's RESIDENTS_HELPED, the
 * sum of the residents helped in those activities (every service). The figure
 * is written by the activity's own transaction into the group's month, so it
 * rolls up the tree, shows on every dashboard and leaves in every export like
 * a typed figure, and is audited as `values.fromActivities`. Written by
 * activities alone it is marked from_activities: nobody reported the month,
 * so the group's completeness does not count it (a typed figure that
 * activities later take over stays a reported one). While a month has
 * activities the entry form shows the figure read-only, and a form, grid or
 * import that sends a different one is refused (naming the field); a month
 * without activities keeps the figure the ward types, as before; a month whose
 * activities all moved to another month loses the figure they made (no data
 * again), never keeping it to be counted in both months.
 * Activities of a commune-level team (a team at a ward) are not in any group's
 * figure: RESIDENTS_HELPED is a residential group's figure. An activity counts
 * at the unit it was logged for (activity.unit_id), also after its team moves,
 * so an old month's record edited later changes that month of that unit only.
 * The per-service figures (HELPED_VNEID…, ACTIVITIES) are not written here:
 * triggers on the activity table add them up (the activity_figures migration).
 */
import { Prisma } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/authorize";
import { periodCode } from "../periods";
import { formatPeriod } from "../format";
import { say } from "../i18n/translate";
import { columnNameOf, HELPED_FIELDS } from "../schemas/activity-options";

export const RESIDENTS_HELPED = "RESIDENTS_HELPED";

/** Every service's residents helped of an activity row, added up in SQL: the table's columns are the fields' names in snake case. */
export const HELPED_SUM = HELPED_FIELDS.map(columnNameOf).join(" + ");

/** The month (yyyymm) of an activity's date, in SQL. */
const ACTIVITY_MONTH = "to_char(a.occurred_on, 'YYYYMM')::int";

/**
 * Recomputes the group's RESIDENTS_HELPED for each month given, from its
 * activities, inside the caller's transaction; refuses when such a month's
 * report is approved or locked (the approver must reopen it first).
 */
export async function syncResidentsHelped(tx: Prisma.TransactionClient, actor: Actor, unitId: number, periodIds: number[]): Promise<void> {
  const [unit] = await tx.$queryRaw<{ code: string; level: string }[]>`SELECT code, level::text FROM admin_unit WHERE id = ${unitId}`;
  const [element] = await tx.$queryRaw<{ id: number; level: string }[]>`SELECT id, collection_level::text AS level FROM data_element WHERE code = ${RESIDENTS_HELPED}`;
  if (!unit || !element || unit.level !== element.level) return;
  for (const periodId of [...new Set(periodIds)].sort()) {
    const entityId = `${unit.code}/${periodCode(periodId)}/${RESIDENTS_HELPED}`;
    // The month's report row, created if needed and locked: a form save of the same month waits here and sees the figure.
    const [report] = await tx.$queryRaw<{ id: number; status: string }[]>`
      INSERT INTO period_report (unit_id, period_id, updated_at) VALUES (${unitId}, ${periodId}, now())
      ON CONFLICT (unit_id, period_id) DO UPDATE SET version = period_report.version
      RETURNING id, status::text`;
    const [sum] = await tx.$queryRawUnsafe<{ activities: number; helped: number | null }[]>(
      `SELECT count(*)::int AS activities, sum(${HELPED_SUM})::int AS helped FROM activity a WHERE a.unit_id = $1 AND ${ACTIVITY_MONTH} = $2`,
      unitId,
      periodId,
    );
    const [current] = await tx.$queryRaw<{ id: bigint; value: number }[]>`SELECT id, value FROM data_value WHERE unit_id = ${unitId} AND period_id = ${periodId} AND element_id = ${element.id}`;
    let next: number | null = sum.helped ?? 0;
    if (sum.activities === 0) {
      // A month whose activities all moved to another month: the figure they made goes with them (back to
      // "no data"); a figure a person typed, never taken over by activities, stays.
      if (!current) continue;
      const [last] = await tx.$queryRaw<{ action: string }[]>`
        SELECT action FROM audit_log WHERE entity_type = 'data_value' AND entity_id = ${entityId} ORDER BY id DESC LIMIT 1`;
      if (last?.action !== "values.fromActivities") continue;
      next = null;
    }
    if (current?.value === next) continue;
    if (report.status === "APPROVED" || report.status === "LOCKED") {
      throw new AppError("CONFLICT", (locale) => say(locale, "errors.activityMonthFinal", { month: formatPeriod(periodId, locale) }));
    }
    if (next === null) await tx.$executeRaw`DELETE FROM data_value WHERE id = ${current!.id}`;
    else {
      await tx.$executeRaw`
        INSERT INTO data_value (unit_id, period_id, element_id, value, confirmed, from_activities, updated_by_id, updated_at)
        VALUES (${unitId}, ${periodId}, ${element.id}, ${next}, false, true, ${actor.id}::int, now())
        ON CONFLICT (unit_id, period_id, element_id) DO UPDATE SET value = EXCLUDED.value, confirmed = false, version = data_value.version + 1, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`;
    }
    // A form opened before this sees a newer version and merges rather than sending the old figure back.
    await tx.$executeRaw`UPDATE period_report SET version = version + 1, updated_at = now() WHERE id = ${report.id}`;
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        actorName: actor.username,
        action: "values.fromActivities",
        entityType: "data_value",
        entityId,
        unitId,
        before: current ? { value: current.value } : undefined,
        after: next === null ? undefined : { value: next },
      },
    });
  }
}

type Reader = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

/**
 * Which of these unit-months have activities of the unit's teams, in one
 * query, as "unitId:periodId" keys: the form, the grid, the import and the
 * save all ask it before showing or accepting a typed RESIDENTS_HELPED.
 */
export async function unitMonthsWithActivities(client: Reader, pairs: { unitId: number; periodId: number }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await client.$queryRaw<{ unit_id: number; period_id: number }[]>`
    SELECT DISTINCT a.unit_id, ${Prisma.raw(ACTIVITY_MONTH)} AS period_id FROM activity a
    JOIN unnest(${pairs.map((pair) => pair.unitId)}::int[], ${pairs.map((pair) => pair.periodId)}::int[]) AS g(unit_id, period_id)
      ON g.unit_id = a.unit_id AND g.period_id = ${Prisma.raw(ACTIVITY_MONTH)}`;
  return new Set(rows.map((row) => `${row.unit_id}:${row.period_id}`));
}

/** Whether the unit's month has activities of its teams. */
export async function hasActivities(client: Reader, unitId: number, periodId: number): Promise<boolean> {
  return (await unitMonthsWithActivities(client, [{ unitId, periodId }])).size > 0;
}
