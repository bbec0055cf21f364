// Runs once when each server process starts (Next.js calls register()): the routes the
// production server answers ahead of Next (lib/fast-routes.ts), and the feeds' schedule
// (lib/feeds/schedule.ts), unless FEEDS_SCHEDULE=off.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerFastRoutes } = await import("@/lib/fast-routes");
  registerFastRoutes();
  const { feedScheduleEnabled, startFeedSchedule } = await import("@/lib/feeds/schedule");
  if (!feedScheduleEnabled()) return;
  const { db } = await import("@/lib/db");
  startFeedSchedule(db);
}
