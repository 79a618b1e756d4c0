import { memberSchema, phoneSchema } from "@/lib/schemas/member";
import { fieldErrorsOf } from "@/lib/schemas/user";

const NOW = new Date("2026-11-23T00:00:00Z");
const base = { fullName: "Nguyễn Văn An", role: "MEMBER", affiliation: "YOUTH_UNION", birthYear: "", gender: "", phone: "", trainedOn: "" };

describe("member rules", () => {
  it.each([
    ["0905123456", "0905123456"],
    ["0905 123 456", "0905123456"],
    ["+84905123456", "0905123456"],
    ["84 905.123.456", "0905123456"],
    ["0356-789-012", "0356789012"],
  ])("accepts the mobile number %j as %j", (raw, stored) => {
    expect(phoneSchema.parse(raw)).toBe(stored);
  });

  it.each(["0205123456", "090512345", "09051234567", "1905123456", "không có"])("refuses %j with the rule", (raw) => {
    const result = phoneSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!).form).toEqual([expect.stringMatching(/10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09/)]);
    expect(fieldErrorsOf(result.error!, "en").form).toEqual([expect.stringMatching(/10 digits starting with 03, 05, 07, 08 or 09/)]);
  });

  it("stores names in NFC and leaves optional fields empty", () => {
    const parsed = memberSchema(NOW).parse({ ...base, fullName: "  Trần   Thị Hòa ".normalize("NFD") });
    expect(parsed).toEqual({ fullName: "Trần Thị Hòa".normalize("NFC"), role: "MEMBER", affiliation: "YOUTH_UNION", birthYear: null, gender: null, phone: null, trainedOn: null });
  });

  it.each([
    ["birthYear", "1890", /không trước năm 1920/],
    ["birthYear", "2020", /từ 10 tuổi trở lên \(sinh không sau năm 2016\)/],
    ["birthYear", "năm 60", /phải là số/],
    ["trainedOn", "2027-01-01", /không được ở tương lai/],
    ["trainedOn", "15/09/2025", /năm-tháng-ngày/],
    ["role", "BOSS", /tổ trưởng, tổ phó hoặc thành viên/],
    ["fullName", "A", /ít nhất 2 ký tự/],
  ])("names the field and the rule for a bad %s", (field, value, message) => {
    const result = memberSchema(NOW).safeParse({ ...base, [field]: value });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)[field]?.[0]).toMatch(message);
  });

  it("says the same rules in English, with the bound the rule checks", () => {
    const result = memberSchema(NOW).safeParse({ ...base, birthYear: "2020", fullName: "A" });
    expect(fieldErrorsOf(result.error!, "en")).toEqual({
      birthYear: ["Year of birth: members are at least 10 years old (born no later than 2016)."],
      fullName: ["Full name: at least 2 characters."],
    });
  });
});
