import { describe, expect, it } from "vitest";

import { safeNextPath } from "@/lib/auth/redirects";

describe("safeNextPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    for (const good of [
      "/teacher/classes/abc",
      "/student",
      "/quiz/abc?assignment=x&y=1",
      "/teacher#results",
      "/articles/istanbul-talks-2025-05-16",
      "/a%20b",
    ]) {
      expect(safeNextPath(good)).toBe(good);
    }
  });

  it("drops anything a browser could take to another site, or that cannot go in a Location header", () => {
    for (const bad of [
      "https://evil.example",
      "http:/evil.example",
      "//evil.example",
      "///evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/\t/evil.example/phish",
      "/%09/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/ok\r\nSet-Cookie: a=b",
      "/ok\nx",
      "/ /evil.example",
      " /evil",
      "/%2F%2Fevil.example",
      "/%2f%2fevil.example",
      "/%5Cevil.example",
      "/%5c%5cevil.example",
      "%2F%2Fevil.example",
      "/.//evil.example",
      "/x/..//evil.example",
      "javascript:alert(1)",
      "data:text/html,hi",
      "evil.example",
      "/\u0000/evil.example",
      "/\u2028/evil.example",
      "/\u00a0/evil.example",
      "/%0d%0aSet-Cookie:x",
      "",
      "/".repeat(3),
      undefined,
      null,
    ]) {
      expect([bad, safeNextPath(bad)]).toEqual([bad, ""]);
    }
  });

  it("drops very long values", () => {
    expect(safeNextPath(`/${"a".repeat(3000)}`)).toBe("");
  });
});
