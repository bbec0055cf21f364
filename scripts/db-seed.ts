// npm run db:seed [-- --demo] - load content/ into DATABASE_URL; with --demo, also create
// (or give new passwords to) the demo teacher, class and students and print their logins.
import { DEFAULT_DATABASE_URL } from "../lib/db-provider";
import { seedDemo } from "../lib/demo/seed";
import { formatSyncReport } from "./lib/format";
import { formatDemoLogins } from "./lib/demo-print";
import { prepareDatabase } from "./lib/prepare";
import { runMain } from "./lib/run-main";

await runMain(async () => {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const { db, content } = await prepareDatabase(url, { force: true });
  try {
    if (content) console.log(formatSyncReport(content));
    if (process.argv.includes("--demo")) console.log(formatDemoLogins(await seedDemo(db)));
  } finally {
    await db.$disconnect();
  }
});
