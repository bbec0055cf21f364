// Who is asking, checked against the database on every request: a token whose
// sessionVersion is behind the user's (signed out, password reset, disabled) is refused.
// Pages, actions and route handlers call these where they read or write data; the
// middleware may redirect early but is never the only check.
import "server-only";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { after } from "next/server";
import { cache } from "react";

import { parseCookieHeader, readSessionClaims, type SessionClaims } from "@/lib/auth/session-token";
import { currentUserFromClaims, type CurrentUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/sqlite/enums";

export type { CurrentUser };

/**
 * What the session cookie says, decrypted and authenticated but not yet checked against the
 * database (signed out since, disabled): who it names, for reads that may start beside that
 * check (lib/route.ts's prefetch) and are dropped unless it passes. Cached for one request.
 */
export const sessionClaims = cache(async (): Promise<SessionClaims | null> => {
  // The request's own Cookie header, not cookies(): after a server action signs someone in,
  // the page it re-renders is still the one the signed-out visitor asked for (the join page
  // shows the new username once). Reading it first also marks every page that asks as
  // dynamic, even at build time when there is no secret: otherwise Next would prerender its
  // signed-out version.
  const cookieHeader = (await headers()).get("cookie") ?? "";
  if (!env.AUTH_SECRET) return null;
  return readSessionClaims(parseCookieHeader(cookieHeader), env.AUTH_SECRET);
});

/** The signed-in user, or null. Cached for the length of one request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await sessionClaims();
  // The last-active note is written once the response is sent: the page or answer waits for no
  // commit (and its flush to disk) only to note that its user was here. It still joins the group commit.
  return claims
    ? currentUserFromClaims(db, claims, (note) =>
        after(() => note().catch((error: unknown) => console.error("Recording a user's last activity failed:", error))),
      )
    : null;
});

/** A signed-in user, or a redirect to sign in (and back here afterwards). */
export async function requireUser(next?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  return user;
}

/** A user of one of these roles. Anyone else gets a 404: they learn nothing about the page. */
export async function requireRole(roles: readonly Role[], next?: string): Promise<CurrentUser> {
  const user = await requireUser(next);
  if (!roles.includes(user.role)) notFound();
  return user;
}

/** Teachers (and admins, who may also teach). */
export const TEACHER_ROLES: readonly Role[] = ["TEACHER", "ADMIN"];
export const requireTeacher = (next?: string) => requireRole(TEACHER_ROLES, next);
export const requireStudent = (next?: string) => requireRole(["STUDENT"], next);
export const requireAdmin = (next?: string) => requireRole(["ADMIN"], next);

/** Where each role lands after signing in. */
export function homeOf(role: Role): string {
  switch (role) {
    case "ADMIN":
      return "/admin";
    case "TEACHER":
      return "/teacher";
    case "STUDENT":
    case "LEARNER":
      return "/student";
    case "GUEST":
      // A guest never signs in (they have no session); their one page is the game's.
      return "/play";
  }
}
