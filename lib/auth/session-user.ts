// The user behind a session token, if the token is still good: the account exists, is not
// disabled, and the token's sessionVersion is the user's current one.
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/sqlite/enums";

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
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
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: {
      id: true,
      role: true,
      displayName: true,
      email: true,
      username: true,
      sessionVersion: true,
      disabledAt: true,
      lastActiveAt: true,
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== claims.sessionVersion) return null;
  const { sessionVersion: _version, disabledAt: _disabled, ...rest } = user;
  return rest;
}
