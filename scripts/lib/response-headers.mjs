// The headers every response carries, written once for the two places that send responses:
// Next.js (next.config.js's headers()) and the routes scripts/server.mjs answers ahead of Next
// (a live game's answers). The page CSP, with its nonce, is set by proxy.ts.
// Plain JavaScript beside scripts/server.mjs, which runs without a loader.

/** Every response. */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Links out (an article's source) tell the other site nothing: students are children, and
  // reset and invitation links carry tokens in their address.
  { key: "Referrer-Policy", value: "same-origin" },
  // For browsers without CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/** JSON and downloads (/api/...) run no script and are never framed. */
export const API_HEADERS = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];

/** Only when the client came over https (never on a plain-http LAN). */
export const HTTPS_HEADERS = [{ key: "Strict-Transport-Security", value: "max-age=31536000" }];

/**
 * next.config.js's headers(): the rules above as Next matches them. `protoHeader` is the
 * request header scripts/server.mjs records the client's scheme in.
 * @param {string} protoHeader
 * @returns {{ source: string, has?: { type: "header", key: string, value: string }[], headers: { key: string, value: string }[] }[]}
 */
export function nextHeaderRules(protoHeader) {
  return [
    { source: "/:path*", headers: SECURITY_HEADERS },
    { source: "/api/:path*", headers: API_HEADERS },
    {
      source: "/:path*",
      has: [{ type: "header", key: protoHeader, value: "https" }],
      headers: HTTPS_HEADERS,
    },
  ];
}

/**
 * The same headers for a response sent without Next: to a path under /api/ or not, over https or not.
 * @param {string} pathname
 * @param {boolean} https
 * @returns {Record<string, string>}
 */
export function staticHeaders(pathname, https) {
  const rules = [
    ...SECURITY_HEADERS,
    ...(pathname.startsWith("/api/") ? API_HEADERS : []),
    ...(https ? HTTPS_HEADERS : []),
  ];
  return Object.fromEntries(rules.map(({ key, value }) => [key, value]));
}
