import { checkFigures, parseFigure, type Say } from "@/lib/schemas/figure-rules";
import { say } from "@/lib/i18n/translate";

const vi: Say = (key, values) => say("vi", key, values);
const en: Say = (key, values) => say("en", key, values);

const ELEMENTS = [
  { code: "PEOPLE", name: "Dân số" },
  { code: "ADULTS", name: "Người trưởng thành" },
  { code: "ADULTS_DIGITAL_SIGNATURE", name: "Người trưởng thành có chữ ký số cá nhân" },
];
const PART_OF = [{ part: "ADULTS_DIGITAL_SIGNATURE", whole: "ADULTS" }];

describe("a month's figures", () => {
  it.each([
    ["1030", 1030],
    ["1.030", 1030],
    ["12 345", 12345],
    [" 0 ", 0],
    ["", null],
  ])("reads %j as %j", (raw, expected) => {
    expect(parseFigure(raw, "Dân số", vi)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["-3", /Dân số: không được là số âm/],
    ["12,5", /Dân số: phải là số nguyên .* không có phần thập phân/],
    ["1.5", /phải là số nguyên/],
    ["mười", /Dân số: phải là số nguyên không âm, ví dụ 1030/],
    ["1234567890", /Dân số: số quá lớn \(tối đa 1\.000\.000\)/],
    ["1e3", /phải là số nguyên không âm/],
  ])("refuses %j, naming the field and the rule", (raw, message) => {
    const parsed = parseFigure(raw, "Dân số", vi);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it("refuses a part larger than its whole", () => {
    const check = checkFigures(ELEMENTS, PART_OF, { PEOPLE: "1400", ADULTS: "1.030", ADULTS_DIGITAL_SIGNATURE: "1100" }, {}, {}, vi);
    expect(check.errors).toEqual({ ADULTS_DIGITAL_SIGNATURE: "Người trưởng thành có chữ ký số cá nhân: không được lớn hơn Người trưởng thành (1.030)." });
  });

  it("refuses adults outnumbering the population, and a part without its whole", () => {
    expect(checkFigures(ELEMENTS, PART_OF, { PEOPLE: "900", ADULTS: "1030", ADULTS_DIGITAL_SIGNATURE: "" }, {}, {}, vi).errors).toHaveProperty("ADULTS");
    expect(checkFigures(ELEMENTS, PART_OF, { PEOPLE: "", ADULTS: "", ADULTS_DIGITAL_SIGNATURE: "12" }, {}, {}, vi).errors).toHaveProperty("ADULTS");
  });

  it("asks no reason for a change of fewer than 10, however large in percent", () => {
    const previous = { ADULTS: 600, ADULTS_DIGITAL_SIGNATURE: 4 };
    expect(checkFigures(ELEMENTS, PART_OF, { ADULTS: "600", ADULTS_DIGITAL_SIGNATURE: "13" }, previous, {}, vi).warnings).toEqual({});
    expect(checkFigures(ELEMENTS, PART_OF, { ADULTS: "600", ADULTS_DIGITAL_SIGNATURE: "14" }, previous, {}, vi).warnings.ADULTS_DIGITAL_SIGNATURE).toMatch(/4 → 14/);
  });

  it("warns on a change of more than 50% against last month until a reason is given", () => {
    const previous = { PEOPLE: 1400, ADULTS: 1000, ADULTS_DIGITAL_SIGNATURE: 200 };
    const raw = { PEOPLE: "1400", ADULTS: "1000", ADULTS_DIGITAL_SIGNATURE: "412" };
    expect(checkFigures(ELEMENTS, PART_OF, raw, previous, {}, vi).warnings.ADULTS_DIGITAL_SIGNATURE).toMatch(/thay đổi 106% so với tháng trước \(200 → 412\)/);
    expect(checkFigures(ELEMENTS, PART_OF, raw, previous, { ADULTS_DIGITAL_SIGNATURE: "Đợt cấp chữ ký số tập trung tại phường" }, vi).warnings).toEqual({});
    expect(checkFigures(ELEMENTS, PART_OF, { ...raw, ADULTS_DIGITAL_SIGNATURE: "290" }, previous, {}, vi).warnings).toEqual({});
  });

  it("says the rules in English with English names and English number formatting", () => {
    const english = [
      { code: "PEOPLE", name: "Population" },
      { code: "ADULTS", name: "Adults" },
      { code: "ADULTS_DIGITAL_SIGNATURE", name: "Adults with a personal digital signature" },
    ];
    expect(parseFigure("1234567890", "Population", en)).toEqual({ ok: false, message: expect.stringMatching(/^Population: the number is too large \(at most 1,000,000\)/) });
    const check = checkFigures(english, PART_OF, { PEOPLE: "1400", ADULTS: "1.030", ADULTS_DIGITAL_SIGNATURE: "1100" }, { PEOPLE: 700 }, {}, en);
    expect(check.errors).toEqual({ ADULTS_DIGITAL_SIGNATURE: "Adults with a personal digital signature: cannot be larger than Adults (1,030)." });
    expect(check.warnings.PEOPLE).toBe("Population: changed by 100% from last month (700 → 1,400). If that is right, give the reason.");
  });
});
