// Creates the Prisma client for a database URL: SQLite through better-sqlite3, PostgreSQL
// through pg. The app uses the singleton in lib/db.ts; scripts and tests call this directly.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { providerOf, sqliteFilePath } from "@/lib/db-provider";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";

/**
 * The application's one client type. The two generated clients differ only in the
 * transaction isolation levels they accept, so the PostgreSQL client is used through it.
 */
export type Db = SqliteClient;

/** How long a SQLite write waits for another writer before failing (busy_timeout). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function createDb(url: string): Db {
  if (providerOf(url) === "sqlite") {
    const adapter = new PrismaBetterSqlite3({
      url: `file:${sqliteFilePath(url)}`,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
    });
    return new SqliteClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: url });
  return new PostgresClient({ adapter }) as unknown as Db;
}

/** A write lost a race to a unique key (Prisma P2002): the row it wanted exists now. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
