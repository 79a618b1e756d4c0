/**
 * "Theo địa giới tại thời điểm báo cáo": the figures of a period on the map
 * as it was then, from the raw values and the parents of that time
 * (unit_tree_at, which reads unit_parent_history). Today's map is the
 * roll-ups; this view is computed when asked, because it is asked rarely and
 * only the units that were below the subject then are summed.
 *
 * Every month of a range is summed on its own month's map (a flow figure of a
 * unit that ended during the range still counts for its months); stock
 * figures take the last month, and the children are those of the last month.
 */
import { db } from "../db";
import { periodRange } from "../periods";
import type { UnitSummary } from "../units/tree-queries";
import type { ElementSums } from "../dashboard/rollup-queries";

export interface ReportingThen {
  groupsTotal: number;
  groupsReported: number;
  unitsReported: number;
  unitsApproved: number;
}

export interface MapOfThatTime {
  /** The units directly below the roots in the last month of the range. */
  children: UnitSummary[];
  total: ElementSums;
  byChild: Map<number, ElementSums>;
  totalReporting: ReportingThen;
  reportingByChild: Map<number, ReportingThen>;
}

export async function mapOfThatTime(rootIds: number[], from: number, to: number): Promise<MapOfThatTime> {
  const months = periodRange(from, to);
  const [sums, units] = await Promise.all([
    db.$queryRaw<{ top: number; root: number; element_id: number; value: bigint | null }[]>`
      SELECT t.top, t.root, v.element_id, sum(v.value) FILTER (WHERE e.aggregation = 'FLOW' OR v.period_id = ${to}) AS value
      FROM unnest(${months}::int[]) AS m(period_id)
      CROSS JOIN unnest(${rootIds}::int[]) AS r(id)
      CROSS JOIN LATERAL (SELECT x.id, x.top, r.id AS root FROM unit_tree_at(r.id, m.period_id) x) t
      JOIN data_value v ON v.unit_id = t.id AND v.period_id = m.period_id
      JOIN data_element e ON e.id = v.element_id
      GROUP BY t.top, t.root, v.element_id`,
    db.$queryRaw<{ id: number; top: number; root: number; code: string; name: string; level: UnitSummary["level"]; kind: string; parent_id: number | null; reported: boolean; approved: boolean }[]>`
      SELECT t.id, t.top, r.id AS root, u.code, u.name, u.level, u.kind, unit_parent_at(t.id, ${to}) AS parent_id,
             EXISTS (SELECT 1 FROM data_value v WHERE v.unit_id = t.id AND v.period_id = ${to} AND NOT v.from_activities) AS reported,
             EXISTS (SELECT 1 FROM period_report p WHERE p.unit_id = t.id AND p.period_id = ${to} AND p.status IN ('APPROVED', 'LOCKED')) AS approved
      FROM unnest(${rootIds}::int[]) AS r(id)
      CROSS JOIN LATERAL unit_tree_at(r.id, ${to}) t
      JOIN admin_unit u ON u.id = t.id`,
  ]);
  const total: ElementSums = new Map();
  const byChild = new Map<number, ElementSums>();
  for (const row of sums) {
    if (row.value === null) continue;
    const value = Number(row.value);
    total.set(row.element_id, (total.get(row.element_id) ?? 0) + value);
    if (row.top !== row.root) {
      if (!byChild.has(row.top)) byChild.set(row.top, new Map());
      const child = byChild.get(row.top)!;
      child.set(row.element_id, (child.get(row.element_id) ?? 0) + value);
    }
  }
  const empty = (): ReportingThen => ({ groupsTotal: 0, groupsReported: 0, unitsReported: 0, unitsApproved: 0 });
  const totalReporting = empty();
  const reportingByChild = new Map<number, ReportingThen>();
  const children: UnitSummary[] = [];
  for (const unit of units) {
    if (unit.top === unit.id && unit.id !== unit.root) children.push({ id: unit.id, code: unit.code, name: unit.name, level: unit.level, kind: unit.kind, parentId: unit.parent_id });
    const counts = [totalReporting];
    if (unit.top !== unit.root) {
      if (!reportingByChild.has(unit.top)) reportingByChild.set(unit.top, empty());
      counts.push(reportingByChild.get(unit.top)!);
    }
    for (const count of counts) {
      if (unit.level === "RESIDENTIAL_GROUP") count.groupsTotal += 1;
      if (unit.reported && unit.level === "RESIDENTIAL_GROUP") count.groupsReported += 1;
      if (unit.reported) count.unitsReported += 1;
      if (unit.approved) count.unitsApproved += 1;
    }
  }
  return { children, total, byChild, totalReporting, reportingByChild };
}
