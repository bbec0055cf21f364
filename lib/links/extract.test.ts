// The extractor on pages written for the tests, served by the local web server as a site would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startPageServer, type PageServer } from "@/tests/support/page-server";

import { dayOf, extractArticle } from "./extract";
import { fetchPage, LinkError } from "./fetch-page";

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
});
afterAll(() => server.close());

async function extracted(pathname: string) {
  const page = await fetchPage(`${server.base}${pathname}`, { accept: "html", allowPrivateHosts: [server.host] });
  return extractArticle(page.text, page.url);
}

async function problem(pathname: string): Promise<LinkError> {
  const error = await extracted(pathname).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinkError);
  return error as LinkError;
}

describe("extractArticle", () => {
  it("takes wire copy's headline, outlet, author and date from its metadata, and its text with the dateline", async () => {
    const article = await extracted("/wire.html");
    expect(article).toMatchObject({
      title: "Harbour board approves night ferry to Kestrel Island",
      outlet: "Tidewire",
      author: "Imogen Halloway",
      publishedOn: "2025-06-03",
    });
    const paragraphs = article.body.split("\n");
    expect(paragraphs[0]).toMatch(/^PORT ALDER, June 3 \(Tidewire\) - The Port Alder harbour board/);
    expect(paragraphs).toContain(
      "The trial will cost the board about 310,000 pounds, a third of which the island council has agreed to pay. Tickets will cost the same as during the day.",
    );
    // Navigation, the byline, the most-read list and the footer are not the article.
    expect(article.body).not.toMatch(/Most read|All rights reserved|Storm closes|^By Imogen/m);
    expect(article.words).toBeGreaterThan(200);
  });

  it("reads a feature's JSON-LD: its headline, both authors, its publisher, and the day in the outlet's time zone", async () => {
    const article = await extracted("/feature.html");
    expect(article).toMatchObject({
      title: "The library that lends seeds, and asks for them back",
      outlet: "The Valley Courier",
      author: "Dara Whitcombe and Felix Amador",
      // 22:15 on May 30 in California, though already May 31 in UTC.
      publishedOn: "2025-05-30",
    });
    expect(article.body).toContain("Now we have 312, and more than half were grown here, in Millbrook.");
    // A pulled quote's paragraph counts once; a photo caption is not text.
    expect(article.body.match(/grown for everywhere/g)).toHaveLength(1);
    expect(article.body).not.toContain("Volunteers sort returned seeds");
  });

  it("takes the day from <time> and the outlet from Open Graph when the page has no JSON-LD", async () => {
    const article = await extracted("/council.html");
    expect(article).toMatchObject({ outlet: "Riverside Gazette", publishedOn: "2025-06-02", author: "Hana Lindqvist" });
    expect(article.title).toBe("Riverside council votes to keep swimming pool open");
  });

  it("refuses a paywalled page, a list of stories and a page in German, saying why", async () => {
    const paywall = await problem("/paywall.html");
    expect(paywall.code).toBe("paywall");
    expect(paywall.message).toMatch(/behind The Ledger's paywall.*paste/);
    const index = await problem("/index.html");
    expect(index.code).toBe("no_article");
    expect(index.message).toMatch(/No article was found at that address/);
    const german = await problem("/german.html");
    expect(german.code).toBe("not_english");
    expect(german.message).toMatch(/not in English \(its language is "de"\)/);
  });

  it("finds a paywall by its notice when the page has no metadata", () => {
    const html = `<html lang="en"><body><article><h1>Budget deal</h1><p>${"The two parties met for eleven hours on Thursday. ".repeat(6)}</p><p>Subscribe to continue reading this article.</p></article></body></html>`;
    expect(() => extractArticle(html, "https://ledger.example/budget")).toThrow(/paywall/);
  });

  it("refuses English-labelled text that is not English", () => {
    const german = `<p>Der Stadtrat hat am Montag beschlossen, eine neue Buslinie zwischen dem Bahnhof und dem Krankenhaus einzurichten, die alle zwanzig Minuten fahren soll.</p>`;
    const html = `<html><head><title>Buslinie</title></head><body><article><h1>Buslinie</h1>${german.repeat(6)}</article></body></html>`;
    expect(() => extractArticle(html, "https://stadt.example/bus")).toThrow(/does not look like English/);
  });
});

describe("dayOf", () => {
  it("keeps the calendar day the page writes", () => {
    expect(dayOf("2025-05-30T22:15:00-07:00")).toBe("2025-05-30");
    expect(dayOf("2025-06-02")).toBe("2025-06-02");
    expect(dayOf("Tue, 03 Jun 2025 05:40:00 GMT")).toBe("2025-06-03");
    expect(dayOf("someday")).toBeUndefined();
  });
});
