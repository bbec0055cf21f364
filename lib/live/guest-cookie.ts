// A guest's cookie, in Next's request scope: read by the game's own page and routes only, set by
// the guest join action. httpOnly (no script reads it), SameSite=Lax, Secure over HTTPS.
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

export async function setGuestCookie(gameId: string, token: string): Promise<void> {
  const secure = (await headers()).get("x-forwarded-proto") === "https" || publicUrl().startsWith("https:");
  (await cookies()).set(guestCookieName(gameId), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: GUEST_COOKIE_MAX_AGE_S,
  });
}
