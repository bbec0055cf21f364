// Fetching a web page or a feed for a teacher, safely: only http(s); never a private,
// loopback or link-local address unless an admin allowed that host, checked after resolving
// the name and again on every redirect, and the connection made to the very address that was
// checked (so a name cannot resolve to a public address for the check and a private one for
// the connection); a cap on the bytes read (after decompression), a time limit for the whole
// fetch, and only the content types asked for. Runs in the drafting thread on the server
// (lib/links/links-in-worker.ts); the resolver can be replaced, so tests never resolve or
// connect to anything but their own local server.
import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";

import { isAllowedHost, isPrivateAddress } from "./addresses";

export type LinkErrorCode =
  | "invalid_url"
  | "blocked_address"
  | "unreachable"
  | "timeout"
  | "too_many_redirects"
  | "http_error"
  | "not_found"
  | "refused"
  | "too_large"
  | "pdf"
  | "wrong_type"
  | "paywall"
  | "no_article"
  | "not_english"
  | "not_a_feed";

/** A link that cannot be imported, with the message the teacher sees. An expected failure. */
export class LinkError extends Error {
  constructor(
    readonly code: LinkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LinkError";
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** Resolves a host name to its addresses (the system resolver by default). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

export interface FetchPolicy {
  /** What is wanted: an article's page, or a feed. */
  accept: "html" | "feed";
  /** Hosts an admin allows on private addresses ("intranet.school.org", "127.0.0.1:3321"). */
  allowPrivateHosts?: readonly string[];
  /** Bytes read at most, after decompression. */
  maxBytes?: number;
  /** The whole fetch, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
}

export const DEFAULT_MAX_BYTES = 3 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;

export interface FetchedPage {
  /** Where the page was found, after redirects. */
  url: string;
  contentType: string;
  text: string;
}

const ACCEPT = {
  html: "text/html,application/xhtml+xml;q=0.9",
  feed: "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9",
};
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/xml",
  "text/xml",
  "application/rdf+xml",
  "application/feed+xml",
]);

/** The address as typed, checked: a full http(s) address with no user name or password. */
export function parseLink(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new LinkError("invalid_url", "Enter the full address of the page, starting with https://");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new LinkError("invalid_url", `Only web addresses (https:// or http://) can be fetched, not ${url.protocol}`);
  if (url.username || url.password)
    throw new LinkError("invalid_url", "The address contains a user name or password: remove it.");
  if (!url.hostname) throw new LinkError("invalid_url", "The address has no host name.");
  return url;
}

/** The one address to connect to for this URL, refused when it is private and not allowed. */
async function checkedAddress(url: URL, policy: FetchPolicy, resolve: Resolver): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const allowed = isAllowedHost(url, policy.allowPrivateHosts ?? []);
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new LinkError("unreachable", `No site answers to the name ${host}: check the address.`);
    }
    if (addresses.length === 0) throw new LinkError("unreachable", `No site answers to the name ${host}.`);
  }
  // Every address the name has must be public: a name with one inside address could be
  // answered from inside on the next lookup.
  if (!allowed && addresses.some((a) => isPrivateAddress(a.address)))
    throw new LinkError(
      "blocked_address",
      `${host} is on a private network (${addresses.find((a) => isPrivateAddress(a.address))!.address}): Quizwire fetches only pages on the public internet, unless an admin allows that host.`,
    );
  return addresses[0]!;
}

/** A lookup that always answers the address already checked (the connection goes exactly there). */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
}

function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]!.trim().toLowerCase();
}

function charsetOf(header: string | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(header ?? "")?.[1];
}

function typeProblem(type: string, policy: FetchPolicy, url: URL): LinkError | undefined {
  if (type === "application/pdf" || (/\.pdf$/i.test(url.pathname) && type === "application/octet-stream"))
    return new LinkError(
      "pdf",
      "That address is a PDF, not a web page. Open the PDF, copy the article's text and paste it below.",
    );
  if (policy.accept === "html") {
    if (HTML_TYPES.has(type) || type === "") return undefined;
    if (FEED_TYPES.has(type))
      return new LinkError("wrong_type", "That address is a feed, not an article: follow it under Feeds instead.");
    return new LinkError(
      "wrong_type",
      `That address is not a web page (it is ${type}). Give the address of the article's page.`,
    );
  }
  // Feeds: some servers call theirs text/plain or text/html; the parser decides.
  if (FEED_TYPES.has(type) || type === "text/plain" || type === "" || HTML_TYPES.has(type)) return undefined;
  return new LinkError("not_a_feed", `That address is not a feed (it is ${type}). Give the RSS or Atom address.`);
}

function statusProblem(status: number, host: string): LinkError {
  if (status === 404 || status === 410)
    return new LinkError("not_found", `There is no page at that address (${host} answered ${status}): check it.`);
  if (status === 401 || status === 402 || status === 403 || status === 451)
    return new LinkError(
      "refused",
      `${host} refused to give Quizwire the page (${status}): it may be for subscribers only. Copy the text from your browser and paste it instead.`,
    );
  if (status === 429)
    return new LinkError("refused", `${host} asks Quizwire to slow down (429): try again in a few minutes.`);
  return new LinkError("http_error", `${host} answered with an error (${status}): try again later, or paste the text.`);
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers["content-encoding"] ?? "").toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(zlib.createGunzip());
  if (encoding === "deflate") return response.pipe(zlib.createInflate());
  if (encoding === "br") return response.pipe(zlib.createBrotliDecompress());
  return response;
}

/** The text of the body: the header's charset, else one a page declares in its first bytes, else UTF-8. */
export function decodeBody(bytes: Buffer, contentType: string | undefined): string {
  const head = bytes.subarray(0, 2048).toString("latin1");
  const label =
    charsetOf(contentType) ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ??
    "utf-8";
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

interface Hop {
  status: number;
  location?: string;
  contentType: string;
  body?: Buffer;
}

function requestOnce(url: URL, target: ResolvedAddress, policy: FetchPolicy, deadline: number): Promise<Hop> {
  const maxBytes = policy.maxBytes ?? DEFAULT_MAX_BYTES;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(timeoutError(policy));
    const request = client.request(url, {
      method: "GET",
      lookup: pinnedLookup(target),
      headers: {
        "User-Agent": "Quizwire/1.0 (article import for a teacher's lesson)",
        Accept: ACCEPT[policy.accept],
        "Accept-Encoding": "gzip, deflate, br",
        "Accept-Language": "en",
      },
    });
    const timer = setTimeout(() => request.destroy(timeoutError(policy)), remaining);
    const fail = (error: unknown) => {
      clearTimeout(timer);
      reject(
        error instanceof LinkError
          ? error
          : new LinkError("unreachable", `${url.hostname} could not be reached: ${(error as Error).message}`),
      );
    };
    request.on("error", fail);
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const contentType = String(response.headers["content-type"] ?? "");
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        clearTimeout(timer);
        request.destroy();
        return resolve({ status, location: response.headers.location, contentType });
      }
      if (status < 200 || status >= 300) {
        response.resume();
        clearTimeout(timer);
        request.destroy();
        return resolve({ status, contentType });
      }
      const problem = typeProblem(mediaType(contentType), policy, url);
      if (problem) {
        request.destroy();
        return fail(problem);
      }
      const tooLarge = () =>
        new LinkError(
          "too_large",
          `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: too large for an article. Paste the article's text instead.`,
        );
      if (Number(response.headers["content-length"] ?? 0) > maxBytes) {
        request.destroy();
        return fail(tooLarge());
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const body = decoded(response);
      body.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.destroy();
          body.destroy();
          return fail(tooLarge());
        }
        chunks.push(chunk);
      });
      body.on("error", (error) => fail(error));
      body.on("end", () => {
        clearTimeout(timer);
        resolve({ status, contentType, body: Buffer.concat(chunks) });
      });
    });
    request.end();
  });
}

function timeoutError(policy: FetchPolicy): LinkError {
  const seconds = Math.round((policy.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000);
  return new LinkError("timeout", `The site took longer than ${seconds} seconds to answer: try again later.`);
}

/** Fetches one page or feed under the policy, following redirects; throws LinkError on every refusal. */
export async function fetchPage(
  raw: string,
  policy: FetchPolicy,
  resolve: Resolver = systemResolver,
): Promise<FetchedPage> {
  const deadline = Date.now() + (policy.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const maxRedirects = policy.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = parseLink(raw);
  for (let hops = 0; ; hops++) {
    const target = await checkedAddress(url, policy, resolve);
    const hop = await requestOnce(url, target, policy, deadline);
    if (hop.location !== undefined) {
      if (hops >= maxRedirects)
        throw new LinkError(
          "too_many_redirects",
          "The address redirects too many times: open it in your browser and copy the final address.",
        );
      url = parseLink(new URL(hop.location, url).href);
      continue;
    }
    if (!hop.body) throw statusProblem(hop.status, url.hostname);
    return { url: url.href, contentType: mediaType(hop.contentType), text: decodeBody(hop.body, hop.contentType) };
  }
}
