import { indicatorFigure, targetState } from "@/lib/dashboard/indicator-figures";

const SIGNATURE = { id: 1, code: "DIGITAL_SIGNATURE_RATE", name: "Chữ ký số", nameEn: "Signature", numeratorElementId: 10, denominatorElementId: 11, higherIsBetter: true };
const target = (value: number) => ({ value, unitId: null, unitCode: null, unitName: null, reason: "", source: null, toPeriodId: null });

describe("an indicator from its sums", () => {
  it("is the numerator's sum over the denominator's sum, with the gap to target", () => {
    const figure = indicatorFigure(SIGNATURE, new Map([[10, 412], [11, 1030]]), target(0.5));
    expect(figure).toMatchObject({ numerator: 412, denominator: 1030, state: "near" });
    expect(figure.value).toBeCloseTo(0.4, 12);
    expect(figure.gap).toBeCloseTo(-0.1, 12);
  });

  it("is no data, never 0%, without a denominator or when nobody entered the numerator", () => {
    expect(indicatorFigure(SIGNATURE, new Map(), target(0.5))).toMatchObject({ value: null, state: "noData", gap: null });
    expect(indicatorFigure(SIGNATURE, new Map([[11, 1030]]), target(0.5))).toMatchObject({ value: null, state: "noData" });
    // A whole reported as 0 (no adults, no merchants): no rate, and said so apart from "no data".
    expect(indicatorFigure(SIGNATURE, new Map([[10, 0], [11, 0]]), target(0.5))).toMatchObject({ value: null, state: "noDenominator", gap: null });
    expect(indicatorFigure(SIGNATURE, new Map([[10, 0], [11, 1030]]), target(0.5))).toMatchObject({ value: 0, state: "far" });
  });

  it("rates the gap: met at or above, near within 10 points, far beyond; no target said so", () => {
    expect(targetState(0.5, 0.5)).toBe("met");
    expect(targetState(0.4, 0.5)).toBe("near");
    expect(targetState(0.39, 0.5)).toBe("far");
    expect(targetState(0.39, null)).toBe("noTarget");
    expect(targetState(0.2, 0.1, false)).toBe("near");
  });
});
