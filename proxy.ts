// Runs before every page: a fresh nonce and the Content-Security-Policy that trusts only the
// scripts carrying it. Next.js reads the policy from the request headers and puts the nonce
// on its scripts (every page renders per request already: they read the session). Not for
// /api (JSON gets a fixed policy from next.config.js) nor server-action calls: both would have
// their bodies copied for the proxy to no purpose.
import { NextResponse, type NextRequest } from "next/server";

import { contentSecurityPolicy, newNonce, PROTO_HEADER } from "@/lib/security-headers";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    https: request.headers.get(PROTO_HEADER) === "https",
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
