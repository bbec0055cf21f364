// Account changes. Each takes the acting user where one is needed and checks what they may do.
import "server-only";

import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { studentSecretProblem, passwordProblem } from "@/lib/auth/password-policy";
import {
  passwordCheckLimits,
  reserveAttempt,
  resetMailLimits,
  resetRequestLimits,
  signUpLimits,
} from "@/lib/auth/rate-limit";
import type { CurrentUser } from "@/lib/auth/session";
import { generatePassword } from "@/lib/classes/codes";
import { isUniqueViolation, type Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/sqlite/enums";
import { hashToken, newToken } from "@/lib/accounts/tokens";
import type { SignUpInput } from "@/lib/accounts/schemas";
import { getSignupMode } from "@/lib/settings";

type Actor = Pick<CurrentUser, "id" | "role">;

/** Where a request came from, and when (for rate limits). */
export interface RequestContext {
  clientIp?: string;
  now?: Date;
}

export const INVITATION_DAYS = 14;
export const RESET_TOKEN_MINUTES = 60;

const TOO_MANY_SIGN_UPS = "Too many sign-ups from this network. Try again in an hour.";

/**
 * Sign-up for teachers and self-learners: open, or by a one-time invitation. It says when an
 * email already has an account (the new account is signed in at once, so hiding that would
 * need a confirmation email a server may not be able to send); each address gets 10 of those
 * answers an hour, which makes checking a list of addresses slow. A sign-up that succeeds
 * does not count: a school's teachers sign up from one address.
 */
export async function signUp(
  db: Db,
  input: SignUpInput,
  { clientIp, now = new Date() }: RequestContext = {},
): Promise<{ id: string; role: Role }> {
  const reservation = await reserveAttempt(db, signUpLimits(clientIp), now);
  if (!reservation.ok) throw new AppError("rate_limited", TOO_MANY_SIGN_UPS, { email: TOO_MANY_SIGN_UPS });
  const user = await createSignedUpUser(db, input, now);
  await reservation.release();
  return user;
}

async function createSignedUpUser(db: Db, input: SignUpInput, now: Date): Promise<{ id: string; role: Role }> {
  const mode = await getSignupMode(db);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      let role: Role = input.role;
      let invitationId: string | undefined;
      if (mode === "invite" || input.invite) {
        const invitation = input.invite
          ? await tx.invitation.findUnique({ where: { tokenHash: hashToken(input.invite) } })
          : null;
        if (!invitation || invitation.usedAt || invitation.expiresAt < now) {
          throw new AppError(
            "signup_closed",
            input.invite
              ? "This invitation link has already been used or has expired. Ask your admin for a new one."
              : "Sign-up on this server is by invitation. Ask your admin for an invitation link.",
          );
        }
        if (invitation.email && invitation.email !== input.email) {
          throw new AppError("invalid_input", "This invitation is for another email address.", {
            email: `Use the address the invitation was sent to.`,
          });
        }
        role = invitation.role === "LEARNER" ? "LEARNER" : invitation.role === "ADMIN" ? "ADMIN" : input.role;
        invitationId = invitation.id;
      }
      const user = await tx.user.create({
        data: { role, email: input.email, displayName: input.displayName, passwordHash },
        select: { id: true, role: true },
      });
      if (invitationId) {
        // Only an unused invitation can be claimed: two sign-ups with one link, one wins.
        const claimed = await tx.invitation.updateMany({
          where: { id: invitationId, usedAt: null },
          data: { usedAt: now, usedById: user.id },
        });
        if (claimed.count !== 1) throw new AppError("signup_closed", "This invitation link has already been used.");
      }
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "An account with this email already exists.", {
        email: "This email already has an account: sign in instead.",
      });
    }
    throw error;
  }
}

/** The user ends every session of their own (sign-out everywhere). */
export async function revokeOwnSessions(db: Db, user: Pick<Actor, "id">): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
}

const TOO_MANY_GUESSES = "Too many wrong passwords. Wait a minute, then try again.";

/**
 * A user changes their own password (students may use a PIN). Ends their other sessions and
 * any reset link in flight. The current-password check counts against the same limits as
 * signing in as this user, so a stolen session cannot guess the password faster here.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  current: string,
  next: string,
  { clientIp, now = new Date() }: RequestContext = {},
): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, email: true, username: true, passwordHash: true },
  });
  const reservation = await reserveAttempt(db, passwordCheckLimits(user, clientIp), now);
  if (!reservation.ok) throw new AppError("rate_limited", TOO_MANY_GUESSES, { current: TOO_MANY_GUESSES });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError("invalid_credentials", "Your current password is not right.", {
      current: "That is not your current password.",
    });
  }
  await reservation.release();
  const problem = actor.role === "STUDENT" ? studentSecretProblem(next) : passwordProblem(next);
  if (problem) throw new AppError("invalid_input", problem, { next: problem });
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await revokeResetLinks(tx, actor.id, now);
  });
}

/**
 * Every reset link of the user not yet used stops working (a newer one, or a new password,
 * replaces them). Not scoped by an actor: its callers here have checked who may.
 */
async function revokeResetLinks(db: Pick<Db, "passwordResetToken">, userId: string, now = new Date()): Promise<void> {
  await db.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}

/** One admin may not take over or lock out another: their accounts are their own. */
async function refuseOtherAdmin(db: Db, admin: Actor, userId: string, message: string): Promise<void> {
  if (userId === admin.id) return;
  const target = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (target?.role === "ADMIN") throw new AppError("forbidden", message);
}

/** An admin gives a user (not another admin) a new password, shown once. Ends the user's sessions. */
export async function adminResetPassword(db: Db, admin: Actor, userId: string): Promise<string> {
  if (admin.role !== "ADMIN") throw notFound("That user");
  await refuseOtherAdmin(
    db,
    admin,
    userId,
    "An admin's password is changed only by that admin, from their account page.",
  );
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw notFound("That user");
    await revokeResetLinks(tx, userId);
  });
  return password;
}

/** An admin disables or re-enables an account; disabling ends its sessions. */
export async function setUserDisabled(
  db: Db,
  admin: Actor,
  userId: string,
  disabled: boolean,
  now = new Date(),
): Promise<void> {
  if (admin.role !== "ADMIN") throw notFound("That user");
  if (userId === admin.id) throw new AppError("forbidden", "You cannot disable your own account.");
  await refuseOtherAdmin(db, admin, userId, "You cannot disable another admin's account.");
  const updated = await db.user.updateMany({
    where: { id: userId },
    data: disabled ? { disabledAt: now, sessionVersion: { increment: 1 } } : { disabledAt: null },
  });
  if (updated.count !== 1) throw notFound("That user");
}

export async function createInvitation(
  db: Db,
  admin: Actor,
  { email, role }: { email?: string; role: Role },
  now = new Date(),
): Promise<string> {
  if (admin.role !== "ADMIN") throw notFound("That page");
  const { token, tokenHash } = newToken();
  await db.invitation.create({
    data: {
      tokenHash,
      email: email || null,
      role,
      createdById: admin.id,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
    },
  });
  return token;
}

const TOO_MANY_RESETS = "Too many reset requests from this network. Try again in an hour.";

/**
 * Starts a password reset by email. Returns the token to mail, or undefined when there is
 * no such account (the caller says the same thing either way). The new link replaces any
 * earlier one. Limits: 20 requests an hour per client address (refused, whatever the email);
 * 3 mails an hour per email address, counted whether or not it has an account, and past
 * that silently none, so the answer is the same either way.
 */
export async function createPasswordReset(
  db: Db,
  email: string,
  { clientIp, now = new Date() }: RequestContext = {},
): Promise<string | undefined> {
  if (!(await reserveAttempt(db, resetRequestLimits(clientIp), now)).ok)
    throw new AppError("rate_limited", TOO_MANY_RESETS, { email: TOO_MANY_RESETS });
  if (!(await reserveAttempt(db, resetMailLimits(email), now)).ok) return undefined;
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return undefined;
  const { token, tokenHash } = newToken();
  await db.$transaction(async (tx) => {
    await revokeResetLinks(tx, user.id, now);
    await tx.passwordResetToken.create({
      data: { tokenHash, userId: user.id, expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60 * 1000) },
    });
  });
  return token;
}

/** Completes a reset: the link works once, within the hour, and ends every session. */
export async function resetPasswordWithToken(db: Db, token: string, password: string, now = new Date()): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new AppError("invalid_input", problem, { password: problem });
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) {
      throw new AppError("invalid_input", "This reset link has expired or was already used. Ask for a new one.");
    }
    const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await revokeResetLinks(tx, userId, now);
  });
}
