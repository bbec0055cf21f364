// Only paths on this site may be redirected to after signing in (no open redirects).
const BASE = "http://quizwire.invalid";

// Encoded slashes, backslashes and control characters: harmless as they stand, but one more
// decoding (a proxy, a framework, our own round trip through ?next=) would turn them into
// `//host`, `/\host` or a header break.
const ENCODED_DANGER = /%(2f|5c|[01][0-9a-f]|7f)/i;

/**
 * `next` itself when it is a path on this site that URL parsing leaves exactly as it is;
 * otherwise "". Browsers drop tabs and newlines and read `\` as `/`, so `/\t/evil.example`
 * or `/\evil.example` would leave the site: the parser does the same, so any such value
 * comes out changed (or on another origin) and is refused. CR and LF never reach a Location
 * header.
 */
export function safeNextPath(next: string | undefined | null): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return "";
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "";
  if (ENCODED_DANGER.test(next)) return "";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "";
  }
  if (url.origin !== BASE) return "";
  return url.pathname + url.search + url.hash === next ? next : "";
}
