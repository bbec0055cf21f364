import { describe, expect, it } from "vitest";

import { canonicalUrl } from "./canonical";

describe("canonicalUrl", () => {
  it("drops what does not name the page: fragment, tracking parameters, default port, host case", () => {
    expect(canonicalUrl("https://News.Example:443/world/story?utm_source=rss&utm_medium=feed#comments")).toBe(
      "https://news.example/world/story",
    );
    expect(canonicalUrl("http://news.example:80/a?id=7&fbclid=xyz")).toBe("http://news.example/a?id=7");
  });

  it("keeps what does: the path's case, the port and the other parameters (in one order)", () => {
    expect(canonicalUrl("https://news.example:8443/Story/12?page=2&id=7")).toBe(
      "https://news.example:8443/Story/12?id=7&page=2",
    );
    expect(canonicalUrl("https://news.example/a")).not.toBe(canonicalUrl("https://news.example/b"));
  });
});
