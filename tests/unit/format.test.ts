import { formatDate, formatNumber, formatPercent, formatPeriod } from "@/lib/format";

describe("vi-VN and English formatting", () => {
  it("writes numbers and percentages the Vietnamese way", () => {
    expect(formatNumber(2869)).toBe("2.869");
    expect(formatPercent(0.5351)).toBe("53,51%");
    expect(formatNumber(2869, "en")).toBe("2,869");
    expect(formatPercent(0.5351, "en")).toBe("53.51%");
  });

  it("shows a missing ratio as a dash, never as 0%", () => {
    expect(formatPercent(null)).toBe("–");
    expect(formatPercent(Number.NaN)).toBe("–");
  });

  it("writes dates day first, on Vietnam's clock", () => {
    // 17:30 UTC on 31 Dec is already 1 January in Hà Nội.
    expect(formatDate(new Date("2025-12-31T17:30:00Z"))).toBe("01/01/2026");
    expect(formatPeriod(202610)).toBe("Tháng 10/2026");
    expect(formatPeriod(202610, "en")).toBe("October 2026");
  });
});
