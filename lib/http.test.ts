import { describe, expect, it } from "vitest";

import { isCrossSite } from "@/lib/http";

const request = (headers: Record<string, string>) =>
  new Request("http://quiz.school.org/api/x", { method: "POST", headers });

describe("isCrossSite", () => {
  it("trusts the browser's Sec-Fetch-Site", () => {
    expect(isCrossSite(request({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSite(request({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSite(request({ "sec-fetch-site": "same-site" }))).toBe(true);
  });

  it("falls back to comparing Origin with Host", () => {
    expect(isCrossSite(request({ origin: "http://quiz.school.org", host: "quiz.school.org" }))).toBe(false);
    expect(isCrossSite(request({ origin: "https://evil.example", host: "quiz.school.org" }))).toBe(true);
    expect(isCrossSite(request({ origin: "null", host: "quiz.school.org" }))).toBe(true);
  });

  it("lets a non-browser client without either header through", () => {
    expect(isCrossSite(request({}))).toBe(false);
  });
});
