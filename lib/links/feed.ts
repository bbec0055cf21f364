// RSS (2.0 and 1.0) and Atom feeds as a list of articles, with fast-xml-parser: no network, no
// external entities, and every field read by hand so that a feed's oddities (a title as an
// object, several links, relative addresses, dates in RFC 822 or ISO 8601) are handled here.
// Pure; the server runs it in the drafting thread with the fetch (lib/drafting/draft-worker.ts).
import { XMLParser } from "fast-xml-parser";

import { canonicalUrl } from "./canonical";
import { LinkError } from "./fetch-page";

export interface FeedEntryRead {
  /** The article's address, absolute and canonical. */
  url: string;
  title: string;
  /** ISO date-time; the feed's fetch time when the entry gives none. */
  publishedAt: string;
  author?: string;
}

export interface FeedRead {
  title: string;
  entries: FeedEntryRead[];
}

/** At most this many entries are read from one feed, newest first. */
export const MAX_FEED_ENTRIES = 30;

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
});

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function textOf(value: unknown): string | undefined {
  if (typeof value === "string" || typeof value === "number")
    return (
      String(value)
        .replace(/<[^>]*>/g, " ")
        .replace(/\s+/g, " ")
        .trim() || undefined
    );
  if (value && typeof value === "object") {
    const node = value as Node;
    return textOf(node["#text"]) ?? textOf(node.name);
  }
  return undefined;
}

function atomLink(value: unknown): string | undefined {
  const links = list(value).map((l) => (typeof l === "string" ? { "@_href": l } : (l as Node)));
  const alternate =
    links.find((l) => l["@_rel"] === "alternate" && (!l["@_type"] || String(l["@_type"]).includes("html"))) ??
    links.find((l) => !l["@_rel"]);
  return typeof alternate?.["@_href"] === "string" ? alternate["@_href"] : undefined;
}

function isoOf(value: unknown): string | undefined {
  const text = textOf(value);
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Parses a feed; refuses anything that is not RSS or Atom with a message saying so. */
export function parseFeed(xml: string, feedUrl: string, now = new Date()): FeedRead {
  const notAFeed = new LinkError(
    "not_a_feed",
    "That address does not give an RSS or Atom feed. Look on the outlet's site for its RSS link.",
  );
  let document: Node;
  try {
    document = parser.parse(xml) as Node;
  } catch {
    throw notAFeed;
  }
  const rss = document.rss as Node | undefined;
  const rdf = document["rdf:RDF"] as Node | undefined;
  const atom = document.feed as Node | undefined;
  let title: string | undefined;
  let raw: Array<{ link?: string; title?: string; date?: string; author?: string }>;
  if (rss?.channel || rdf) {
    const channel = (rss?.channel ?? rdf?.channel) as Node | undefined;
    title = textOf(channel?.title);
    raw = list(rss ? channel?.item : rdf?.item).map((i) => {
      const item = i as Node;
      const guid = item.guid as Node | string | undefined;
      const permalink =
        typeof guid === "object" && guid["@_isPermaLink"] !== "false"
          ? textOf(guid)
          : typeof guid === "string"
            ? guid
            : undefined;
      return {
        link: textOf(item.link) ?? (permalink && /^https?:/.test(permalink) ? permalink : undefined),
        title: textOf(item.title),
        date: isoOf(item.pubDate) ?? isoOf(item["dc:date"]),
        author: textOf(item["dc:creator"]) ?? textOf(item.author),
      };
    });
  } else if (atom) {
    title = textOf(atom.title);
    raw = list(atom.entry).map((e) => {
      const entry = e as Node;
      return {
        link: atomLink(entry.link),
        title: textOf(entry.title),
        date: isoOf(entry.published) ?? isoOf(entry.updated),
        author: textOf(list(entry.author)[0]),
      };
    });
  } else throw notAFeed;

  const entries: FeedEntryRead[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    if (!entry.link || !entry.title) continue;
    let url: string;
    try {
      const absolute = new URL(entry.link, feedUrl);
      if (absolute.protocol !== "http:" && absolute.protocol !== "https:") continue;
      url = canonicalUrl(absolute.href);
    } catch {
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    entries.push({
      url,
      title: entry.title,
      publishedAt: entry.date ?? now.toISOString(),
      ...(entry.author ? { author: entry.author } : {}),
    });
  }
  entries.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return { title: title ?? new URL(feedUrl).hostname, entries: entries.slice(0, MAX_FEED_ENTRIES) };
}
