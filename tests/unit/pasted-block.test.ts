import { pastedBlock } from "@/components/entry/pasted-block";
import { parseFigure, type Say } from "@/lib/schemas/figure-rules";
import { translator } from "@/lib/i18n/translate";

const vi = translator("vi") as unknown as Say;

describe("a block copied from Excel, LibreOffice or Google Sheets", () => {
  it("is read as rows of cells, with the trailing line break of Excel dropped", () => {
    expect(pastedBlock("1\t2\t3\r\n4\t5\t6\r\n")).toEqual([["1", "2", "3"], ["4", "5", "6"]]);
    expect(pastedBlock("1\n2\n3")).toEqual([["1"], ["2"], ["3"]]);
  });

  it("keeps empty cells as empty, so the grid leaves those figures alone", () => {
    expect(pastedBlock("1\t\t3\n\t5\t")).toEqual([["1", "", "3"], ["", "5", ""]]);
  });

  it("unquotes a quoted cell, with its doubled quotes and line breaks", () => {
    expect(pastedBlock('"1.234"\t"a ""b"""\n"x\ny"\t2')).toEqual([["1.234", 'a "b"'], ["x\ny", "2"]]);
  });

  it("is not a block when it is one value: the browser pastes it as typed", () => {
    expect(pastedBlock("1.234")).toBeNull();
    expect(pastedBlock("1.234\n")).toBeNull();
  });
});

describe("figures as spreadsheets write them", () => {
  it("reads thousands with dots, commas or (non-breaking) spaces, one kind per number", () => {
    for (const text of ["1.234", "1,234", "1 234", "1\u00a0234", "1\u202f234", " 1234 "]) expect(parseFigure(text, "Dân số", vi)).toEqual({ ok: true, value: 1234 });
    expect(parseFigure("1,234,567", "Dân số", vi)).toMatchObject({ ok: false });
    expect(parseFigure("12.345.678", "Dân số", vi)).toMatchObject({ ok: false, message: expect.stringMatching(/quá lớn/) });
  });

  it("refuses fractions, mixed separators, formulas and negatives, naming the field", () => {
    for (const text of ["1,5", "2.75", "1.234,5", "1,234.5", "=SUM(A1:A3)", "12a"]) expect(parseFigure(text, "Dân số", vi)).toMatchObject({ ok: false, message: expect.stringMatching(/^Dân số: /) });
    expect(parseFigure("-3", "Dân số", vi)).toMatchObject({ ok: false, message: expect.stringMatching(/âm/) });
    expect(parseFigure("\u22123", "Dân số", vi)).toMatchObject({ ok: false, message: expect.stringMatching(/âm/) });
  });
});
