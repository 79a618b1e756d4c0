import { addMonths, parsePeriodCode, periodCode, periodRange } from "@/lib/periods";

describe("months as yyyymm", () => {
  it("parses YYYY-MM and refuses anything else", () => {
    expect(parsePeriodCode("2025-10")).toBe(202510);
    for (const bad of ["2025-13", "2025-00", "25-10", "2025/10", "2025-1", ""]) expect(parsePeriodCode(bad)).toBeNull();
  });

  it("steps across year ends", () => {
    expect(addMonths(202511, 3)).toBe(202602);
    expect(addMonths(202601, -1)).toBe(202512);
    expect(periodRange(202511, 202602)).toEqual([202511, 202512, 202601, 202602]);
    expect(periodCode(202601)).toBe("2026-01");
  });
});
