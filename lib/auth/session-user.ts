// The user behind a session token, if the token is still good: the account exists, is not
// disabled, and the token's sessionVersion is the user's current one. Every request asks, so
// it is one hand-written query (lib/db/sql.ts), as is the occasional lastActiveAt update.
import "server-only";

import type { SessionClaims } from "@/lib/auth/session-token";
import { sqlOf, type Db } from "@/lib/db/client";
import { asNullableDate } from "@/lib/db/sql";
import type { Role } from "@/lib/generated/sqlite/enums";

export type { SessionClaims };

/** The signed-in user as every page, action and route sees them. */
export interface CurrentUser {
  id: string;
  role: Role;
  displayName: string;
  email: string | null;
  username: string | null;
}

// lastActiveAt is written at most this often per user.
const ACTIVITY_RESOLUTION_MS = 5 * 60 * 1000;

/**
 * The user a session cookie's claims name, if the session is still good, their activity
 * recorded at most every ACTIVITY_RESOLUTION_MS: the check every request makes (lib/auth/session.ts
 * in Next's request scope, lib/plain-route.ts outside it).
 */
export async function currentUserFromClaims(
  db: Db,
  claims: SessionClaims,
  /** Runs the last-active note later (Next's after(): once the response is sent); awaited when not given. */
  defer?: (task: () => Promise<void>) => void,
): Promise<CurrentUser | null> {
  const user = await userFromSession(db, claims);
  if (!user) return null;
  const now = Date.now();
  if (!user.lastActiveAt || now - user.lastActiveAt.getTime() > ACTIVITY_RESOLUTION_MS) {
    const note = () => markActive(db, user.id, new Date(now));
    if (defer) defer(note);
    else await note();
  }
  return { id: user.id, role: user.role, displayName: user.displayName, email: user.email, username: user.username };
}

export interface SessionUser {
  id: string;
  role: Role;
  displayName: string;
  email: string | null;
  username: string | null;
  lastActiveAt: Date | null;
}

export async function userFromSession(db: Db, claims: SessionClaims): Promise<SessionUser | null> {
  const user = await sqlOf(db).one<SessionUser & { sessionVersion: number; disabledAt: unknown }>(
    `SELECT "id", "role", "displayName", "email", "username", "sessionVersion", "disabledAt", "lastActiveAt"
     FROM "User" WHERE "id" = ?`,
    [claims.userId],
  );
  if (!user || user.disabledAt !== null || user.sessionVersion !== claims.sessionVersion) return null;
  // A live game's guest never has a session (their game's cookie names them there alone).
  if (user.role === "GUEST") return null;
  return {
    id: user.id,
    role: user.role,
    displayName: user.displayName,
    email: user.email,
    username: user.username,
    lastActiveAt: asNullableDate(user.lastActiveAt),
  };
}

/**
 * Records that the user was active (rosters show it). It shares the next group commit (on
 * PostgreSQL too: lib/db/sql.ts), so a class signing in at once does not flush the disk once
 * per student. Its lock (a column no key holds) never waits for an answer's.
 */
export async function markActive(db: Db, userId: string, now: Date): Promise<void> {
  await sqlOf(db).batch([{ text: `UPDATE "User" SET "lastActiveAt" = ? WHERE "id" = ?`, params: [now, userId] }], {
    groupKey: userId,
  });
}
