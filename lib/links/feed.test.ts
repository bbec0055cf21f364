import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseFeed } from "./feed";

const BASE = "http://news.test:8080";
const fixture = (name: string) => readFileSync(`tests/fixtures/links/${name}`, "utf8").replaceAll("{{base}}", BASE);

describe("parseFeed", () => {
  it("reads RSS: titles, canonical links (tracking parameters gone), dates and authors, newest first", () => {
    const feed = parseFeed(fixture("coast.rss"), `${BASE}/coast.rss`);
    expect(feed.title).toBe("Tidewire - Coast and towns");
    expect(feed.entries).toEqual([
      {
        url: `${BASE}/wire.html`,
        title: "Harbour board approves night ferry to Kestrel Island",
        publishedAt: "2025-06-03T05:40:00.000Z",
        author: "Imogen Halloway",
      },
      {
        url: `${BASE}/council.html`,
        title: "Riverside council votes to keep swimming pool open",
        publishedAt: "2025-06-02T18:00:00.000Z",
      },
      {
        url: `${BASE}/paywall.html`,
        title: "Inside the budget talks that nearly failed",
        publishedAt: "2025-06-01T08:00:00.000Z",
      },
    ]);
  });

  it("reads Atom: the alternate link, published before updated, the author's name", () => {
    const feed = parseFeed(fixture("valley.atom"), `${BASE}/valley.atom`);
    expect(feed.title).toBe("The Valley Courier");
    expect(feed.entries.map((e) => [e.url, e.publishedAt, e.author])).toEqual([
      [`${BASE}/wire.html`, "2025-06-03T06:00:00.000Z", undefined],
      [`${BASE}/feature.html`, "2025-05-31T05:15:00.000Z", "Dara Whitcombe"],
    ]);
  });

  it("resolves relative links, skips entries without one, and dates an undated entry now", () => {
    const now = new Date("2025-06-04T12:00:00Z");
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Short</title>
      <item><title>Relative</title><link>/stories/1</link></item>
      <item><title>No link</title></item>
      <item><title>Script</title><link>javascript:alert(1)</link></item></channel></rss>`;
    expect(parseFeed(xml, "https://short.example/feed.xml", now).entries).toEqual([
      { url: "https://short.example/stories/1", title: "Relative", publishedAt: "2025-06-04T12:00:00.000Z" },
    ]);
  });

  it("refuses what is not a feed", () => {
    expect(() => parseFeed("<html><body>Oops</body></html>", `${BASE}/x`)).toThrow(/not give an RSS or Atom feed/);
    expect(() => parseFeed("not xml at all <<<", `${BASE}/x`)).toThrow(/not give an RSS or Atom feed/);
  });
});
