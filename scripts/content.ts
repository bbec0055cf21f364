// npm run content - validate content/ and load it into the database, idempotently.
// A broken file stops the load with a message naming the file and fact; nothing is written.
import { DEFAULT_DATABASE_URL } from "../lib/db-provider";
import { formatSyncReport } from "./lib/format";
import { prepareDatabase } from "./lib/prepare";
import { runMain } from "./lib/run-main";

await runMain(async () => {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const { db, content } = await prepareDatabase(url, { contentDir: process.env.CONTENT_DIR ?? "content", force: true });
  await db.$disconnect();
  if (content) console.log(formatSyncReport(content));
});
