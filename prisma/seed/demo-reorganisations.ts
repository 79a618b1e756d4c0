/**
 * The demo's history of the map, applied through the same use case as the
 * reorganisation page (lib/reorganisation/run-reorganisation.ts), so a new user
 * sees both kinds the sources describe:
 *
 * - Hải Châu, 2023: 521 teams became 517 when residential groups (and their
 *   teams) were merged alongside the Project 06 teams. Four extra groups with
 *   their teams are created and merged into a neighbour; their members join
 *   the neighbour's team.
 * - Hải Dương, 1 July 2025: the two-tier reform. Both districts are abolished
 *   (their wards move up to the province) and wards are merged: Nguyễn Trãi
 *   into Trần Phú, Cẩm Điền and Lương Điền into a new commune. The ward-level
 *   figures the merged wards would have reported after the reform are reported
 *   by the ward that carries them on, so the province's totals are the ones
 *   generated.
 *
 * The new commune's code is a demo code, not a GSO code.
 */
import type { Prisma } from "../../lib/generated/prisma/client";
import { applyReorganisation } from "../../lib/reorganisation/run-reorganisation";
import { reorganisationSchema } from "../../lib/schemas/reorganisation";
import { normalizeName } from "../../lib/text";
import { addMonths } from "../../lib/periods";
import { demoMembers, memberData, type ValueRow } from "./demo-data";
import { SeededRandom } from "./random";

type Tx = Prisma.TransactionClient;

const SYSTEM = { id: null, username: "system", role: "ADMIN" as const, scopeUnitId: null };

/** Hải Châu's groups that merged in 2023: [ward code, groups the ward has today]. */
const HAI_CHAU_2023: readonly [ward: string, groups: number][] = [
  ["20197", 38],
  ["20198", 35],
  ["20209", 41],
  ["20212", 38],
];

export const REFORM_PERIOD = 202507;
/** Wards merged in Hải Dương's reform: source ward → the ward that carries it on. */
export const REFORM_WARD_MERGES: Record<string, string> = { "10510": "10507", "10762": "HD-CAMGIANG", "10765": "HD-CAMGIANG" };

/**
 * The figures as the demo inserts them before its reorganisations: what the
 * merged wards would have reported from the reform on is held back and
 * returned for the wards that carry them on (`afterReform`), summed.
 */
export function splitValuesAtReform(values: ValueRow[]): { before: ValueRow[]; afterReform: ValueRow[] } {
  const before: ValueRow[] = [];
  const moved = new Map<string, ValueRow>();
  for (const row of values) {
    const receiver = REFORM_WARD_MERGES[row.unitCode];
    if (!receiver || row.periodId < REFORM_PERIOD) {
      before.push(row);
      continue;
    }
    const key = `${receiver}|${row.periodId}|${row.elementCode}`;
    const entry = moved.get(key) ?? { unitCode: receiver, periodId: row.periodId, elementCode: row.elementCode, value: 0 };
    entry.value += row.value;
    moved.set(key, entry);
  }
  // Trần Phú keeps reporting its own figures: add Nguyễn Trãi's to them.
  const existing = new Map(before.map((row) => [`${row.unitCode}|${row.periodId}|${row.elementCode}`, row]));
  const afterReform: ValueRow[] = [];
  for (const [key, row] of moved) {
    const own = existing.get(key);
    if (own) own.value += row.value;
    else afterReform.push(row);
  }
  return { before, afterReform };
}

export async function seedDemoReorganisations(tx: Tx, anchor: number): Promise<void> {
  // "now" is the month after the demo's last: the seed is the same whatever day it runs.
  const next = addMonths(anchor, 1);
  const now = new Date(Date.UTC(Math.floor(next / 100), (next % 100) - 1, 1));
  const run = (input: Record<string, unknown>) => applyReorganisation(tx, SYSTEM, reorganisationSchema.parse(input), now);
  const random = new SeededRandom(2023);
  for (const [ward, groups] of HAI_CHAU_2023) {
    const parent = await tx.adminUnit.findUniqueOrThrow({ where: { code: ward }, select: { id: true } });
    const code = `${ward}-${String(groups + 1).padStart(2, "0")}`;
    const unit = await tx.adminUnit.create({ data: { code, name: normalizeName(`Tổ dân phố ${groups + 1}`), level: "RESIDENTIAL_GROUP", kind: "Tổ dân phố", parentId: parent.id, validFrom: new Date("2021-09-15T00:00:00Z") } });
    const team = await tx.team.create({ data: { code: `TCNS-${code}`, name: normalizeName(`Tổ công nghệ số cộng đồng Tổ dân phố ${groups + 1}`), unitId: unit.id, foundedOn: new Date("2021-09-15T00:00:00Z"), foundingDecision: "2870/QĐ-UBND" } });
    await tx.teamMember.createMany({
      data: demoMembers(random, team.code, random.int(5, 7), "2021-09-15", anchor).map((member) => memberData(member, team.id)),
    });
    await run({
      kind: "MERGE",
      effectiveOn: "2023-07-01",
      reason: "Hợp nhất tổ công nghệ số cộng đồng với tổ Đề án 06 (521 tổ thành 517 tổ)",
      decisionRef: "UBND quận Hải Châu, 2023 (dữ liệu mẫu)",
      sourceCodes: [code],
      into: { existingCode: `${ward}-${String(groups).padStart(2, "0")}` },
    });
  }

  const reform = { effectiveOn: "2025-07-01", decisionRef: "1656/NQ-UBTVQH15 (dữ liệu mẫu)" };
  await run({ kind: "ABOLISH_LEVEL", ...reform, reason: "Chính quyền địa phương hai cấp: bỏ cấp huyện", districtCodes: ["288", "297"] });
  await run({ kind: "MERGE", ...reform, reason: "Sắp xếp đơn vị hành chính cấp xã", sourceCodes: ["10510"], into: { existingCode: "10507" } });
  await run({
    kind: "MERGE",
    ...reform,
    reason: "Sắp xếp đơn vị hành chính cấp xã",
    sourceCodes: ["10762", "10765"],
    into: { newCode: "HD-CAMGIANG", newName: "Cẩm Giàng", newKind: "Xã", parentCode: "30" },
  });
}
