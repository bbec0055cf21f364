// @ts-check

// The largest request body anything accepts: an imported article (at most 200,000 characters,
// under 1 MB in UTF-8). scripts/server.mjs refuses a larger Content-Length before Next.js
// reads it (MAX_REQUEST_BODY_BYTES there); these cap chunked bodies of server actions and
// what Next.js copies for proxy.ts. JSON route handlers cap theirs lower (lib/http.ts).
const MAX_BODY = "1mb";

/** Headers every response carries. The page CSP, with its nonce, is set by proxy.ts. */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Links out (an article's source) tell the other site nothing: students are children, and
  // reset and invitation links carry tokens in their address.
  { key: "Referrer-Policy", value: "same-origin" },
  // For browsers without CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@node-rs/argon2"],
  experimental: {
    serverActions: { bodySizeLimit: MAX_BODY },
    proxyClientMaxBodySize: MAX_BODY,
  },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // JSON and downloads run no script and are never framed.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      // HSTS only when the client came over https (scripts/server.mjs sets the header, from the
      // socket or, behind TRUST_PROXY, from X-Forwarded-Proto): never on a plain-http LAN.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-quizwire-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000" }],
      },
    ];
  },
};

export default nextConfig;
