// Who is asking, read from a request's own headers: for a route run where Next's request scope
// (headers(), cookies(), React's cache) does not exist, as scripts/server.mjs runs the live
// answers (lib/fast-routes.ts). The same cookie, decrypted and checked against the database
// by the same functions as lib/auth/session.ts's, each once per request.
import "server-only";

import { parseCookieHeader, readSessionClaims, type SessionClaims } from "@/lib/auth/session-token";
import { currentUserFromClaims, type CurrentUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { RouteIdentity } from "@/lib/route";

export function requestIdentity(request: Request): RouteIdentity {
  let cookies: { name: string; value: string }[] | undefined;
  let claims: SessionClaims | null | undefined;
  let user: Promise<CurrentUser | null> | undefined;
  const cookieList = () => (cookies ??= parseCookieHeader(request.headers.get("cookie") ?? ""));
  const readClaims = () => {
    if (claims === undefined) claims = env.AUTH_SECRET ? readSessionClaims(cookieList(), env.AUTH_SECRET) : null;
    return claims;
  };
  return {
    claims: async () => readClaims(),
    user: () => {
      if (!user) {
        const claimed = readClaims();
        user = claimed ? currentUserFromClaims(db, claimed) : Promise.resolve(null);
      }
      return user;
    },
    cookie: async (name) => cookieList().find((cookie) => cookie.name === name)?.value,
  };
}
