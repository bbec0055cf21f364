// Brings a database up to date: migrations, then content/ (skipped when unchanged).
// Shared by npm start, npm run db:seed and the tests' setup, so all three agree.
import { loadContent } from "../../lib/content/load";
import { isContentCurrent, syncContent, type SyncReport } from "../../lib/content/sync";
import { createDb, type Db } from "../../lib/db/client";
import { migrate, readMigrations, type MigrateResult } from "./migrations";

export interface Prepared {
  db: Db;
  migrations: MigrateResult;
  /** True when this run created the schema from nothing. */
  isNew: boolean;
  /** Undefined when the content was already current. */
  content?: SyncReport;
}

export async function prepareDatabase(
  url: string,
  { contentDir = "content", force = false }: { contentDir?: string; force?: boolean } = {},
): Promise<Prepared> {
  // Validate content before touching the database: a broken file changes nothing.
  const content = loadContent(contentDir);
  const migrations = await migrate(url);
  const first = readMigrations(migrations.provider)[0]?.name;
  const isNew = first !== undefined && migrations.applied.includes(first);
  const db = createDb(url);
  try {
    const report = force || !(await isContentCurrent(db, content)) ? await syncContent(db, content) : undefined;
    return { db, migrations, isNew, content: report };
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
}
