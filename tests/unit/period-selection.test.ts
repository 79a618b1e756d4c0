import { parsePeriodSelection, previousSelection, monthsIn } from "@/lib/dashboard/period-selection";

const NOW = 202611;
const DEFAULT = 202610;
const parse = (params: Record<string, string>) => parsePeriodSelection(params, NOW, DEFAULT);

describe("choosing the period of a dashboard", () => {
  it("defaults to the last complete month", () => {
    expect(parse({})).toEqual({ ok: true, selection: { kind: "month", from: 202610, to: 202610, code: "2026-10" } });
  });

  it("reads a month, a quarter, a year and a range", () => {
    expect(parse({ period: "2026-03" })).toMatchObject({ ok: true, selection: { kind: "month", from: 202603, to: 202603 } });
    expect(parse({ period: "2026-q2" })).toMatchObject({ ok: true, selection: { kind: "quarter", from: 202604, to: 202606, code: "2026-Q2" } });
    expect(parse({ period: "2025" })).toMatchObject({ ok: true, selection: { kind: "year", from: 202501, to: 202512 } });
    expect(parse({ from: "2025-11", to: "2026-02" })).toMatchObject({ ok: true, selection: { kind: "range", from: 202511, to: 202602, code: "2025-11..2026-02" } });
  });

  it("ends a quarter or year under way at this month", () => {
    expect(parse({ period: "2026-Q4" })).toMatchObject({ ok: true, selection: { from: 202610, to: 202611 } });
    expect(parse({ period: "2026" })).toMatchObject({ ok: true, selection: { from: 202601, to: 202611 } });
  });

  it.each([
    [{ period: "2026-13" }, /không hợp lệ/],
    [{ period: "10/2026" }, /YYYY-MM/],
    [{ period: "2027-01" }, /chưa đến/],
    [{ from: "2026-01" }, /cần cả from và to/],
    [{ from: "2026-05", to: "2026-01" }, /phải trước/],
    [{ from: "2026-01", to: "2026-12" }, /\(to\).*chưa đến/],
    [{ from: "2023-01", to: "2026-01" }, /37 tháng; tối đa 36/],
    [{ period: "2026-01", from: "2026-01", to: "2026-02" }, /không dùng cả hai/],
  ])("refuses %p with a message naming the rule", (params, message) => {
    const result = parse(params as Record<string, string>);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it("compares with the time just before", () => {
    const month = parse({ period: "2026-01" });
    const quarter = parse({ period: "2026-Q4" });
    const range = parse({ from: "2026-03", to: "2026-08" });
    if (!month.ok || !quarter.ok || !range.ok) throw new Error("parse failed");
    expect(previousSelection(month.selection)).toMatchObject({ from: 202512, to: 202512, code: "2025-12" });
    expect(previousSelection(quarter.selection)).toMatchObject({ from: 202607, to: 202609, code: "2026-Q3" });
    expect(previousSelection(range.selection)).toMatchObject({ from: 202509, to: 202602 });
    expect(monthsIn(range.selection)).toBe(6);
  });
});
