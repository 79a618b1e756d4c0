import { isCrossSiteRequest } from "@/lib/http/cross-site";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("cross-site request refusal", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossSiteRequest("GET", headers({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), "tcns.vn")).toBe(false);
  });

  it("refuses a POST that a browser sends from another site", () => {
    expect(isCrossSiteRequest("POST", headers({ "sec-fetch-site": "cross-site" }), "tcns.vn")).toBe(true);
    expect(isCrossSiteRequest("POST", headers({ origin: "https://evil.example" }), "tcns.vn")).toBe(true);
    expect(isCrossSiteRequest("POST", headers({ origin: "null" }), "tcns.vn")).toBe(true);
    expect(isCrossSiteRequest("DELETE", headers({ origin: "https://tcns.vn.evil.example" }), "tcns.vn")).toBe(true);
  });

  it("accepts a POST from the platform's own pages and from clients without a browser", () => {
    expect(isCrossSiteRequest("POST", headers({ origin: "https://tcns.vn", "sec-fetch-site": "same-origin" }), "tcns.vn")).toBe(false);
    expect(isCrossSiteRequest("POST", headers({ origin: "http://localhost:3000" }), "localhost:3000")).toBe(false);
    expect(isCrossSiteRequest("POST", headers({ authorization: "Bearer token" }), "tcns.vn")).toBe(false);
  });
});
