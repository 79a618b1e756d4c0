import { compareVietnamese, foldVietnamese, normalizeName } from "@/lib/text";
import { unitDisplayName } from "@/lib/units/display-name";

describe("Vietnamese text", () => {
  it("stores names in NFC with single spaces", () => {
    const typedOnPhone = "  Hòa   Thuận Tây ".normalize("NFD");
    expect(normalizeName(typedOnPhone)).toBe("Hòa Thuận Tây".normalize("NFC"));
    expect(normalizeName(typedOnPhone)).toHaveLength("Hòa Thuận Tây".length);
  });

  it("folds diacritics and đ for search without accents", () => {
    expect(foldVietnamese("Hòa Thuận Tây")).toBe("hoa thuan tay");
    expect(foldVietnamese("Đông Anh".normalize("NFD"))).toBe("dong anh");
  });

  it("sorts in Vietnamese order, numbers numerically", () => {
    const names = ["Đông Anh", "Dương Nội", "Ân Thi", "An Lão", "Tổ 10", "Tổ 2"];
    expect([...names].sort(compareVietnamese)).toEqual(["An Lão", "Ân Thi", "Dương Nội", "Đông Anh", "Tổ 2", "Tổ 10"]);
  });

  it("does not repeat the kind in a unit's display name", () => {
    expect(unitDisplayName({ kind: "Phường", name: "Hòa Thuận Tây" })).toBe("Phường Hòa Thuận Tây");
    expect(unitDisplayName({ kind: "Thôn", name: "Thôn Mỹ" })).toBe("Thôn Mỹ");
    expect(unitDisplayName({ kind: "Tổ dân phố", name: "Tổ dân phố 1" })).toBe("Tổ dân phố 1");
  });
});
