/**
 * A change of the administrative map (rename, move, merge, split, abolishing
 * the district level), all or nothing, in one transaction.
 *
 * The preview runs the very same transaction and rolls it back, so what the
 * operator is shown (units, teams, members, figures, targets, the new unit's
 * indicators) is exactly what the commit will do. History is never rewritten:
 * figures stay on the units that reported them; a unit that ends is closed
 * and hangs under the unit that carries it on, so today's map adds its counts
 * there (counts are summed, never "the latest wins"), and the parent each unit
 * had before is kept for the map of that time.
 */
import { db, type Prisma } from "../db";
import { AppError } from "../errors";
import { authorize, can, type Actor } from "../auth/authorize";
import { writeAuditLog } from "../audit/write-audit-log";
import { unitDisplayName } from "../units/display-name";
import { ALLOWED_PARENT_LEVELS, KINDS_BY_LEVEL, LEVEL_LABEL } from "../units/levels";
import { unitSummarySelect, type UnitSummary } from "../units/tree-queries";
import { addMonths, periodCode, periodOfDate } from "../periods";
import { fieldErrorsOf } from "../schemas/user";
import { reorganisationSchema, type ReceiverInput, type ReorganisationInput } from "../schemas/reorganisation";
import type { UnitLevel } from "../generated/prisma/enums";
import { carryTeams, noTeamChanges, rescopeUsers, type TeamChanges } from "./carry-teams";
import { keepTargets, targetsInForce, weightedTarget, type TargetsByUnit } from "./keep-targets";
import { closeUnit, createUnit, firstDayOf, liveChildren, moveUnit } from "./map-changes";
import { largestRemainder, sharesFromAdults } from "./split-shares";
import { elementSumsByUnit } from "../dashboard/rollup-queries";
import { indicatorFigure, type IndicatorDefinition } from "../dashboard/indicator-figures";

type Tx = Prisma.TransactionClient;

export interface UnitChange {
  code: string;
  name: string;
  level: UnitLevel;
  change: "created" | "closed" | "moved" | "renamed" | "receives";
  detail: string;
}

export interface KpiPreview {
  unitCode: string;
  unitName: string;
  period: string;
  figures: { code: string; name: string; numerator: number; denominator: number; value: number | null }[];
}

export interface ReorganisationPreview {
  kind: ReorganisationInput["kind"];
  effectivePeriod: string;
  units: UnitChange[];
  teams: TeamChanges;
  /** Accounts now scoped to the unit that carries theirs on. */
  usersRescoped: string[];
  /** Accounts scoped to an abolished district: an administrator should give them a new scope. */
  usersToReview: string[];
  /** Raw figures of the units that end (kept on them, counted in the receiver on today's map). */
  sourceFigures: number;
  /** Shares of a split unit's figures carried to its parts. */
  carriedFigures: number;
  targets: { unitCode: string; unitName: string; indicatorCode: string; value: number }[];
  /** The receivers' indicators for the last month on the old map, as today's map now adds them up. */
  kpis: KpiPreview[];
}

export type ReorganisationResult =
  | { ok: true; committed: boolean; reorganisationId: number | null; preview: ReorganisationPreview }
  | { ok: false; status: number; message: string; fieldErrors: Record<string, string[]> };

/** A refusal that names the field and the rule; nothing has been written when it is thrown. */
class Refusal extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Ends the preview's transaction with a rollback and carries its result out. */
class PreviewDone extends Error {
  constructor(readonly preview: ReorganisationPreview) {
    super("preview");
  }
}

const dateLabel = (period: number) => `01/${periodCode(period).slice(5)}/${periodCode(period).slice(0, 4)}`;
const monthLabel = (period: number) => `${periodCode(period).slice(5)}/${periodCode(period).slice(0, 4)}`;

/** Reorganisations wait for each other: each one's checks see the map the previous one left. */
const REORGANISATION_LOCK = 20261125;

export async function reorganise(actor: Actor, raw: unknown, options: { commit: boolean }, now = new Date()): Promise<ReorganisationResult> {
  const parsed = reorganisationSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, message: "Thông tin thay đổi địa giới chưa hợp lệ; xem lỗi ở từng ô.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const outcome = await db.$transaction(
      async (tx) => {
        const result = await applyReorganisation(tx, actor, parsed.data, now);
        if (!options.commit) throw new PreviewDone(result.preview);
        return result;
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
    return { ok: true, committed: true, reorganisationId: outcome.id, preview: outcome.preview };
  } catch (error) {
    if (error instanceof PreviewDone) return { ok: true, committed: false, reorganisationId: null, preview: error.preview };
    if (error instanceof Refusal) return { ok: false, status: error.status, message: error.message, fieldErrors: { [error.field]: [error.message] } };
    throw error;
  }
}

/** A unit as the tree reads show it, plus the end of its validity (a reorganisation also sees units that have ended). */
interface UnitRow extends UnitSummary {
  validTo: Date | null;
}

const unitSelect = { ...unitSummarySelect, validTo: true } as const;

/** One reorganisation being applied: its transaction, its record and what the preview will show. */
class Run {
  readonly until: number;
  readonly preview: ReorganisationPreview;
  readonly desiredTargets: TargetsByUnit = new Map();
  readonly kpiUnits: number[] = [];
  private readonly unitNames = new Map<number, UnitRow>();

  constructor(
    readonly tx: Tx,
    readonly actor: Actor,
    readonly input: ReorganisationInput,
    readonly id: number,
  ) {
    this.until = addMonths(input.effectiveOn, -1);
    this.preview = {
      kind: input.kind,
      effectivePeriod: periodCode(input.effectiveOn),
      units: [],
      teams: noTeamChanges(),
      usersRescoped: [],
      usersToReview: [],
      sourceFigures: 0,
      carriedFigures: 0,
      targets: [],
      kpis: [],
    };
  }

  get effective() {
    return this.input.effectiveOn;
  }

  /**
   * A unit the operator named: it must exist, be in force and lie in the
   * actor's scope (outside it, it does not exist for them). A steering
   * committee changes wards and residential groups only; the parents it
   * names need only be in its scope.
   */
  async unit(code: string, field: string, role: "subject" | "parent"): Promise<UnitRow> {
    const unit = await this.tx.adminUnit.findUnique({ where: { code }, select: unitSelect });
    const missing = `Mã "${code}": không tìm thấy đơn vị này trong phạm vi của bạn.`;
    if (!unit) throw new Refusal(field, missing, 404);
    try {
      await authorize(this.actor, "units.reorganise", { unitId: unit.id }, { hideExistence: true });
    } catch (error) {
      if (error instanceof AppError) throw new Refusal(field, missing, 404);
      throw error;
    }
    if (role === "subject" && this.actor.role !== "ADMIN" && unit.level !== "WARD" && unit.level !== "RESIDENTIAL_GROUP") {
      throw new Refusal(field, `${unit.name}: ban chỉ đạo chỉ sắp xếp phường/xã và tổ dân phố/thôn; thay đổi cấp tỉnh, cấp huyện do quản trị hệ thống thực hiện.`, 403);
    }
    if (unit.validTo !== null) throw new Refusal(field, `${unit.name} (mã ${code}) đã ngừng hoạt động; chỉ sắp xếp được đơn vị đang hoạt động.`);
    this.unitNames.set(unit.id, unit);
    return unit;
  }

  async name(unitId: number | null): Promise<string> {
    if (unitId === null) return "—";
    if (!this.unitNames.has(unitId)) this.unitNames.set(unitId, await this.tx.adminUnit.findUniqueOrThrow({ where: { id: unitId }, select: unitSelect }));
    const unit = this.unitNames.get(unitId)!;
    return unitDisplayName(unit);
  }

  note(unit: Pick<UnitRow, "code" | "name" | "level">, change: UnitChange["change"], detail: string) {
    this.preview.units.push({ code: unit.code, name: unit.name, level: unit.level, change, detail });
  }

  /** Reorganisations are recorded in the order they took effect: a later one already recorded for these units blocks an earlier one. */
  async assertNoLaterChange(units: UnitRow[]) {
    const ids = units.map((unit) => unit.id);
    const [later] = await this.tx.$queryRaw<{ effective_period: number; code: string; name: string }[]>`
      SELECT r.effective_period, u.code, u.name FROM reorganisation r
      JOIN (
        SELECT reorganisation_id, from_unit_id AS unit_id FROM unit_lineage WHERE from_unit_id = ANY(${ids}::int[])
        UNION SELECT reorganisation_id, to_unit_id FROM unit_lineage WHERE to_unit_id = ANY(${ids}::int[])
        UNION SELECT reorganisation_id, unit_id FROM unit_parent_history WHERE unit_id = ANY(${ids}::int[])
      ) touched ON touched.reorganisation_id = r.id
      JOIN admin_unit u ON u.id = touched.unit_id
      WHERE r.effective_period > ${this.effective}
      ORDER BY r.effective_period DESC LIMIT 1`;
    if (later) {
      throw new Refusal("effectiveOn", `Ngày hiệu lực: ${later.name} đã có thay đổi địa giới từ ${dateLabel(later.effective_period)}; không ghi được thay đổi có hiệu lực sớm hơn.`);
    }
  }

  /** Locked months are final: a change that takes effect in or before one of them would change how they add up. */
  async assertNotLocked(units: UnitRow[]) {
    const [locked] = await this.tx.$queryRaw<{ name: string; kind: string; period_id: number }[]>`
      SELECT u.name, u.kind, p.period_id FROM period_report p
      JOIN admin_unit_closure c ON c.descendant_id = p.unit_id AND c.ancestor_id = ANY(${units.map((unit) => unit.id)}::int[])
      JOIN admin_unit u ON u.id = p.unit_id
      WHERE p.status = 'LOCKED' AND p.period_id >= ${this.effective}
      ORDER BY p.period_id LIMIT 1`;
    if (locked) {
      throw new Refusal(
        "effectiveOn",
        `Ngày hiệu lực ${dateLabel(this.effective)} nằm trong kỳ đã khóa: báo cáo tháng ${monthLabel(locked.period_id)} của ${unitDisplayName(locked)} đã khóa. Chọn ngày hiệu lực sau kỳ đã khóa, hoặc mở khóa báo cáo trước.`,
      );
    }
  }

  /** A unit that ends may not hold figures of months after its end. */
  async assertNoFiguresFrom(units: UnitRow[]) {
    const [late] = await this.tx.$queryRaw<{ name: string; kind: string; period_id: number }[]>`
      SELECT u.name, u.kind, min(v.period_id) AS period_id FROM data_value v JOIN admin_unit u ON u.id = v.unit_id
      WHERE v.unit_id = ANY(${units.map((unit) => unit.id)}::int[]) AND v.period_id >= ${this.effective}
      GROUP BY u.id ORDER BY 3 LIMIT 1`;
    if (late) {
      throw new Refusal(
        "effectiveOn",
        `Ngày hiệu lực: ${unitDisplayName(late)} đã có số liệu tháng ${monthLabel(late.period_id)}, sau ngày hiệu lực ${dateLabel(this.effective)}. Chọn ngày hiệu lực sau tháng đó.`,
      );
    }
  }

  /** Units that end, and the existing units that receive them (checked for order and locks, not for later figures). */
  async assertCanEnd(units: UnitRow[], receivers: UnitRow[] = []) {
    await this.assertNoLaterChange([...units, ...receivers]);
    await this.assertNotLocked([...units, ...receivers]);
    await this.assertNoFiguresFrom(units);
  }

  /** The unit that receives: an existing one of the given level, or a new one created from the effective date. */
  async receiver(input: ReceiverInput, level: UnitLevel, defaultParentId: number | null, field: string): Promise<{ unit: UnitRow; create: () => Promise<UnitRow> }> {
    if ("existingCode" in input) {
      const unit = await this.unit(input.existingCode, `${field}.existingCode`, "subject");
      if (unit.level !== level) {
        throw new Refusal(`${field}.existingCode`, `Đơn vị nhận: ${unit.name} là ${LEVEL_LABEL[unit.level]}, khác cấp với đơn vị sáp nhập hoặc chia tách (${LEVEL_LABEL[level]}).`);
      }
      return { unit, create: async () => unit };
    }
    if (await this.tx.adminUnit.findUnique({ where: { code: input.newCode }, select: { id: true } })) {
      throw new Refusal(`${field}.newCode`, `Mã đơn vị mới: đã có đơn vị mã "${input.newCode}" (mã không dùng lại, kể cả của đơn vị đã ngừng).`);
    }
    if (!KINDS_BY_LEVEL[level].includes(input.newKind)) {
      throw new Refusal(`${field}.newKind`, `Loại đơn vị mới: với cấp ${LEVEL_LABEL[level]} phải là một trong: ${KINDS_BY_LEVEL[level].join(", ")}.`);
    }
    const parent = input.parentCode ? await this.unit(input.parentCode, `${field}.parentCode`, "parent") : null;
    const parentId = parent?.id ?? defaultParentId;
    // The default parent (the old units' own) must lie in the actor's scope too: a ward's committee may not create units beside its ward.
    if (!parent && parentId !== null && !(await can(this.actor, "units.reorganise", { unitId: parentId }))) {
      throw new Refusal(`${field}.parentCode`, "Mã đơn vị cấp trên: đơn vị mới phải thuộc một đơn vị trong phạm vi của bạn; hãy nhập đơn vị cấp trên.", 403);
    }
    if (parentId === null && level !== "PROVINCE") {
      throw new Refusal(`${field}.parentCode`, "Mã đơn vị cấp trên: các đơn vị thuộc nhiều đơn vị cấp trên khác nhau; hãy nhập đơn vị cấp trên của đơn vị mới.");
    }
    const parentLevel = parent?.level ?? (parentId !== null ? (await this.tx.adminUnit.findUniqueOrThrow({ where: { id: parentId }, select: { level: true } })).level : null);
    if (parentLevel !== null && !ALLOWED_PARENT_LEVELS[level].includes(parentLevel)) {
      throw new Refusal(`${field}.parentCode`, `Mã đơn vị cấp trên: ${LEVEL_LABEL[level]} phải thuộc ${ALLOWED_PARENT_LEVELS[level].map((l) => LEVEL_LABEL[l]).join(" hoặc ")}.`);
    }
    const planned: UnitRow = { id: 0, code: input.newCode, name: input.newName, level, kind: input.newKind, parentId, validTo: null };
    return {
      unit: planned,
      create: async () => {
        const id = await createUnit(this.tx, { code: planned.code, name: planned.name, level, kind: planned.kind, parentId }, this.effective);
        const created = { ...planned, id };
        this.unitNames.set(id, created);
        this.note(created, "created", `thành lập từ ${dateLabel(this.effective)}, thuộc ${await this.name(parentId)}`);
        return created;
      },
    };
  }

  async move(unit: Pick<UnitRow, "id" | "code" | "name" | "level" | "parentId">, newParentId: number, change: "moved" | "closed" = "moved", detail?: string) {
    await moveUnit(this.tx, this.id, unit, newParentId, this.until);
    if (change === "moved") this.note(unit, "moved", detail ?? `chuyển từ ${await this.name(unit.parentId)} sang ${await this.name(newParentId)}`);
  }

  async end(unit: UnitRow, receiver: UnitRow, detail: string) {
    await this.move(unit, receiver.id, "closed");
    await closeUnit(this.tx, unit.id, this.effective);
    this.note(unit, "closed", `ngừng từ ${dateLabel(this.effective)}; ${detail}`);
  }

  async lineage(fromId: number, toId: number, weight: number) {
    await this.tx.unitLineage.create({ data: { reorganisationId: this.id, fromUnitId: fromId, toUnitId: toId, weight } });
  }

  async countFigures(units: UnitRow[]) {
    this.preview.sourceFigures += await this.tx.dataValue.count({ where: { unitId: { in: units.map((unit) => unit.id) } } });
  }
}

/** Applies one reorganisation inside the caller's transaction (the seed's reforms use it directly). */
export async function applyReorganisation(tx: Tx, actor: Actor, input: ReorganisationInput, now = new Date()): Promise<{ id: number; preview: ReorganisationPreview }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REORGANISATION_LOCK}, 0)`;
  // Writers of figures hold their province's roll-up lock from their first figure to their commit.
  // Taking every province's lock before the map changes makes a reorganisation wait for those
  // writers and them wait for it: otherwise a save committed meanwhile adds to the ancestors it
  // saw and a move carries the totals it saw, and the roll-ups drift (found by
  // tests/db/concurrency-properties.test.ts). Reorganisations are rare; saves wait a moment.
  await tx.$executeRaw`SELECT rollup_lock_provinces(ARRAY(SELECT id FROM admin_unit WHERE parent_id IS NULL))`;
  const current = periodOfDate(now);
  if (input.effectiveOn > current) {
    throw new Refusal("effectiveOn", `Ngày hiệu lực: không được sau tháng hiện tại (${monthLabel(current)}); hãy ghi nhận khi quyết định đã có hiệu lực.`);
  }
  const record = await tx.reorganisation.create({
    data: {
      kind: input.kind,
      effectiveOn: firstDayOf(input.effectiveOn),
      effectivePeriod: input.effectiveOn,
      reason: input.reason,
      decisionRef: input.decisionRef,
      details: JSON.parse(JSON.stringify(input)) as Prisma.InputJsonValue,
      actorId: actor.id,
      actorName: actor.username,
    },
    select: { id: true },
  });
  const run = new Run(tx, actor, input, record.id);
  switch (input.kind) {
    case "RENAME":
      await rename(run, input);
      break;
    case "MOVE":
      await move(run, input);
      break;
    case "MERGE":
      await merge(run, input);
      break;
    case "SPLIT":
      await split(run, input);
      break;
    case "ABOLISH_LEVEL":
      await abolishLevel(run, input);
      break;
  }
  const written = await keepTargets(tx, actor, run.desiredTargets, input.effectiveOn, input.reason, input.decisionRef);
  const indicators = await tx.indicator.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const unitsById = new Map((await tx.adminUnit.findMany({ where: { id: { in: [...written.map((t) => t.unitId), ...run.kpiUnits] } }, select: unitSelect })).map((unit) => [unit.id, unit]));
  run.preview.targets = written.map((target) => ({
    unitCode: unitsById.get(target.unitId)!.code,
    unitName: unitsById.get(target.unitId)!.name,
    indicatorCode: indicators.find((indicator) => indicator.id === target.indicatorId)!.code,
    value: target.value,
  }));
  run.preview.kpis = await kpisOf(tx, [...new Set(run.kpiUnits)].map((id) => unitsById.get(id)!), indicators, run.until);

  // Each unit's own audit trail shows what happened to it; the record shows the whole.
  const affected = await tx.adminUnit.findMany({ where: { code: { in: run.preview.units.map((unit) => unit.code) } }, select: { id: true, code: true } });
  const idOf = new Map(affected.map((unit) => [unit.code, unit.id]));
  for (const change of run.preview.units) {
    await writeAuditLog(tx, actor, {
      action: `units.${change.change === "receives" ? "reorganise" : change.change}`,
      entityType: "admin_unit",
      entityId: idOf.get(change.code) ?? null,
      unitId: idOf.get(change.code) ?? null,
      after: { reorganisationId: record.id, detail: change.detail },
      reason: `${input.reason} (${input.decisionRef})`,
    });
  }
  await writeAuditLog(tx, actor, {
    action: "units.reorganise",
    entityType: "reorganisation",
    entityId: record.id,
    after: { kind: input.kind, effectivePeriod: run.preview.effectivePeriod, units: run.preview.units.length, teams: run.preview.teams.merged.length + run.preview.teams.moved.length },
    reason: `${input.reason} (${input.decisionRef})`,
  });
  return { id: record.id, preview: run.preview };
}

async function rename(run: Run, input: Extract<ReorganisationInput, { kind: "RENAME" }>) {
  const unit = await run.unit(input.unitCode, "unitCode", "subject");
  const newName = input.newName ?? unit.name;
  const newCode = input.newCode ?? unit.code;
  if (newName === unit.name && newCode === unit.code) throw new Refusal("newName", "Tên mới: trùng với tên và mã hiện tại.");
  if (newCode !== unit.code && (await run.tx.adminUnit.findUnique({ where: { code: newCode }, select: { id: true } }))) {
    throw new Refusal("newCode", `Mã mới: đã có đơn vị mã "${newCode}".`);
  }
  await run.tx.adminUnit.update({ where: { id: unit.id }, data: { name: newName, code: newCode } });
  run.note({ ...unit, code: newCode, name: newName }, "renamed", `trước đây: ${unitDisplayName(unit)}, mã ${unit.code}`);
}

async function move(run: Run, input: Extract<ReorganisationInput, { kind: "MOVE" }>) {
  const unit = await run.unit(input.unitCode, "unitCode", "subject");
  const parent = await run.unit(input.newParentCode, "newParentCode", "parent");
  if (parent.id === unit.parentId) throw new Refusal("newParentCode", `Đơn vị cấp trên mới: ${unit.name} đã thuộc ${parent.name}.`);
  // The cycle first: it is the more fundamental mistake, whatever the levels.
  const below = await run.tx.adminUnitClosure.findUnique({ where: { ancestorId_descendantId: { ancestorId: unit.id, descendantId: parent.id } } });
  if (below) throw new Refusal("newParentCode", `Đơn vị cấp trên mới: ${parent.name} nằm bên dưới ${unit.name}; chuyển như vậy tạo vòng lặp.`);
  if (!ALLOWED_PARENT_LEVELS[unit.level].includes(parent.level)) {
    const allowed = ALLOWED_PARENT_LEVELS[unit.level].map((level) => LEVEL_LABEL[level]).join(" hoặc ");
    throw new Refusal("newParentCode", `Đơn vị cấp trên mới: ${LEVEL_LABEL[unit.level]} ${allowed ? `phải thuộc ${allowed}` : "không thuộc đơn vị nào"}; ${parent.name} là ${LEVEL_LABEL[parent.level]}.`);
  }
  await run.assertNoLaterChange([unit]);
  await run.assertNotLocked([unit]);
  const before = await targetsInForce(run.tx, [unit.id], run.effective);
  await run.move(unit, parent.id);
  run.desiredTargets.set(unit.id, before.get(unit.id)!);
  run.kpiUnits.push(unit.id, parent.id);
}

async function merge(run: Run, input: Extract<ReorganisationInput, { kind: "MERGE" }>) {
  const sources: UnitRow[] = [];
  for (const code of input.sourceCodes) sources.push(await run.unit(code, "sourceCodes", "subject"));
  const other = sources.find((unit) => unit.level !== sources[0].level);
  if (other) {
    throw new Refusal("sourceCodes", `Các đơn vị sáp nhập: phải cùng cấp; ${sources[0].name} là ${LEVEL_LABEL[sources[0].level]}, ${other.name} là ${LEVEL_LABEL[other.level]}.`);
  }
  const parents = [...new Set(sources.map((unit) => unit.parentId))];
  const planned = await run.receiver(input.into, sources[0].level, parents.length === 1 ? parents[0] : null, "into");
  if (planned.unit.id !== 0) {
    if (sources.some((unit) => unit.id === planned.unit.id)) throw new Refusal("into.existingCode", "Đơn vị nhận: không được nằm trong danh sách đơn vị sáp nhập.");
    const below = await run.tx.adminUnitClosure.findFirst({ where: { ancestorId: { in: sources.map((unit) => unit.id) }, descendantId: planned.unit.id } });
    if (below) throw new Refusal("into.existingCode", `Đơn vị nhận: ${planned.unit.name} nằm bên dưới một đơn vị sáp nhập; như vậy tạo vòng lặp.`);
  } else if (sources.length < 2) {
    throw new Refusal("sourceCodes", "Các đơn vị sáp nhập: sáp nhập thành đơn vị mới cần ít nhất 2 đơn vị (một đơn vị thì dùng Đổi tên).");
  }
  await run.assertCanEnd(sources, planned.unit.id !== 0 ? [planned.unit] : []);

  // The receiver's target: the sources' (and its own) weighted by their denominators of the last month before.
  const weighed = planned.unit.id !== 0 ? [...sources, planned.unit] : sources;
  const before = await targetsInForce(run.tx, weighed.map((unit) => unit.id), run.effective);
  const denominators = await elementSumsByUnit(weighed.map((unit) => unit.id), run.until, run.until, run.tx);
  const indicators = await run.tx.indicator.findMany({ select: { id: true, denominatorElementId: true } });
  const desired = new Map<number, number>();
  for (const indicator of indicators) {
    const parts = weighed.flatMap((unit) => {
      const target = before.get(unit.id)?.get(indicator.id);
      return target === undefined ? [] : [{ target, denominator: denominators.get(unit.id)?.get(indicator.denominatorElementId) ?? 0 }];
    });
    if (parts.length > 0) desired.set(indicator.id, weightedTarget(parts));
  }

  const receiver = await planned.create();
  if (planned.unit.id !== 0) run.note(receiver, "receives", `nhận ${sources.map((unit) => unit.name).join(", ")}`);
  for (const source of sources) {
    for (const child of await liveChildren(run.tx, source.id)) await run.move(child, receiver.id);
    await run.end(source, receiver, `sáp nhập vào ${unitDisplayName(receiver)}`);
    await run.lineage(source.id, receiver.id, 1);
  }
  await carryTeams(run.tx, run.actor, sources.map((unit) => unit.id), receiver.id, run.preview.teams);
  run.preview.usersRescoped.push(...(await rescopeUsers(run.tx, run.actor, sources.map((unit) => unit.id), receiver.id)));
  await run.countFigures(sources);
  run.desiredTargets.set(receiver.id, desired);
  run.kpiUnits.push(receiver.id);
}

async function split(run: Run, input: Extract<ReorganisationInput, { kind: "SPLIT" }>) {
  const source = await run.unit(input.sourceCode, "sourceCode", "subject");
  const planned: Awaited<ReturnType<Run["receiver"]>>[] = [];
  for (const [index, part] of input.parts.entries()) {
    const receiver = await run.receiver(part.unit, source.level, source.parentId, `parts.${index}.unit`);
    if (receiver.unit.id === source.id) throw new Refusal(`parts.${index}.unit.existingCode`, "Các phần: không được là chính đơn vị chia tách.");
    if (planned.some((other) => other.unit.code === receiver.unit.code)) throw new Refusal(`parts.${index}.unit`, `Các phần: ${receiver.unit.name} có hai lần.`);
    planned.push(receiver);
  }
  // Hundredths of a percent: exact integers that add up to 10,000.
  const weights = input.parts.every((part) => part.sharePercent !== undefined) ? input.parts.map((part) => Math.round(part.sharePercent! * 100)) : sharesFromAdults(input.parts.map((part) => part.adults!));
  const keeper = weights.indexOf(Math.max(...weights));

  const children = await liveChildren(run.tx, source.id);
  const destination = new Map<number, number>();
  for (const [index, part] of input.parts.entries()) {
    for (const code of part.childCodes) {
      const child = children.find((unit) => unit.code === code);
      if (!child) throw new Refusal(`parts.${index}.childCodes`, `Mã "${code}": không phải đơn vị đang trực thuộc ${source.name}.`);
      if (destination.has(child.id)) throw new Refusal(`parts.${index}.childCodes`, `Mã "${code}": đã được chia cho một phần khác.`);
      destination.set(child.id, index);
    }
  }
  await run.assertCanEnd([source], planned.filter((part) => part.unit.id !== 0).map((part) => part.unit));
  const before = await targetsInForce(run.tx, [source.id], run.effective);

  const parts: UnitRow[] = [];
  for (const [index, part] of planned.entries()) {
    const unit = await part.create();
    if (part.unit.id !== 0) run.note(unit, "receives", `nhận ${(weights[index] / 100).toLocaleString("vi-VN")}% của ${source.name}`);
    parts.push(unit);
  }
  for (const child of children) await run.move(child, parts[destination.get(child.id) ?? keeper].id);
  await run.end(source, parts[keeper], `chia tách thành ${parts.map((unit, index) => `${unit.name} (${(weights[index] / 100).toLocaleString("vi-VN")}%)`).join(", ")}`);
  for (const [index, part] of parts.entries()) await run.lineage(source.id, part.id, weights[index] / 10_000);

  // The old unit hangs under the keeper; each other part takes its share from the keeper.
  const figures = await run.tx.dataValue.findMany({ where: { unitId: source.id, periodId: { lt: run.effective } }, select: { periodId: true, elementId: true, value: true } });
  // Every other part receives its share, even a share of 0: it is a figure the part now has (0%, not "no data").
  // The keeper's negative share takes away without reporting anything (received: false).
  const carried: { unitId: number; periodId: number; elementId: number; value: number; received: boolean }[] = [];
  for (const figure of figures) {
    const shares = largestRemainder(figure.value, weights);
    for (const [index, share] of shares.entries()) {
      if (index !== keeper) carried.push({ unitId: parts[index].id, periodId: figure.periodId, elementId: figure.elementId, value: share, received: true });
      else if (share !== figure.value) carried.push({ unitId: parts[index].id, periodId: figure.periodId, elementId: figure.elementId, value: share - figure.value, received: false });
    }
  }
  if (carried.length > 0) {
    await run.tx.$executeRaw`
      INSERT INTO carried_value (unit_id, period_id, element_id, reorganisation_id, value, received)
      SELECT unit_id, period_id, element_id, ${run.id}, value, received
      FROM unnest(${carried.map((row) => row.unitId)}::int[], ${carried.map((row) => row.periodId)}::int[],
                  ${carried.map((row) => row.elementId)}::int[], ${carried.map((row) => row.value)}::bigint[],
                  ${carried.map((row) => row.received)}::boolean[]) AS c(unit_id, period_id, element_id, value, received)`;
  }
  run.preview.carriedFigures = carried.length;
  await carryTeams(run.tx, run.actor, [source.id], parts[keeper].id, run.preview.teams);
  run.preview.usersRescoped.push(...(await rescopeUsers(run.tx, run.actor, [source.id], parts[keeper].id)));
  await run.countFigures([source]);
  for (const part of parts) run.desiredTargets.set(part.id, before.get(source.id)!);
  run.kpiUnits.push(...parts.map((unit) => unit.id));
}

async function abolishLevel(run: Run, input: Extract<ReorganisationInput, { kind: "ABOLISH_LEVEL" }>) {
  const districts: UnitRow[] = [];
  for (const code of input.districtCodes) {
    const unit = await run.unit(code, "districtCodes", "subject");
    if (unit.level !== "DISTRICT" || unit.parentId === null) throw new Refusal("districtCodes", `Mã "${code}": ${unit.name} là ${LEVEL_LABEL[unit.level]}, không phải quận/huyện.`);
    districts.push(unit);
  }
  await run.assertCanEnd(districts);
  for (const district of districts) {
    const province = await run.tx.adminUnit.findUniqueOrThrow({ where: { id: district.parentId! }, select: unitSelect });
    const wards = await liveChildren(run.tx, district.id);
    const before = await targetsInForce(run.tx, wards.map((ward) => ward.id), run.effective);
    for (const ward of wards) {
      await run.move(ward, province.id, "moved", `lên thẳng ${unitDisplayName(province)} (trước thuộc ${unitDisplayName(district)})`);
      run.desiredTargets.set(ward.id, before.get(ward.id)!);
    }
    await run.end(district, province, `các phường/xã lên thẳng ${unitDisplayName(province)}`);
    await run.lineage(district.id, province.id, 1);
    await carryTeams(run.tx, run.actor, [district.id], province.id, run.preview.teams);
    const stranded = await run.tx.user.findMany({ where: { scopeUnitId: district.id, active: true }, select: { username: true } });
    run.preview.usersToReview.push(...stranded.map((user) => user.username));
    run.kpiUnits.push(province.id);
  }
}

/** The receivers' indicators for one month, from the roll-ups as this transaction sees them. */
async function kpisOf(tx: Tx, units: UnitRow[], indicators: IndicatorDefinition[], period: number): Promise<KpiPreview[]> {
  const sums = await elementSumsByUnit(units.map((unit) => unit.id), period, period, tx);
  return units.map((unit) => ({
    unitCode: unit.code,
    unitName: unitDisplayName(unit),
    period: periodCode(period),
    figures: indicators.map((indicator) => {
      const { code, name, numerator, denominator, value } = indicatorFigure(indicator, sums.get(unit.id)!, null);
      return { code, name, numerator, denominator, value };
    }),
  }));
}
