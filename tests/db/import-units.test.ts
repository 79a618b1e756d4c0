import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { importUnitsCsv } from "@/lib/units/import-units";

const admin = { id: null, username: "test-admin", role: "ADMIN" as const, scopeUnitId: null };
const HEADER = "code,name,level,kind,parent_code";

const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");

/** A map of two provinces: one with a district, one (two-tier) with a ward directly below it. */
const VALID = csv(
  "48,Đà Nẵng,PROVINCE,Thành phố,",
  "492,Hải Châu,DISTRICT,Quận,48",
  "20206,Hòa Thuận Tây,WARD,Phường,492",
  "20206-01,Tổ dân phố 1,RESIDENTIAL_GROUP,Tổ dân phố,20206",
  '20206-02,"Tổ dân phố 2, khu 11",RESIDENTIAL_GROUP,Tổ dân phố,20206',
  "14,Sơn La,PROVINCE,Tỉnh,",
  "03646,Chiềng Xôm,WARD,Xã,14",
  "03646-01,Bản Hài,RESIDENTIAL_GROUP,Bản,03646",
);

async function unitCount() {
  return db.adminUnit.count();
}

describe("importing the administrative tree from CSV", () => {
  it("imports a valid file, parents before children, with a ward directly under a province", async () => {
    const result = await importUnitsCsv(admin, VALID);
    expect(result).toEqual({ ok: true, created: 8, unchanged: 0 });
    const ward = await db.adminUnit.findUniqueOrThrow({ where: { code: "03646" }, include: { parent: true } });
    expect(ward.parent?.code).toBe("14");
    expect((await db.adminUnit.findUniqueOrThrow({ where: { code: "20206-02" } })).name).toBe("Tổ dân phố 2, khu 11");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "units.import" }, orderBy: { id: "desc" } });
    expect(audit.actorName).toBe("test-admin");
    expect(audit.after).toMatchObject({ created: 8 });
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await unitCount();
    expect(await importUnitsCsv(admin, VALID)).toEqual({ ok: true, created: 0, unchanged: 8 });
    expect(await unitCount()).toBe(before);
  });

  it("accepts UTF-8 with a byte-order mark and stores names in NFC", async () => {
    const bytes = new TextEncoder().encode("\uFEFF" + csv("20207,Hòa Thuận Đông".normalize("NFD") + ",WARD,Phường,492"));
    expect(await importUnitsCsv(admin, bytes)).toMatchObject({ ok: true, created: 1 });
    const ward = await db.adminUnit.findUniqueOrThrow({ where: { code: "20207" } });
    expect(ward.name).toBe("Hòa Thuận Đông".normalize("NFC"));
  });

  describe("refuses a file with any bad row, writing nothing", () => {
    const cases: [string, string, { line: number; column: string; message: RegExp }][] = [
      ["an unknown parent", csv("30,Hải Dương,PROVINCE,Tỉnh,", "288,Hải Dương,DISTRICT,Thành phố,99"), { line: 3, column: "parent_code", message: /Không có đơn vị cấp trên mã "99"/ }],
      ["a duplicate code in the file", csv("30,Hải Dương,PROVINCE,Tỉnh,", "30,Hải Dương 2,PROVINCE,Tỉnh,"), { line: 3, column: "code", message: /trùng với dòng 2/ }],
      ["a bad level", csv("30,Hải Dương,PROVINCE,Tỉnh,", "288,Hải Dương,CITY,Thành phố,30"), { line: 3, column: "level", message: /Cấp phải là một trong: PROVINCE, DISTRICT, WARD, RESIDENTIAL_GROUP/ }],
      ["a kind that does not fit the level", csv("30,Hải Dương,PROVINCE,Phường,"), { line: 2, column: "kind", message: /Tỉnh, Thành phố/ }],
      ["a residential group directly under a district", csv("30,Hải Dương,PROVINCE,Tỉnh,", "288,Hải Dương,DISTRICT,Thành phố,30", "288-01,Tổ 1,RESIDENTIAL_GROUP,Tổ dân phố,288"), { line: 4, column: "parent_code", message: /phải thuộc phường\/xã/ }],
      ["a province with a parent", csv("30,Hải Dương,PROVINCE,Tỉnh,48"), { line: 2, column: "parent_code", message: /không có đơn vị cấp trên/ }],
      ["a missing parent code", csv("30,Hải Dương,PROVINCE,Tỉnh,", "288,Hải Dương,DISTRICT,Thành phố,"), { line: 3, column: "parent_code", message: /Thiếu mã đơn vị cấp trên/ }],
      ["an empty name", csv("30,,PROVINCE,Tỉnh,"), { line: 2, column: "name", message: /Tên đơn vị không được để trống/ }],
      ["a code with spaces", csv("3 0,Hải Dương,PROVINCE,Tỉnh,"), { line: 2, column: "code", message: /chỉ gồm chữ cái không dấu/ }],
      ["an existing code with different details", csv("30,Hải Dương,PROVINCE,Tỉnh,", "492,Hải Châu mới,DISTRICT,Quận,48"), { line: 3, column: "code", message: /đã có .* với thông tin khác/ }],
      ["a row with an unquoted comma", csv("30,Hải Dương,PROVINCE,Tỉnh,", "288,Hải Dương, thành phố,DISTRICT,Thành phố,30"), { line: 3, column: "", message: /nhiều ô hơn/ }],
    ];

    it.each(cases)("%s", async (_label, file, expected) => {
      const before = await unitCount();
      const result = await importUnitsCsv(admin, file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toMatch(/chưa ghi đơn vị nào/);
      expect(result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line: expected.line, column: expected.column, message: expect.stringMatching(expected.message) })]));
      // The valid first row (a new province) was not written either.
      expect(await unitCount()).toBe(before);
      expect(await db.adminUnit.findUnique({ where: { code: "30" } })).toBeNull();
    });
  });

  describe("refuses a file that is not a units CSV at all", () => {
    it.each([
      ["an empty file", "", /Tệp trống/],
      ["a header alone", HEADER, /chỉ có dòng tiêu đề/],
      ["a foreign CSV", "ma,ten,cap\n1,x,y", /Dòng tiêu đề phải là: code,name,level,kind,parent_code.*Thiếu cột: code, name, level, kind, parent_code/],
      ["a broken quote", csv('30,"Hải Dương,PROVINCE,Tỉnh,'), /lỗi định dạng/],
    ])("%s", async (_label, file, message) => {
      const before = await unitCount();
      const result = await importUnitsCsv(admin, file);
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) });
      expect(await unitCount()).toBe(before);
    });

    it("a file in Windows-1258 / Latin encoding, with a message that says how to save it as UTF-8", async () => {
      const latin1 = Buffer.from(csv("30,H\xe0 N\xf4m,PROVINCE,T\xecnh,"), "latin1");
      const result = await importUnitsCsv(admin, new Uint8Array(latin1));
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/không ở bảng mã UTF-8.*CSV UTF-8/) });
    });
  });

  it("refuses anyone but an administrator", async () => {
    await expect(importUnitsCsv({ id: null, username: "bcd", role: "STEERING", scopeUnitId: null }, VALID)).rejects.toThrow(AppError);
  });
});
