// npm run db:migrate - apply the committed migrations to DATABASE_URL (SQLite by default).
import { DEFAULT_DATABASE_URL } from "../lib/db-provider";
import { migrate } from "./lib/migrations";
import { runMain } from "./lib/run-main";

await runMain(async () => {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const result = await migrate(url);
  console.log(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s) to ${result.provider}: ${result.applied.join(", ")}`
      : `The ${result.provider} database is up to date.`,
  );
  for (const name of result.changed) {
    console.warn(`Warning: migration ${name} was edited after it was applied; write a new migration instead.`);
  }
});
