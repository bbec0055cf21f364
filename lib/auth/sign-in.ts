// Checking a sign-in: the attempt is counted against the rate limits first (atomically, so
// parallel guesses cannot slip past the count), then the password is checked. The answer
// never says whether the account exists, and takes about as long either way.
import "server-only";

import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { reserveAttempt, signInLimits } from "@/lib/auth/rate-limit";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/sqlite/enums";

export interface SignedInUser {
  id: string;
  role: Role;
  sessionVersion: number;
}

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "rate_limited" };

// A real hash to verify against when the account does not exist, so timing reveals nothing.
let dummyHash: Promise<string> | undefined;

/** Email for teachers, learners and admins; a username for students. Case does not matter. */
export function identifierWhere(identifier: string): { email: string } | { username: string } {
  const value = identifier.trim().toLowerCase();
  return value.includes("@") ? { email: value } : { username: value };
}

export async function checkSignIn(
  db: Db,
  { identifier, password, clientIp }: { identifier: string; password: string; clientIp?: string },
  now = new Date(),
): Promise<SignInResult> {
  const reservation = await reserveAttempt(db, signInLimits(identifier, clientIp), now);
  if (!reservation.ok) return { ok: false, reason: "rate_limited" };
  const user = await db.user.findUnique({
    where: identifierWhere(identifier) as { email: string },
    select: { id: true, role: true, sessionVersion: true, passwordHash: true, disabledAt: true },
  });
  const usable = user && user.passwordHash && !user.disabledAt;
  const valid = usable
    ? await verifyPassword(user.passwordHash!, password)
    : await verifyPassword(await (dummyHash ??= hashPassword("not-a-real-password")), password).then(() => false);
  // A failure keeps its place in the count; a success gives it back, so signing in often
  // (a shared classroom computer, a teacher on several devices) never locks anyone out.
  if (!valid || !user) return { ok: false, reason: "invalid" };
  await reservation.release();
  await db.user.update({ where: { id: user.id }, data: { lastActiveAt: now } });
  return { ok: true, user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } };
}
