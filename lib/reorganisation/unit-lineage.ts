/**
 * A unit's place in the history of the map, for its page: what it became (a
 * unit that has ended), what it took in (a unit that received others), and
 * the reorganisations that touched it, with their decisions.
 */
import { db } from "../db";
import type { ReorganisationKind } from "../generated/prisma/enums";

export interface LineageLink {
  code: string;
  name: string;
  kind: string;
  /** Share of the old unit's counts, 0..1 (1 for a merge). */
  weight: number;
  effectiveOn: Date;
  decisionRef: string;
  reorganisationKind: ReorganisationKind;
}

export interface UnitHistoryEntry {
  id: number;
  kind: ReorganisationKind;
  effectiveOn: Date;
  reason: string;
  decisionRef: string;
}

export async function unitLineage(unitId: number): Promise<{ successors: LineageLink[]; predecessors: LineageLink[]; history: UnitHistoryEntry[] }> {
  const [links, history] = await Promise.all([
    db.$queryRaw<{ direction: "to" | "from"; code: string; name: string; kind: string; weight: string; effective_on: Date; decision_ref: string; reorganisation_kind: ReorganisationKind }[]>`
      SELECT CASE WHEN l.from_unit_id = ${unitId} THEN 'to' ELSE 'from' END AS direction, u.code, u.name, u.kind, l.weight::text,
             r.effective_on, r.decision_ref, r.kind::text AS reorganisation_kind
      FROM unit_lineage l JOIN reorganisation r ON r.id = l.reorganisation_id
      JOIN admin_unit u ON u.id = CASE WHEN l.from_unit_id = ${unitId} THEN l.to_unit_id ELSE l.from_unit_id END
      WHERE (l.from_unit_id = ${unitId} OR l.to_unit_id = ${unitId}) AND l.from_unit_id <> l.to_unit_id
      ORDER BY r.effective_on, u.name`,
    db.$queryRaw<{ id: number; kind: ReorganisationKind; effective_on: Date; reason: string; decision_ref: string }[]>`
      SELECT DISTINCT r.id, r.kind::text, r.effective_on, r.reason, r.decision_ref FROM reorganisation r
      WHERE r.id IN (
        SELECT reorganisation_id FROM unit_lineage WHERE from_unit_id = ${unitId} OR to_unit_id = ${unitId}
        UNION SELECT reorganisation_id FROM unit_parent_history WHERE unit_id = ${unitId}
      ) OR r.id IN (SELECT (after->>'reorganisationId')::int FROM audit_log WHERE entity_type = 'admin_unit' AND entity_id = ${String(unitId)} AND after->>'reorganisationId' IS NOT NULL)
      ORDER BY r.effective_on, r.id`,
  ]);
  const link = (row: (typeof links)[number]): LineageLink => ({
    code: row.code,
    name: row.name,
    kind: row.kind,
    weight: Number(row.weight),
    effectiveOn: row.effective_on,
    decisionRef: row.decision_ref,
    reorganisationKind: row.reorganisation_kind,
  });
  return {
    successors: links.filter((row) => row.direction === "to").map(link),
    predecessors: links.filter((row) => row.direction === "from").map(link),
    history: history.map((row) => ({ id: row.id, kind: row.kind, effectiveOn: row.effective_on, reason: row.reason, decisionRef: row.decision_ref })),
  };
}
