// The Content-Security-Policy of every page (set by proxy.ts with a fresh nonce per request;
// Next.js puts the nonce on its own scripts) and the name of the header scripts/server.mjs
// records the client's scheme in. The other security headers are static: next.config.js.

/** "https" or "http", as scripts/server.mjs saw it (a client cannot set it). */
export const PROTO_HEADER = "x-quizwire-proto";

/** 128 random bits, base64: unguessable, and new for every response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy({ nonce, https, dev }: { nonce: string; https: boolean; dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the nonced scripts may load Next's chunks; no other script runs.
    // React's development build evaluates code for its stack traces: 'unsafe-eval' in dev only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Stylesheets are files; the dev server injects <style> tags without the nonce.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // style="" attributes (a progress bar's width) are set by React: they cannot carry a
    // nonce, and CSS in an attribute cannot run script.
    "style-src-attr 'unsafe-inline'",
    // QR codes are inline SVG; data: and blob: for images the browser makes itself.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The student's service worker (public/sw.js).
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    // No page is meant to be framed, the projector view included (it is opened in a window).
    "frame-ancestors 'none'",
  ];
  // On plain http (a school LAN) this would send phones to an https:// that does not exist.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
