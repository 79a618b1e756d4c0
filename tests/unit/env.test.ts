import { describeDatabaseUrlProblem } from "@/lib/env";

describe("DATABASE_URL checks", () => {
  it("accepts a PostgreSQL URL", () => {
    expect(describeDatabaseUrlProblem("postgresql://user:secret@db.example:5432/tcns")).toBeNull();
    expect(describeDatabaseUrlProblem("postgres://localhost/tcns")).toBeNull();
  });

  it.each([
    ["not a URL", "db server on port 5432", /không phải một địa chỉ URL/],
    ["a host and port without a scheme", "localhost:5432/tcns", /phải bắt đầu bằng postgresql:\/\//],
    ["another database", "mysql://localhost/tcns", /phải bắt đầu bằng postgresql:\/\//],
    ["no database name", "postgresql://localhost:5432", /thiếu tên cơ sở dữ liệu/],
  ])("explains what is wrong with %s", (_label, value, message) => {
    expect(describeDatabaseUrlProblem(value)).toMatch(message);
  });
});
