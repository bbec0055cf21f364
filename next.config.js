// @ts-check
import { nextHeaderRules } from "./scripts/lib/response-headers.mjs";

// The largest request body anything accepts: an imported article (at most 200,000 characters,
// under 1 MB in UTF-8). scripts/server.mjs refuses a larger Content-Length before Next.js
// reads it (MAX_REQUEST_BODY_BYTES there); these cap chunked bodies of server actions and
// what Next.js copies for proxy.ts. JSON route handlers cap theirs lower (lib/http.ts).
const MAX_BODY = "1mb";

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
  // Every response's security headers (scripts/lib/response-headers.mjs, which scripts/server.mjs
  // also sends with the routes it answers ahead of Next). HSTS only when the client came over
  // https (scripts/server.mjs sets the header, from the socket or, behind TRUST_PROXY, from
  // X-Forwarded-Proto): never on a plain-http LAN.
  async headers() {
    return nextHeaderRules("x-quizwire-proto");
  },
};

export default nextConfig;
