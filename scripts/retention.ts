// npm run retention - delete the student data of classes archived more than RETENTION_DAYS
// (365) ago. npm start runs it too; schedule it daily (cron) on a long-running server.
import { createDb } from "../lib/db/client";
import { DEFAULT_DATABASE_URL } from "../lib/db-provider";
import { applyRetention } from "../lib/privacy/retention";
import { retentionDays } from "./lib/retention-days";
import { runMain } from "./lib/run-main";

await runMain(async () => {
  const db = createDb(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  try {
    const days = retentionDays();
    const report = await applyRetention(db, { days });
    console.log(
      `Retention (${days} days): ${report.classes} archived classes cleared, ${report.attempts} attempts, ${report.students} students and ${report.guests} live-game guests deleted.`,
    );
  } finally {
    await db.$disconnect();
  }
});
