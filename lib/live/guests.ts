// Guests of a live game: players without an account, who join with the game's PIN and a
// nickname when the teacher opens the game to guests (decision 0008, "Guests").
//
// A guest is a User with the GUEST role (no email, username or password: nobody can sign in as
// one, and no session ever names one), an attempt at the game's assignment and a GamePlayer whose
// guestTokenHash is the SHA-256 of a random token kept in the phone's httpOnly cookie for that
// game. The cookie is read only by the game's own page and routes, which look the token up for
// the game in their path: a guest's cookie opens nothing else. Their answers go through the same
// answer path with no memory of facts, and they are on no class's roster, so no gradebook or
// mastery sees them. They go with the game's players (lib/privacy/retention.ts).
import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { guestAddressLimits, joinCodeLimits, newGuestLimits, reserveAttempt } from "@/lib/auth/rate-limit";
import type { CurrentUser } from "@/lib/auth/session";
import { isUniqueViolation, sqlOf, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announce } from "@/lib/live/hub";
import { GUEST_GAME_MS, GUESTS_CLOSED_MESSAGE, joinRefusal, takesNewGuests } from "@/lib/live/machine";
import { createPlayer, REMOVED_MESSAGE } from "@/lib/live/mutations";
import { checkNickname, NICKNAME_MESSAGES } from "@/lib/live/nickname";

/** The cookie that names a phone's guest player in one game. */
export function guestCookieName(gameId: string): string {
  return `quizwire-guest-${gameId}`;
}

/** A guest's cookie lasts a long day: long enough for any game, gone by the next. */
export const GUEST_COOKIE_MAX_AGE_S = GUEST_GAME_MS / 1000;

export const WRONG_GUEST_PIN =
  "No game open to guests has that PIN. Check the PIN on the screen (students of the class sign in first).";
export const TOO_MANY_PINS = "Too many wrong PINs from this network. Wait a few minutes, then try again.";
export const TOO_MANY_GUESTS =
  "Too many players have joined, or nicknames been tried, from this network. Wait a few minutes, or ask your teacher.";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface GuestJoinInput {
  pin: string;
  nickname: string;
}

export interface GuestJoinContext {
  clientIp: string | undefined;
  /** The token this phone's cookie holds for a game, if any. */
  tokenFor: (gameId: string) => Promise<string | undefined> | string | undefined;
  now?: Date;
}

/** A new token for the phone's cookie, or none when the phone was already this game's guest. */
export type GuestJoined = { gameId: string; token: string | null };

/**
 * Joins the game a PIN names as a guest with a nickname. A phone whose cookie names a player of
 * the game gets that player back (a reload, a second scan of the QR code); one whose player was
 * removed is kept out, whatever nickname it tries next.
 */
export async function joinAsGuest(db: Db, input: GuestJoinInput, context: GuestJoinContext): Promise<GuestJoined> {
  const now = context.now ?? new Date();
  // Each look-up counts as a wrong PIN until it is found right (the join codes' counters).
  const lookup = await reserveAttempt(db, joinCodeLimits(context.clientIp), now);
  if (!lookup.ok) throw new AppError("rate_limited", TOO_MANY_PINS, { pin: TOO_MANY_PINS });
  const game = await db.game.findFirst({
    where: { pin: input.pin, openToGuests: true, class: { archivedAt: null } },
    select: { id: true, state: true, allowLateJoin: true, setId: true, assignmentId: true, createdAt: true },
  });
  if (!game) throw new AppError("not_found", WRONG_GUEST_PIN, { pin: WRONG_GUEST_PIN });
  await lookup.release();

  const token = await context.tokenFor(game.id);
  if (token) {
    const known = await db.gamePlayer.findUnique({
      where: { guestTokenHash: hashToken(token) },
      select: { gameId: true, removedAt: true },
    });
    if (known?.gameId === game.id) {
      if (known.removedAt) throw new AppError("forbidden", REMOVED_MESSAGE);
      return { gameId: game.id, token: null };
    }
  }
  const refusal = joinRefusal(game) ?? (takesNewGuests(game.createdAt, now) ? null : GUESTS_CLOSED_MESSAGE);
  if (refusal) throw new AppError("forbidden", refusal);
  const checked = checkNickname(input.nickname);
  if (!checked.ok) throw new AppError("invalid_input", checked.message, { nickname: checked.message });
  const taken = () => new AppError("conflict", NICKNAME_MESSAGES.taken, { nickname: NICKNAME_MESSAGES.taken });
  // Every player's nickname key is in the game's unique index (students' display names too, as
  // they join), so a name a student holds is refused here as another guest's is.
  const joins = await reserveAttempt(db, newGuestLimits(game.id, context.clientIp), now);
  if (!joins.ok) throw new AppError("rate_limited", TOO_MANY_GUESTS);
  const newToken = randomBytes(32).toString("base64url");
  try {
    await createPlayer(
      db,
      game,
      { nickname: checked.nickname, nicknameKey: checked.key, guestTokenHash: hashToken(newToken) },
      now,
    );
  } catch (error) {
    // The nickname is another player's (a guest's or a student's: the message does not say
    // which): this join made nothing, and counts against this address alone, not the game's total.
    await joins.release();
    if (!isUniqueViolation(error)) throw error;
    await reserveAttempt(db, guestAddressLimits(game.id, context.clientIp), now);
    throw taken();
  }
  announce(game.id);
  return { gameId: game.id, token: newToken };
}

/**
 * The guest a phone's cookie names in this game, as the user the game's routes act for, or null
 * (no cookie, another game's, or a player the game no longer has). A removed guest is still
 * found: their phone shows that they were removed.
 */
export async function findGuest(db: Db, gameId: string, token: string | undefined): Promise<CurrentUser | null> {
  if (!token || token.length > 100) return null;
  // Asked by each of a guest's answers and by their page and stream: hand-written SQL, not Prisma.
  const player = await sqlOf(db).one<{ gameId: string; id: string; role: string; displayName: string }>(
    `SELECT p."gameId", u."id", u."role", u."displayName"
     FROM "GamePlayer" p JOIN "User" u ON u."id" = p."userId"
     WHERE p."guestTokenHash" = ?`,
    [hashToken(token)],
  );
  if (!player || player.gameId !== gameId || player.role !== "GUEST") return null;
  return { id: player.id, role: "GUEST", displayName: player.displayName, email: null, username: null };
}

/**
 * The player this phone already is in the running game a PIN names (the QR code scanned again,
 * the join page reloaded), or null. Reads only what the phone's own cookie names.
 */
export async function findOwnGuestPlayer(
  db: Db,
  pin: string,
  tokenFor: GuestJoinContext["tokenFor"],
): Promise<{ gameId: string; nickname: string } | null> {
  const game = await db.game.findFirst({ where: { pin, openToGuests: true }, select: { id: true } });
  const token = game && (await tokenFor(game.id));
  if (!game || !token) return null;
  const player = await db.gamePlayer.findUnique({
    where: { guestTokenHash: hashToken(token) },
    select: { gameId: true, nickname: true, removedAt: true },
  });
  if (!player || player.gameId !== game.id || player.removedAt) return null;
  return { gameId: game.id, nickname: player.nickname };
}
