import { describe, expect, it } from "vitest";

import { safeNextPath } from "@/lib/auth/redirects";

describe("safeNextPath", () => {
  it("keeps paths on this site and drops everything else", () => {
    expect(safeNextPath("/teacher/classes/abc")).toBe("/teacher/classes/abc");
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      undefined,
    ]) {
      expect(safeNextPath(bad)).toBe("");
    }
  });
});
