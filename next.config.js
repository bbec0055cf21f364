// @ts-check

// The largest request body anything accepts: an imported article (at most 200,000 characters,
// under 1 MB in UTF-8). scripts/server.mjs refuses a larger Content-Length before Next.js
// reads it (MAX_REQUEST_BODY_BYTES there); this caps chunked bodies of server actions. JSON
// route handlers cap theirs lower (lib/http.ts).
const MAX_BODY = "1mb";

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@node-rs/argon2"],
  experimental: { serverActions: { bodySizeLimit: MAX_BODY } },
};

export default nextConfig;
