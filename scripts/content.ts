// npm run content [-- --report] - validate content/, load it into the database with its
// generated questions, idempotently. A broken file stops the load with a message naming
// the file and fact; nothing is written. --report prints, per article, how many questions
// of each type were made and each held-back question with its reason.
import { DEFAULT_DATABASE_URL } from "../lib/db-provider";
import { loadContent } from "../lib/content/load";
import { generateArticleQuestions } from "../lib/questions/from-content";
import { formatQuestionReport, formatSyncReport } from "./lib/format";
import { prepareDatabase } from "./lib/prepare";
import { runMain } from "./lib/run-main";

await runMain(async () => {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const contentDir = process.env.CONTENT_DIR ?? "content";
  const { db, content } = await prepareDatabase(url, { contentDir, force: true });
  await db.$disconnect();
  if (content) console.log(formatSyncReport(content));
  if (process.argv.includes("--report")) {
    const loaded = loadContent(contentDir);
    for (const article of loaded.articles) {
      console.log(`\n${formatQuestionReport(article.slug, generateArticleQuestions(loaded, article.slug))}`);
    }
  }
});
