// Runs once when each server process starts (Next.js calls register()): the feeds' schedule
// (lib/feeds/schedule.ts), unless FEEDS_SCHEDULE=off.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { feedScheduleEnabled, startFeedSchedule } = await import("@/lib/feeds/schedule");
  if (!feedScheduleEnabled()) return;
  const { db } = await import("@/lib/db");
  startFeedSchedule(db);
}
