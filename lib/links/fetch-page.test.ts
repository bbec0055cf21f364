// The fetcher against the tests' local web server. Names are resolved by a fake resolver:
// "news.test" is the local server (a loopback address, so refused unless allowed), and
// "intranet.test" an inside address nothing listens on; no test resolves or reaches anything else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { HUGE_PAGE_BYTES, startPageServer, type PageServer } from "@/tests/support/page-server";

import { fetchPage, LinkError, type FetchPolicy, type Resolver } from "./fetch-page";

let server: PageServer;
let lookups: string[];
const resolver: Resolver = async (hostname) => {
  lookups.push(hostname);
  if (hostname === "news.test") return [{ address: "127.0.0.1", family: 4 }];
  if (hostname === "intranet.test") return [{ address: "10.0.0.8", family: 4 }];
  if (hostname === "mixed.test")
    return [
      { address: "93.184.216.34", family: 4 },
      { address: "192.168.0.10", family: 4 },
    ];
  throw new Error(`ENOTFOUND ${hostname}`);
};
const allowed: FetchPolicy = { accept: "html", allowPrivateHosts: ["news.test"] };
const news = (pathname: string) => `http://news.test:${server.port}${pathname}`;

async function refusal(promise: Promise<unknown>): Promise<LinkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinkError);
  return error as LinkError;
}

beforeAll(async () => {
  server = await startPageServer();
});
afterAll(() => server.close());

describe("fetchPage: addresses", () => {
  it("refuses a private address, by name after resolving it, or written out, before connecting", async () => {
    lookups = [];
    const before = server.hits.length;
    const byName = await refusal(fetchPage(news("/wire.html"), { accept: "html" }, resolver));
    expect(byName.code).toBe("blocked_address");
    expect(byName.message).toMatch(/news\.test is on a private network \(127\.0\.0\.1\)/);
    expect(lookups).toEqual(["news.test"]);
    const literal = await refusal(fetchPage(`${server.base}/wire.html`, { accept: "html" }, resolver));
    expect(literal.code).toBe("blocked_address");
    // A name with one inside address among public ones is refused too.
    expect((await refusal(fetchPage("http://mixed.test/", { accept: "html" }, resolver))).code).toBe("blocked_address");
    expect(server.hits.length).toBe(before);
  });

  it("fetches from a private host an admin allowed, and only on the allowed port", async () => {
    const page = await fetchPage(news("/wire.html"), allowed, resolver);
    expect(page.url).toBe(news("/wire.html"));
    expect(page.contentType).toBe("text/html");
    expect(page.text).toContain("PORT ALDER, June 3 (Tidewire)");
    const otherPort = { ...allowed, allowPrivateHosts: ["news.test:1"] };
    expect((await refusal(fetchPage(news("/wire.html"), otherPort, resolver))).code).toBe("blocked_address");
  });

  it("checks every redirect again, after resolving its name", async () => {
    lookups = [];
    const followed = await fetchPage(news("/moved"), allowed, resolver);
    expect(followed.url).toBe(news("/wire.html"));

    lookups = [];
    const intranet = await refusal(fetchPage(news("/to-intranet"), allowed, resolver));
    expect(intranet.code).toBe("blocked_address");
    expect(intranet.message).toMatch(/intranet\.test is on a private network \(10\.0\.0\.8\)/);
    expect(lookups).toEqual(["news.test", "intranet.test"]);

    expect((await refusal(fetchPage(news("/to-metadata"), allowed, resolver))).message).toMatch(/169\.254\.169\.254/);
    expect((await refusal(fetchPage(news("/to-ftp"), allowed, resolver))).code).toBe("invalid_url");
    expect((await refusal(fetchPage(news("/loop"), allowed, resolver))).code).toBe("too_many_redirects");
  });

  it("refuses addresses that are not web pages' before any lookup", async () => {
    lookups = [];
    for (const bad of ["javascript:alert(1)", "file:///etc/passwd", "ftp://news.test/x", "news.test/wire.html"])
      expect((await refusal(fetchPage(bad, allowed, resolver))).code).toBe("invalid_url");
    expect((await refusal(fetchPage("http://me:secret@news.test/", allowed, resolver))).message).toMatch(/password/);
    expect(lookups).toEqual([]);
    expect((await refusal(fetchPage("http://nowhere.test/", allowed, resolver))).code).toBe("unreachable");
  });
});

describe("fetchPage: what comes back", () => {
  it("reads a compressed page", async () => {
    const page = await fetchPage(news("/gzip/wire.html"), allowed, resolver);
    expect(page.text).toContain("Kestrel Island");
  });

  it("stops reading a page over the size cap, declared or not", async () => {
    const huge = await refusal(fetchPage(news("/huge.html"), allowed, resolver));
    expect(huge.code).toBe("too_large");
    expect(huge.message).toMatch(/larger than 3 MB/);
    expect(HUGE_PAGE_BYTES).toBeGreaterThan(3 * 1024 * 1024);
    const declared = await refusal(fetchPage(news("/wire.html"), { ...allowed, maxBytes: 1000 }, resolver));
    expect(declared.code).toBe("too_large");
  });

  it("gives up on a page slower than the time limit", async () => {
    const started = Date.now();
    const slow = await refusal(fetchPage(news("/slow.html"), { ...allowed, timeoutMs: 400 }, resolver));
    expect(slow.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("says what a PDF, an image, a feed and a missing page are", async () => {
    const pdf = await refusal(fetchPage(news("/report.pdf"), allowed, resolver));
    expect(pdf.code).toBe("pdf");
    expect(pdf.message).toMatch(/PDF.*copy the article's text/);
    expect((await refusal(fetchPage(news("/photo.png"), allowed, resolver))).message).toMatch(
      /not a web page \(it is image\/png\)/,
    );
    expect((await refusal(fetchPage(news("/coast.rss"), allowed, resolver))).message).toMatch(/feed, not an article/);
    const missing = await refusal(fetchPage(news("/gone.html"), allowed, resolver));
    expect(missing.code).toBe("not_found");
    expect(missing.message).toMatch(/404/);
    server.override("/members.html", { status: 403, body: "Forbidden" });
    expect((await refusal(fetchPage(news("/members.html"), allowed, resolver))).message).toMatch(/subscribers/);
    server.override("/members.html", undefined);
  });

  it("takes a feed only when a feed is asked for", async () => {
    const feed = await fetchPage(news("/coast.rss"), { ...allowed, accept: "feed" }, resolver);
    expect(feed.contentType).toBe("application/rss+xml");
    expect(feed.text).toContain(`<link>${server.base}/council.html</link>`);
    expect((await refusal(fetchPage(news("/photo.png"), { ...allowed, accept: "feed" }, resolver))).code).toBe(
      "not_a_feed",
    );
  });
});
