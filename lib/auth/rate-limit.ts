// Window counters in the database, so limits hold across app servers. An attempt is counted
// before the work it limits (hashing a password, making an account), by one atomic statement
// per counter, and refused when its count is over the limit: parallel attempts cannot all see
// a count under the limit and all go ahead, as they could if the count were read first and
// written after. The limit slides: the previous window's count still weighs in proportion to
// how much of it overlaps the last windowMs, so tries on both sides of a window's edge add up
// (5 a minute means 5 in any minute, not 5 before :00 and 5 more after).
import "server-only";

import { sqlOf, type Db } from "@/lib/db/client";

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

export type Reservation =
  | {
      ok: true;
      /** Gives the attempt back (it succeeded, or should not count): its counters go down by one. */
      release(): Promise<void>;
    }
  | { ok: false };

function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

// INSERT ... ON CONFLICT ... RETURNING: one statement for all of an attempt's counters, on
// SQLite (3.35 or later) and PostgreSQL alike, atomic on both, so each attempt reads back
// counts that include it (and pays for one commit, not one per counter).
// The previous windows are closed (nothing counts into them any more), so reading them apart
// from the atomic count of the current one is safe.
function previousStatement(n: number): string {
  return `SELECT "key", "count" FROM "RateLimitCounter"
    WHERE ${Array.from({ length: n }, () => `("key" = ? AND "windowStart" = ?)`).join(" OR ")}`;
}

function countStatement(n: number): string {
  return `INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
    VALUES ${Array.from({ length: n }, () => "(?, ?, 1)").join(", ")}
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "key", "count"`;
}

// Giving back is the same upsert, counting down: its rows are locked in the same order as the
// count's (both sorted by key), so two attempts sharing counters never deadlock on PostgreSQL.
function uncountStatement(n: number): string {
  return `INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
    VALUES ${Array.from({ length: n }, () => "(?, ?, 0)").join(", ")}
    ON CONFLICT ("key", "windowStart") DO UPDATE
    SET "count" = CASE WHEN "RateLimitCounter"."count" > 0 THEN "RateLimitCounter"."count" - 1 ELSE 0 END`;
}

/**
 * Counts one attempt against each limit. When any is over its max, the attempt is refused and
 * everything it counted is given back (a refused attempt did nothing, so it costs nothing);
 * otherwise the caller keeps the reservation (a failure counts) or releases it.
 */
export async function reserveAttempt(db: Db, unordered: Limit[], now = new Date()): Promise<Reservation> {
  // One order for every statement that locks counters: see uncountStatement.
  const limits = [...unordered].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (limits.length === 0) return { ok: true, release: async () => undefined };
  const sql = sqlOf(db);
  await pruneNowAndThen(db, now);
  const params = limits.flatMap((limit) => [limit.key, windowStart(now, limit.windowMs)]);
  const counts = new Map(
    (await sql.all<{ key: string; count: number | string }>(countStatement(limits.length), params)).map((row) => [
      row.key,
      Number(row.count),
    ]),
  );
  const previous = new Map(
    (
      await sql.all<{ key: string; count: number | string }>(
        previousStatement(limits.length),
        limits.flatMap((limit) => [limit.key, windowStart(new Date(now.getTime() - limit.windowMs), limit.windowMs)]),
      )
    ).map((row) => [row.key, Number(row.count)]),
  );
  const estimate = (limit: Limit) => {
    const intoWindow = (now.getTime() - windowStart(now, limit.windowMs).getTime()) / limit.windowMs;
    return (counts.get(limit.key) ?? Infinity) + (previous.get(limit.key) ?? 0) * (1 - intoWindow);
  };
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await sql.run(uncountStatement(limits.length), params);
  };
  if (limits.some((limit) => estimate(limit) > limit.max)) {
    await release();
    return { ok: false };
  }
  return { ok: true, release };
}

/** Drops windows that ended long ago (the longest window is an hour). */
export async function pruneCounters(db: Db, now = new Date(), olderThanMs = 24 * 60 * 60 * 1000): Promise<void> {
  await sqlOf(db).run(`DELETE FROM "RateLimitCounter" WHERE "windowStart" < ?`, [
    new Date(now.getTime() - olderThanMs),
  ]);
}

// Each process prunes at most once an hour, on the first attempt it counts after that: the
// table holds only the last day's windows without a job of its own.
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const lastPruned = new WeakMap<Db, number>();

async function pruneNowAndThen(db: Db, now: Date): Promise<void> {
  const last = lastPruned.get(db);
  if (last !== undefined && Math.abs(now.getTime() - last) < PRUNE_EVERY_MS) return;
  lastPruned.set(db, now.getTime());
  await pruneCounters(db, now);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The account's own counters: sign-ins and current-password checks share them. */
function accountLimits(account: string, clientIp: string | undefined): Limit[] {
  const limits: Limit[] = [{ key: `signin:account:${account}`, max: 5, windowMs: MINUTE }];
  if (clientIp) limits.push({ key: `signin:account-ip:${account}:${clientIp}`, max: 5, windowMs: MINUTE });
  return limits;
}

/** Failed sign-ins: 5 a minute per account and per account+address; more per address (a class shares one). */
export function signInLimits(identifier: string, clientIp: string | undefined): Limit[] {
  const limits = accountLimits(identifier.trim().toLowerCase(), clientIp);
  if (clientIp) limits.push({ key: `signin:ip:${clientIp}`, max: 60, windowMs: MINUTE });
  return limits;
}

/**
 * Wrong join codes from one address: 30 a minute and 200 an hour (or overall when the address
 * is unknown). A school's classes share one address and mistype codes: these caps leave room
 * for a whole class's typos while the right code keeps working; at 200 guesses an hour, a year
 * of guessing finds one of 10,000 live 40-bit codes with odds under 2% (decision 0006).
 */
export function joinCodeLimits(clientIp: string | undefined): Limit[] {
  const address = clientIp ?? "unknown";
  return [
    { key: `join:ip:${address}`, max: clientIp ? 30 : 300, windowMs: MINUTE },
    { key: `join:ip-hour:${address}`, max: clientIp ? 200 : 2000, windowMs: HOUR },
  ];
}

/**
 * New students by one class code: 40 in 10 minutes from one address (a class of 35 on the
 * school's one address, with a few second tries) and 100 an hour from anywhere. A new code
 * starts afresh, so a teacher whose code leaked makes a new one.
 */
export function newStudentLimits(code: string, clientIp: string | undefined): Limit[] {
  const limits: Limit[] = [{ key: `join:code:${code}`, max: 100, windowMs: HOUR }];
  if (clientIp) limits.push({ key: `join:code-ip:${code}:${clientIp}`, max: 40, windowMs: 10 * MINUTE });
  return limits;
}

/**
 * New guests of one live game: 100 in 10 minutes from one address (a visitor day's hall on one
 * address, with second tries) and 2,500 an hour in all (the game's 2,000 players and some). A
 * wrong PIN counts against joinCodeLimits, as a wrong class code does.
 */
export function newGuestLimits(gameId: string, clientIp: string | undefined): Limit[] {
  return [{ key: `guest:game:${gameId}`, max: 2500, windowMs: HOUR }, ...guestAddressLimits(gameId, clientIp)];
}

/**
 * The per-address part of newGuestLimits, which a nickname refused as taken counts against too:
 * trying names one after another cannot tell anyone with the PIN who is in the game.
 */
export function guestAddressLimits(gameId: string, clientIp: string | undefined): Limit[] {
  return clientIp ? [{ key: `guest:game-ip:${gameId}:${clientIp}`, max: 100, windowMs: 10 * MINUTE }] : [];
}

/** Reset requests from one address: 20 an hour, whichever addresses they name. */
export function resetRequestLimits(clientIp: string | undefined): Limit[] {
  return [{ key: `reset:ip:${clientIp ?? "unknown"}`, max: clientIp ? 20 : 200, windowMs: HOUR }];
}

/** Reset mails to one email address: 3 an hour, counted whether or not it has an account. */
export function resetMailLimits(email: string): Limit[] {
  return [{ key: `reset:email:${email.trim().toLowerCase()}`, max: 3, windowMs: HOUR }];
}

/** Refused sign-ups (mostly: the email has an account): 10 an hour per address. */
export function signUpLimits(clientIp: string | undefined): Limit[] {
  return [{ key: `signup:ip:${clientIp ?? "unknown"}`, max: clientIp ? 10 : 100, windowMs: HOUR }];
}

/** The counters a user's current-password check shares with signing in as them. */
export function passwordCheckLimits(
  user: { email: string | null; username: string | null; id: string },
  clientIp: string | undefined,
): Limit[] {
  return accountLimits((user.email ?? user.username ?? user.id).toLowerCase(), clientIp);
}
