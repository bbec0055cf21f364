// A guest's cookie, in Next's request scope: read by the game's own page and routes only, set by
// the guest join action (and, as a header, by the join route ahead of Next: lib/live/join-route.ts).
// httpOnly (no script reads it), SameSite=Lax, Secure over HTTPS.
import "server-only";

import { cookies, headers } from "next/headers";

import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findGuest, GUEST_COOKIE_MAX_AGE_S, guestCookieName } from "@/lib/live/guests";
import { publicUrl } from "@/lib/public-url";

export async function guestToken(gameId: string): Promise<string | undefined> {
  return (await cookies()).get(guestCookieName(gameId))?.value;
}

/** The guest this request's cookie names in this game, or null. */
export async function currentGuest(gameId: string): Promise<CurrentUser | null> {
  return findGuest(db, gameId, await guestToken(gameId));
}

/** Whether the guest's cookie is marked Secure: over HTTPS, as the request or the public URL says. */
export function guestCookieSecure(requestHeaders: Headers): boolean {
  return requestHeaders.get("x-forwarded-proto") === "https" || publicUrl().startsWith("https:");
}

export async function setGuestCookie(gameId: string, token: string): Promise<void> {
  const secure = guestCookieSecure(await headers());
  (await cookies()).set(guestCookieName(gameId), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: GUEST_COOKIE_MAX_AGE_S,
  });
}

/**
 * The same cookie as a Set-Cookie header, for a route answered outside Next's request scope
 * (lib/live/join-route.ts ahead of Next). The token is base64url: nothing in it needs escaping.
 */
export function guestSetCookieHeader(gameId: string, token: string, secure: boolean): string {
  return [
    `${guestCookieName(gameId)}=${token}`,
    "Path=/",
    `Max-Age=${GUEST_COOKIE_MAX_AGE_S}`,
    ...(secure ? ["Secure"] : []),
    "HttpOnly",
    "SameSite=lax",
  ].join("; ");
}
