// An article from a fetched page: its headline, outlet, author, publication date and body,
// from Mozilla's Readability (Firefox's reader view) on a server-side DOM (linkedom), and the
// page's own metadata, which outlets write for search engines and is more exact than any
// guess: JSON-LD (schema.org NewsArticle), Open Graph, <time datetime>. Refuses, with a
// message a teacher can act on, a paywalled page, a page with no article and a page not in
// English. Pure (no network); CPU-heavy on a big page, so the server runs it in a worker thread.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

import { englishStopWordRatio } from "@/lib/drafting/validate-text";

import { LinkError } from "./fetch-page";

export interface ExtractedArticle {
  /** The page's address (after redirects). */
  url: string;
  title: string;
  outlet: string;
  author?: string;
  /** YYYY-MM-DD, as the outlet dates it; absent when the page does not say. */
  publishedOn?: string;
  /** Plain text, one paragraph per line. */
  body: string;
  words: number;
}

/** Fewer words than this is a teaser, an index or a page built by script, not an article. */
export const MIN_ARTICLE_WORDS = 80;
const MIN_ENGLISH_RATIO = 0.15;

const ARTICLE_TYPES = new Set([
  "article",
  "newsarticle",
  "reportagenewsarticle",
  "analysisnewsarticle",
  "opinionnewsarticle",
  "backgroundnewsarticle",
  "reviewnewsarticle",
  "blogposting",
  "report",
  "liveblogposting",
]);

/** Words a paywall's notice uses where the article would be. */
const PAYWALL_NOTICE =
  /\b(subscribe|subscription|subscribers?)\b[^.]{0,80}\b(to (continue|keep) reading|to read (the|this) (full )?(article|story))|\b(this (article|story|content) is (only )?(available|reserved|exclusive) (to|for) (paying )?(subscribers|members))|\bsubscribers?[- ]only\b|\balready a subscriber\??\s*(log|sign) in/i;

type JsonObject = Record<string, unknown>;

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim() || undefined;
  if (value && typeof value === "object" && "name" in value) return text((value as JsonObject).name);
  return undefined;
}

/** Every object in the page's JSON-LD blocks, @graph and arrays flattened. */
function jsonLdObjects(document: Document): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown) => {
    for (const item of asArray(value)) {
      if (!item || typeof item !== "object") continue;
      found.push(item as JsonObject);
      if ("@graph" in item) visit((item as JsonObject)["@graph"]);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken block is the outlet's mistake; the other metadata still counts.
    }
  }
  return found;
}

function isArticleType(object: JsonObject): boolean {
  return asArray(object["@type"]).some((t) => typeof t === "string" && ARTICLE_TYPES.has(t.toLowerCase()));
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === "string" && value.trim().toLowerCase() === "false");
}

function meta(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element = document.querySelector(`meta[property="${key}"]`) ?? document.querySelector(`meta[name="${key}"]`);
    const content = text(element?.getAttribute("content"));
    if (content) return content;
  }
  return undefined;
}

/** YYYY-MM-DD of a date as the page writes it: the calendar day of its own time zone, not UTC's. */
export function dayOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
}

function authorsOf(value: unknown): string | undefined {
  const names = asArray(value)
    .map(text)
    .filter((name): name is string => Boolean(name) && !/^https?:/.test(name!));
  if (names.length === 0) return undefined;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** "Headline | Outlet" or "Headline - Outlet" without the outlet. */
function withoutOutletSuffix(title: string, outlet: string | undefined): string {
  if (!outlet) return title;
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return title.replace(new RegExp(`\\s*[|\\-–—:]\\s*${escaped}\\s*$`, "i"), "").trim() || title;
}

const BLOCKS = "p, li, h2, h3, h4, h5, h6, blockquote, pre";

/** Readability's article HTML as plain text, one paragraph per line. */
function paragraphsOf(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const paragraphs: string[] = [];
  for (const element of document.querySelectorAll(BLOCKS)) {
    // The innermost blocks only: a quote's paragraphs, not the quote and its paragraphs.
    if (element.querySelector(BLOCKS)) continue;
    if (element.closest("figure, figcaption, aside")) continue;
    const line = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    if (line) paragraphs.push(line);
  }
  return paragraphs;
}

/** "By Ana Lee" or "By Ana Lee and Li Wei" on a line of its own. */
const BYLINE =
  /^[Bb]y\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}(?:(?:,\s*|\s+and\s+)\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})*)$/u;
const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;

/** A line that is only a date ("3 June 2025", "June 2, 2025 · 6:40 am"). */
function isDateLine(line: string): boolean {
  return (
    line.length <= 40 &&
    /\d/.test(line) &&
    (MONTH.test(line) || /^\d{4}-\d{2}-\d{2}/.test(line)) &&
    !/[.!?]\s/.test(line)
  );
}

function wordCount(value: string): number {
  return value.match(/\p{L}+/gu)?.length ?? 0;
}

/** Extracts the article from a page's HTML; throws LinkError for a paywall, no article, or not English. */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const url = new URL(pageUrl);
  const ld = jsonLdObjects(document).find(isArticleType);
  const pageLanguage = (document.documentElement?.getAttribute("lang") ?? text(ld?.inLanguage) ?? "").toLowerCase();

  const outlet =
    text(ld?.publisher) ?? meta(document, "og:site_name", "application-name") ?? url.hostname.replace(/^www\./, "");
  const author =
    authorsOf(ld?.author) ?? meta(document, "author", "article:author", "byl")?.replace(/^by\s+/i, "") ?? undefined;
  const publishedOn = dayOf(
    text(ld?.datePublished) ??
      meta(document, "article:published_time", "datePublished", "date", "pubdate") ??
      document.querySelector("article time[datetime], time[datetime]")?.getAttribute("datetime") ??
      undefined,
  );
  const metaTitle = text(ld?.headline) ?? meta(document, "og:title", "twitter:title");
  const paywalled =
    isFalse(ld?.isAccessibleForFree) ||
    asArray(ld?.hasPart).some((part) => isFalse((part as JsonObject)?.isAccessibleForFree));
  const pageText = document.body?.textContent ?? "";

  // Readability changes the document it reads: it gets its own copy.
  const parsed = new Readability(parseHTML(html).document as unknown as Document, { charThreshold: 300 }).parse();
  const paragraphs = parsed?.content ? paragraphsOf(parsed.content) : [];
  const title = withoutOutletSuffix(metaTitle ?? text(parsed?.title) ?? "", outlet);
  let byline = author ?? text(parsed?.byline)?.replace(/^by\s+/i, "");
  // The headline, the byline and the date repeated at the top of the text are not the article's.
  for (;;) {
    const first = paragraphs[0];
    if (first === undefined) break;
    const bylineLine = BYLINE.exec(first);
    if (first === title || (byline && first.replace(/^by\s+/i, "") === byline) || isDateLine(first)) paragraphs.shift();
    else if (bylineLine) {
      byline ??= bylineLine[1];
      paragraphs.shift();
    } else break;
  }
  const body = paragraphs.join("\n");
  const words = wordCount(body);

  if (paywalled || (words < 250 && PAYWALL_NOTICE.test(pageText)))
    throw new LinkError(
      "paywall",
      `This article is behind ${outlet}'s paywall: Quizwire can read only its opening. If you subscribe, copy the whole text from your browser and paste it instead.`,
    );
  if (pageLanguage && !pageLanguage.startsWith("en"))
    throw new LinkError(
      "not_english",
      `This page is not in English (its language is "${pageLanguage}"). Quizwire drafts facts from English articles only.`,
    );
  if (words < MIN_ARTICLE_WORDS || !title)
    throw new LinkError(
      "no_article",
      words === 0
        ? "No article was found at that address: the page may be a home page or a list of stories, or built by script. Open the article itself and copy its address."
        : `No article was found at that address: the page has only ${words} words of text (a list of stories, a video or a page built by script?). Open the article itself, or paste its text.`,
    );
  if (words >= 20 && englishStopWordRatio(body) < MIN_ENGLISH_RATIO)
    throw new LinkError(
      "not_english",
      "The article does not look like English. Quizwire drafts facts from English articles only.",
    );
  return {
    url: url.href,
    title,
    outlet,
    ...(byline ? { author: byline } : {}),
    ...(publishedOn ? { publishedOn } : {}),
    body,
    words,
  };
}
