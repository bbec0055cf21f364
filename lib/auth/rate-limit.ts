// Fixed-window counters in the database, so limits hold across app servers.
import { isUniqueViolation, type Db } from "@/lib/db/client";

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Whether any of the limits is already used up in its current window. */
export async function isLimited(db: Db, limits: Limit[], now = new Date()): Promise<boolean> {
  if (limits.length === 0) return false;
  const counters = await db.rateLimitCounter.findMany({
    where: { OR: limits.map((l) => ({ key: l.key, windowStart: windowStart(now, l.windowMs) })) },
    select: { key: true, count: true },
  });
  return limits.some((limit) => (counters.find((c) => c.key === limit.key)?.count ?? 0) >= limit.max);
}

/** Counts one event against each limit. */
export async function recordHit(db: Db, limits: Limit[], now = new Date()): Promise<void> {
  for (const limit of limits) {
    const where = { key_windowStart: { key: limit.key, windowStart: windowStart(now, limit.windowMs) } };
    try {
      await db.rateLimitCounter.upsert({
        where,
        create: { ...where.key_windowStart, count: 1 },
        update: { count: { increment: 1 } },
      });
    } catch (error) {
      // Two servers created the same counter at once: the row exists now, so count on it.
      if (!isUniqueViolation(error)) throw error;
      await db.rateLimitCounter.update({ where, data: { count: { increment: 1 } } });
    }
  }
}

/** Drops windows that ended long ago (called now and then; counters are small). */
export async function pruneCounters(db: Db, now = new Date(), olderThanMs = 24 * 60 * 60 * 1000): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - olderThanMs) } } });
}

const MINUTE = 60_000;

/** Failed sign-ins: 5 a minute per account and per account+address; more per address (a class shares one). */
export function signInLimits(identifier: string, clientIp: string | undefined): Limit[] {
  const account = identifier.trim().toLowerCase();
  const limits: Limit[] = [{ key: `signin:account:${account}`, max: 5, windowMs: MINUTE }];
  if (clientIp) {
    limits.push({ key: `signin:account-ip:${account}:${clientIp}`, max: 5, windowMs: MINUTE });
    limits.push({ key: `signin:ip:${clientIp}`, max: 60, windowMs: MINUTE });
  }
  return limits;
}

/** Wrong join codes: 10 a minute per address (or overall when the address is unknown). */
export function joinCodeLimits(clientIp: string | undefined): Limit[] {
  return [{ key: `join:ip:${clientIp ?? "unknown"}`, max: clientIp ? 10 : 100, windowMs: MINUTE }];
}
