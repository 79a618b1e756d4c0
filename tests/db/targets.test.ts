import { db } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/seed";
import { createUnits } from "../setup/create-units";
import type { Actor } from "@/lib/auth/authorize";
import { setTarget, targetHistory } from "@/lib/targets/set-target";
import { getDashboard } from "@/lib/dashboard/get-dashboard";

const NOW = new Date("2026-11-20T03:00:00Z");
let steering: Actor & { id: number };
let official: Actor & { id: number };
const target = { indicatorCode: "DIGITAL_SIGNATURE_RATE", percent: "40", fromPeriod: "2026-01", toPeriod: "", reason: "Mức 50% quá cao so với thực tế khu dân cư", source: "Kế hoạch 12/KH-UBND" };
const cardOf = async (actor: Actor, code: string, period = "2026-10") => {
  const dashboard = await getDashboard(actor, code, { period }, NOW);
  if (!dashboard.ok) throw new Error(dashboard.error.message);
  return dashboard.cards.find((card) => card.code === "DIGITAL_SIGNATURE_RATE")!;
};

beforeAll(async () => {
  await seedDatabase(db, { demo: false });
  const ids = await createUnits([
    ["P", "PROVINCE", "Thành phố", null, "Đà Nẵng"],
    ["D", "DISTRICT", "Quận", "P", "Hải Châu"],
    ["W", "WARD", "Phường", "D", "Hòa Thuận Tây"],
    ["W-01", "RESIDENTIAL_GROUP", "Tổ dân phố", "W"],
    ["Q", "PROVINCE", "Tỉnh", null],
  ]);
  const user = await db.user.create({ data: { username: "bcd.d", fullName: "Ban chỉ đạo quận", role: "STEERING", scopeUnitId: ids.D, passwordHash: "x" } });
  steering = { id: user.id, username: user.username, role: "STEERING", scopeUnitId: ids.D };
  const ward = await db.user.create({ data: { username: "canbo.w", fullName: "Cán bộ", role: "WARD_OFFICIAL", scopeUnitId: ids.W, passwordHash: "x" } });
  official = { id: ward.id, username: ward.username, role: "WARD_OFFICIAL", scopeUnitId: ids.W };
});

describe("targets", () => {
  it("start from the national target, said to be national", async () => {
    const card = await cardOf(steering, "W");
    expect(card.target).toMatchObject({ value: 0.5, unitCode: null });
  });

  it("set by a steering committee apply to its unit and are inherited below, the card naming whose", async () => {
    expect(await setTarget(steering, "D", target)).toMatchObject({ ok: true });
    expect((await cardOf(steering, "D")).target).toMatchObject({ value: 0.4, unitCode: "D", unitName: "Hải Châu", reason: target.reason, source: target.source });
    expect((await cardOf(official, "W-01")).target).toMatchObject({ value: 0.4, unitCode: "D" });
    // Before the range starts, the national target still applies.
    expect((await cardOf(steering, "W", "2025-12")).target).toMatchObject({ value: 0.5, unitCode: null });
  });

  it("prefer the nearest unit's own target, and a newer target of the same unit", async () => {
    expect(await setTarget(steering, "W", { ...target, percent: "35,5", reason: "Phường mới thành lập tổ, cần lộ trình" })).toMatchObject({ ok: true });
    expect((await cardOf(steering, "W-01")).target).toMatchObject({ value: 0.355, unitCode: "W" });
    expect(await setTarget(steering, "W", { ...target, percent: "38", reason: "Điều chỉnh sau sơ kết quý" })).toMatchObject({ ok: true });
    expect((await cardOf(steering, "W-01")).target).toMatchObject({ value: 0.38, unitCode: "W" });
  });

  it("keep every change in the history: who, old → new, why", async () => {
    const history = await targetHistory(steering, "W");
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ actorName: "bcd.d", before: { value: 0.355 }, after: { value: 0.38, from: "2026-01" }, reason: "Điều chỉnh sau sơ kết quý" });
    expect(history[1]).toMatchObject({ before: { value: 0.4 }, after: { value: 0.355 } });
  });

  it("name the field and the rule for bad input, writing nothing", async () => {
    const before = await db.target.count();
    const result = await setTarget(steering, "W", { ...target, percent: "140", fromPeriod: "2026-06", toPeriod: "2026-01", reason: "x" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { percent: [expect.stringMatching(/0 đến 100/)], toPeriod: [expect.stringMatching(/sau hoặc bằng/)], reason: [expect.stringMatching(/ít nhất 5/)] },
    });
    expect(await setTarget(steering, "W", { ...target, fromPeriod: "01/2026" })).toMatchObject({ ok: false, fieldErrors: { fromPeriod: [expect.stringMatching(/YYYY-MM/)] } });
    expect(await db.target.count()).toBe(before);
  });

  it("are refused outside the scope, to ward officials and for the nation to anyone but a national administrator", async () => {
    await expect(setTarget(steering, "Q", target)).rejects.toThrow(/Không tìm thấy/);
    await expect(setTarget(official, "W", target)).rejects.toThrow();
    await expect(setTarget(steering, null, target)).rejects.toThrow(/quốc gia/);
  });
});
