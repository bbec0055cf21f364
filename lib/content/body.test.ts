import { describe, expect, it } from "vitest";

import { anchorOfQuote, splitBody } from "@/lib/content/body";

describe("splitBody", () => {
  const blocks = splitBody("First para\nwraps.\n\n## A heading\n\nSecond para.");

  it("splits paragraphs and headings, each with an anchor", () => {
    expect(blocks).toEqual([
      { kind: "paragraph", text: "First para wraps.", anchor: "p1" },
      { kind: "heading", text: "A heading", anchor: "p2" },
      { kind: "paragraph", text: "Second para.", anchor: "p3" },
    ]);
  });

  it("finds the paragraph a quote comes from", () => {
    expect(anchorOfQuote(blocks, "Second")).toBe("p3");
    expect(anchorOfQuote(blocks, "para  wraps")).toBe("p1");
    expect(anchorOfQuote(blocks, "missing")).toBeUndefined();
  });
});
