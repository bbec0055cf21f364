// npm run feeds - one round of the feeds' schedule: fetch the feeds that are due, then read
// and draft their new items. Every app server runs rounds on its own (FEEDS_SCHEDULE=off stops
// that); this is for cron, and safe beside running servers: the leases in the database let only
// one process fetch each feed per period (FEEDS_EVERY_MINUTES, 30 by default).
import { createDb } from "../lib/db/client";
import { DEFAULT_DATABASE_URL } from "../lib/db-provider";
import { feedPeriodMs, runFeedRound } from "../lib/feeds/round";
import { runMain, UserFacingError } from "./lib/run-main";

await runMain(async () => {
  let periodMs: number;
  try {
    periodMs = feedPeriodMs();
  } catch (error) {
    throw new UserFacingError((error as Error).message);
  }
  const db = createDb(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    const report = await runFeedRound(db, { periodMs, maxItems: 100 });
    console.log(
      `Feeds: ${report.feedsFetched} fetched, ${report.feedsFailed} failed, ${report.newItems} new items; ${report.drafted} drafted, ${report.failedItems} could not be drafted.`,
    );
  } finally {
    await db.$disconnect();
  }
});
