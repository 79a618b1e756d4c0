/**
 * The projection to the target's deadline against an independent computation:
 * months counted on a plain month index, the line walked a month at a time to
 * the deadline, and the needed gain found by bisection rather than by the
 * closed form, on random series of every shape the committees meet.
 */
import { projectIndicator, projectionPath, type MonthFigures, type ProjectionTarget } from "@/lib/dashboard/projection";
import { SeededRandom } from "@/prisma/seed/random";

const index = (period: number) => Math.floor(period / 100) * 12 + (period % 100) - 1;
const period = (monthIndex: number) => Math.floor(monthIndex / 12) * 100 + (monthIndex % 12) + 1;

/** The rules of lib/dashboard/projection.ts, computed another way. */
function expected(months: MonthFigures[], target: ProjectionTarget | null, asOf: number) {
  const series = [...months].filter((month) => month.period <= asOf && month.denominator > 0).sort((a, b) => index(a.period) - index(b.period));
  const last = series[series.length - 1];
  const current = last ? last.numerator / last.denominator : null;
  const deadline = target?.toPeriodId ?? Math.floor(asOf / 100) * 100 + 12;
  if (target && current !== null && current >= target.value) return { state: "met", value: current, needed: 0 };
  if (series.length < 3) return { state: target ? "notEnoughHistory" : "noTarget", value: null, needed: null };
  const walk = (size: number) => {
    const used = series.slice(Math.max(0, series.length - size));
    const months = index(used[used.length - 1].period) - index(used[0].period);
    const perMonth = { n: (used[used.length - 1].numerator - used[0].numerator) / months, d: (used[used.length - 1].denominator - used[0].denominator) / months };
    let n = last.numerator;
    let d = last.denominator;
    for (let month = index(last.period); month < index(deadline); month += 1) {
      n += perMonth.n;
      d += perMonth.d;
    }
    return { perMonth, d, rate: d > 0 ? Math.min(Math.max(n, 0), d) / d : null };
  };
  const [three, six] = [walk(3), walk(6)];
  if ([three, six].some((window) => Math.abs(window.perMonth.d) > Math.abs(window.perMonth.n))) return { state: target ? "notEnoughHistory" : "noTarget", value: null, needed: null };
  if (!target) return { state: "noTarget", value: three.rate, needed: null };
  const ahead = index(deadline) - index(last.period);
  if (ahead <= 0) return { state: "offTrack", value: current, needed: null };
  // The smallest monthly gain that brings the numerator to the target's share of the whole at the deadline.
  let low = 0;
  let high = Math.max(1, target.value * three.d) * 2;
  for (let step = 0; step < 200; step += 1) {
    const middle = (low + high) / 2;
    if (last.numerator + middle * ahead >= target.value * three.d) high = middle;
    else low = middle;
  }
  const hitThree = three.rate !== null && three.rate >= target.value;
  const hitSix = six.rate !== null && six.rate >= target.value;
  const state = hitThree && hitSix ? "onTrack" : hitThree || hitSix || (three.rate !== null && target.value - three.rate <= 0.05) ? "atRisk" : "offTrack";
  return { state, value: three.rate, needed: high };
}

type Shape = "growing" | "flat" | "falling" | "gap" | "reached" | "short" | "wobblyWhole";

function series(random: SeededRandom, shape: Shape, asOf: number): MonthFigures[] {
  const count = shape === "short" ? random.int(1, 2) : random.int(3, 12);
  const whole = random.int(200, 60_000);
  const start = random.between(0.05, shape === "reached" ? 0.9 : 0.6) * whole;
  const perMonth = shape === "flat" ? 0 : shape === "falling" ? -random.between(0, 0.01) * whole : random.between(0, 0.03) * whole;
  const months: MonthFigures[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const at = index(asOf) - back;
    // A month left unreported in the middle of the series.
    if (shape === "gap" && back === Math.floor(count / 2) && count > 4) continue;
    const d = shape === "wobblyWhole" ? whole + random.int(-2000, 2000) : whole + (count - back);
    const n = Math.round(Math.min(d, Math.max(0, start + perMonth * (count - 1 - back))));
    months.push({ period: period(at), numerator: n, denominator: d });
  }
  return months;
}

describe("the projection to the target's deadline", () => {
  const random = new SeededRandom(2026_12);
  const shapes: Shape[] = ["growing", "flat", "falling", "gap", "reached", "short", "wobblyWhole"];

  it.each(shapes)("agrees with an independent computation on 200 random %s series", (shape) => {
    const states = new Set<string>();
    for (let run = 0; run < 200; run += 1) {
      const asOf = period(index(202601) + random.int(0, 11));
      const ends = random.int(0, 3);
      // Open-ended targets (December of the period's year), targets ending later, and deadlines already reached.
      const target: ProjectionTarget | null =
        ends === 0 ? null : { value: random.between(0.2, 0.95), toPeriodId: ends === 1 ? null : ends === 2 ? period(index(asOf) + random.int(1, 18)) : period(index(asOf) - random.int(0, 2)) };
      const months = series(random, shape, asOf);
      const got = projectIndicator(months, target, asOf);
      const want = expected(months, target, asOf);
      states.add(got.state);
      expect({ run, state: got.state }).toEqual({ run, state: want.state });
      if (want.value === null) expect(got.value).toBeNull();
      else expect(got.value).toBeCloseTo(want.value, 9);
      if (want.needed === null) expect(got.neededPerMonth).toBeNull();
      else expect(got.neededPerMonth!).toBeCloseTo(want.needed, 4);
      if (target && got.state !== "noTarget") expect(got.deadline).toBe(target.toPeriodId ?? Math.floor(asOf / 100) * 100 + 12);
      expect(got.deadlineFromTarget).toBe(target?.toPeriodId != null);
    }
    // Each shape meets more than one outcome, so the comparison is not of one trivial case.
    if (shape !== "short" && shape !== "reached") expect(states.size).toBeGreaterThan(1);
  });

  it("says where a steady climb lands and what it needs, in the words of the issue", () => {
    // 30% → 32% → 34% of 10,000 adults from September to November, target 40% by December 2027.
    const months = [202609, 202610, 202611].map((month, step) => ({ period: month, numerator: 3000 + 200 * step, denominator: 10_000 }));
    const projection = projectIndicator(months, { value: 0.4, toPeriodId: 202712 }, 202611);
    // 13 months ahead at 200 a month: 3,400 + 2,600 = 6,000 of 10,000.
    expect(projection).toMatchObject({ state: "onTrack", deadline: 202712, deadlineFromTarget: true, value: 0.6, pacePerMonth: 200, shortfallPerMonth: 0 });
    expect(projection.neededPerMonth).toBeCloseTo(600 / 13, 9);
    // By the end of this year instead: one month, 36%, four points short: at risk, 600 more needed in that month.
    const thisYear = projectIndicator(months, { value: 0.4, toPeriodId: null }, 202611);
    expect(thisYear).toMatchObject({ state: "atRisk", deadline: 202612, deadlineFromTarget: false, value: 0.36, neededPerMonth: 600, shortfallPerMonth: 400 });
    expect(projectionPath(thisYear)).toEqual([
      { period: 202611, value: 0.34, low: 0.34, high: 0.34 },
      { period: 202612, value: 0.36, low: 0.36, high: 0.36 },
    ]);
  });

  it("is at risk when the two windows disagree, and says not enough history rather than project a moving whole", () => {
    // Fast for three months after three flat ones: the recent pace reaches the target, the half-year's does not.
    const months = [202606, 202607, 202608, 202609, 202610, 202611].map((month, step) => ({ period: month, numerator: step < 3 ? 3000 : 3000 + 500 * (step - 2), denominator: 10_000 }));
    const projection = projectIndicator(months, { value: 0.6, toPeriodId: 202703 }, 202611);
    expect(projection.windows.map((window) => window.projected! >= 0.6)).toEqual([true, false]);
    expect(projection.state).toBe("atRisk");
    expect(projection.low).toBeLessThan(0.6);
    // The whole grows by 300 a month while its part grows by 100: no straight line to draw.
    const moving = [202609, 202610, 202611].map((month, step) => ({ period: month, numerator: 3000 + 100 * step, denominator: 10_000 + 300 * step }));
    expect(projectIndicator(moving, { value: 0.6, toPeriodId: null }, 202611)).toMatchObject({ state: "notEnoughHistory", value: null, neededPerMonth: null });
    // Two months are not a pace.
    expect(projectIndicator(moving.slice(1), { value: 0.6, toPeriodId: null }, 202611).state).toBe("notEnoughHistory");
  });

  it("counts a reported 0 as a figure and a target already met as met", () => {
    const zeros = [202609, 202610, 202611].map((month) => ({ period: month, numerator: 0, denominator: 500 }));
    expect(projectIndicator(zeros, { value: 0.3, toPeriodId: 202612 }, 202611)).toMatchObject({ state: "offTrack", current: 0, value: 0, pacePerMonth: 0, neededPerMonth: 150 });
    const met = [202611].map((month) => ({ period: month, numerator: 450, denominator: 1000 }));
    expect(projectIndicator(met, { value: 0.4, toPeriodId: null }, 202611)).toMatchObject({ state: "met", neededPerMonth: 0 });
  });
});
