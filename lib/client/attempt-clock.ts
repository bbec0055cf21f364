// The quiz player's countdown for a timed attempt, as plain functions. The deadline is the
// server's (the attempt's stored start plus the limit), so a reload or an offline spell never
// restarts it; the phone only needs to know how far its own clock is from the server's.
import type { KeyValueStorage } from "@/lib/client/answer-queue";

/** Where the measured offset is kept, per user and attempt (lib/client/device-data.ts keeps it with the user's entries). */
export function clockOffsetKey(userId: string, attemptId: string): string {
  return `quizwire.clock-offset.v1.${userId}.${attemptId}`;
}

/**
 * The server's clock minus this phone's, from a server time just read. Every observation is
 * too small, never too large: the network delays it, and a page reloaded from the offline copy
 * carries the server time of when it was kept. So the largest one seen for the attempt (kept
 * on the device) is the best, and a stale page cannot add time to the countdown.
 */
export function observeClockOffset(
  storage: KeyValueStorage | null,
  key: string,
  serverNow: string,
  clientNow: number,
): number {
  const observed = Date.parse(serverNow) - clientNow;
  let best = observed;
  try {
    const kept = Number(storage?.getItem(key) ?? Number.NaN);
    if (Number.isFinite(kept)) best = Math.max(best, kept);
    storage?.setItem(key, String(best));
  } catch {
    // Storage full or blocked: this page's own observation will do.
  }
  return best;
}

/** Milliseconds left until the deadline, by the phone's clock corrected to the server's. */
export function remainingMs(deadline: string, clientNow: number, offsetMs: number): number {
  return Math.max(0, Date.parse(deadline) - (clientNow + offsetMs));
}

/** "9:05": minutes and seconds left, rounded up (it reads 0:00 only when time is up). */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "5 minutes left", "30 seconds left": the words a screen reader says. */
export function spokenRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds >= 60) {
    const minutes = Math.round(seconds / 60);
    return `${minutes} ${minutes === 1 ? "minute" : "minutes"} left`;
  }
  return `${seconds} ${seconds === 1 ? "second" : "seconds"} left`;
}

/** The moments announced to screen readers, in seconds left: not every second. */
export const ANNOUNCED_SECONDS = [30 * 60, 10 * 60, 5 * 60, 2 * 60, 60, 30, 10] as const;

/**
 * What to announce when the time left goes from `previousMs` to `currentMs` (a tick, or a jump
 * after the phone slept): the mark crossed, if any, or "Time is up" at zero. Null otherwise.
 */
export function timerAnnouncement(previousMs: number, currentMs: number): string | null {
  if (currentMs <= 0) return previousMs > 0 ? "Time is up." : null;
  const crossed = ANNOUNCED_SECONDS.filter((s) => previousMs > s * 1000 && currentMs <= s * 1000).at(-1);
  return crossed === undefined ? null : spokenRemaining(crossed * 1000);
}
