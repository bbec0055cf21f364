// When an answer was given, and what that moment decides: whether it is late (after the
// assignment's due date) and whether it still counts toward a timed attempt (before the
// attempt's deadline). One rule for both, so a phone's clock is trusted the same way for each.
// Pure: the server passes in its own clock.

/**
 * How far back the browser's clock is believed. An answer given offline before the due date
 * (or a timed attempt's deadline) and sent within this long after it still counts as in time;
 * an older time (a wrong clock, or a forged one) counts as this long before the server
 * received it.
 */
export const ANSWER_CLOCK_GRACE_MS = 30 * 60 * 1000;

/** The longest time limit a teacher may set on an attempt, in minutes. */
export const MAX_TIME_LIMIT_MINUTES = 180;

/**
 * When the student answered: the browser's clock (offline answers arrive later), but never
 * before the attempt started, after the server received it, or more than the grace before that.
 */
export function answeredAtFrom(claimed: string, startedAt: Date, receivedAt: Date): Date {
  const earliest = Math.max(startedAt.getTime(), receivedAt.getTime() - ANSWER_CLOCK_GRACE_MS);
  const time = Date.parse(claimed);
  // An unreadable time is believed as little as possible: as the earliest allowed.
  return new Date(Math.min(Math.max(Number.isNaN(time) ? earliest : time, earliest), receivedAt.getTime()));
}

/** When a timed attempt stops taking answers; null when its assignment has no time limit. */
export function attemptDeadline(startedAt: Date, timeLimitMinutes: number | null | undefined): Date | null {
  return timeLimitMinutes ? new Date(startedAt.getTime() + timeLimitMinutes * 60_000) : null;
}

export interface AnswerTiming {
  /** When the answer was given, as believed (answeredAtFrom). */
  answeredAt: Date;
  /** Given after the assignment's due date. */
  late: boolean;
  /** Given at or after the attempt's deadline: it does not count and is stored nowhere. */
  overTime: boolean;
}

/** The one judgement of an answer's time: its moment, against the due date and the attempt's deadline. */
export function judgeAnswerTime({
  claimed,
  startedAt,
  receivedAt,
  dueAt,
  deadline,
}: {
  /** The browser's clock when the student answered (ISO 8601). */
  claimed: string;
  startedAt: Date;
  receivedAt: Date;
  dueAt: Date | null;
  deadline: Date | null;
}): AnswerTiming {
  const answeredAt = answeredAtFrom(claimed, startedAt, receivedAt);
  return {
    answeredAt,
    late: dueAt !== null && answeredAt > dueAt,
    overTime: deadline !== null && answeredAt >= deadline,
  };
}
