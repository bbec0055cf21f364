// A fresh, migrated database per test file, on the engine the run was started for:
// QUIZWIRE_TEST_DB=sqlite (a temporary file) or postgres (a new database on the server
// named by TEST_DATABASE_URL). scripts/test.ts runs the integration suite once for each.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { createDb, type Db } from "@/lib/db/client";
import type { DbProvider } from "@/lib/db-provider";
import { migrate } from "@/scripts/lib/migrations";
import { createDatabase, dropDatabase } from "@/scripts/lib/postgres";

export const TEST_PROVIDER: DbProvider = process.env.QUIZWIRE_TEST_DB === "postgres" ? "postgres" : "sqlite";

export interface TestDatabase {
  url: string;
  db: Db;
  /** Closes the client and removes the database. */
  drop(): Promise<void>;
}

let counter = 0;

/** An empty database (no schema) on the engine under test. */
export async function emptyDatabaseUrl(): Promise<{ url: string; remove(): Promise<void> }> {
  if (TEST_PROVIDER === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "quizwire-it-"));
    return {
      url: `file:${path.join(dir, "test.db")}`,
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = process.env.TEST_DATABASE_URL;
  if (!server)
    throw new Error("QUIZWIRE_TEST_DB=postgres needs TEST_DATABASE_URL (npm test starts a throwaway server).");
  const name = `quizwire_it_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  return { url: await createDatabase(server, name), remove: () => dropDatabase(server, name) };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { url, remove } = await emptyDatabaseUrl();
  await migrate(url);
  const db = createDb(url);
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await remove();
    },
  };
}
