// The feeds' schedule inside the server: every process of every app server ticks once a
// minute and runs a round (lib/feeds/round.ts); the leases in the database let only one of
// them fetch each due feed. FEEDS_SCHEDULE=off leaves it to `npm run feeds` under cron.
import "server-only";

import type { Db } from "@/lib/db/client";
import { feedPeriodMs, runFeedRound } from "@/lib/feeds/round";

export const TICK_MS = 60_000;

export function feedScheduleEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const value = (env.FEEDS_SCHEDULE ?? "on").toLowerCase();
  if (value !== "on" && value !== "off") throw new Error(`FEEDS_SCHEDULE must be on or off, not "${value}".`);
  return value === "on";
}

/** Starts the ticks (never keeping the process alive on its own); returns a stop function. */
export function startFeedSchedule(db: Db, tickMs = TICK_MS): () => void {
  const periodMs = feedPeriodMs();
  const tick = () => {
    runFeedRound(db, { periodMs }).catch((error: unknown) => {
      console.error("Feeds: a round failed:", error);
    });
  };
  // The first round soon after start, not in the middle of it.
  const first = setTimeout(tick, Math.min(tickMs, 15_000));
  const timer = setInterval(tick, tickMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
