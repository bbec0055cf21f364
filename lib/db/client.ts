// Creates the Prisma client for a database URL: SQLite through better-sqlite3, PostgreSQL
// through pg. The app uses the singleton in lib/db.ts; scripts and tests call this directly.
// Each client comes with hand-written SQL on the same database (lib/db/sql.ts) for the hot
// paths, reached with sqlOf(db) and closed by db.$disconnect().
import "server-only";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { postgresPoolSize } from "@/lib/db/pool-size";
import { createPostgresSql, createSqliteSql, SqlUniqueViolation, type Sql } from "@/lib/db/sql";
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

// On the client object itself, under a registered symbol: Next bundles this module once per
// layer (pages, route handlers), while the client is one object shared through lib/db.ts.
const SQL = Symbol.for("quizwire.sql");

export function createDb(url: string): Db {
  let db: Db;
  let sql: Sql;
  if (providerOf(url) === "sqlite") {
    const adapter = new PrismaBetterSqlite3({
      url: `file:${sqliteFilePath(url)}`,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
    });
    db = new SqliteClient({ adapter });
    sql = createSqliteSql(url);
  } else {
    // One pool for both: Prisma's queries and the hand-written ones share its connections.
    // Pipelined: a batch is sent whole (lib/db/sql.ts); one query at a time is unchanged.
    const pool = new pg.Pool({ connectionString: url, pipeline: true, max: postgresPoolSize() });
    // An idle connection the server ends (a restart, a dropped database) is discarded by the
    // pool and replaced on next use; unheard, its error would end the process.
    pool.on("error", (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
    db = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
    sql = createPostgresSql(pool);
  }
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await disconnect();
    await sql.close();
  };
  Object.defineProperty(db, SQL, { value: sql });
  return db;
}

/** The hand-written SQL beside a client made by createDb. */
export function sqlOf(db: Db): Sql {
  const sql = (db as unknown as Record<symbol, Sql | undefined>)[SQL];
  if (!sql) throw new Error("This Prisma client was not made by createDb: it has no SQL beside it.");
  return sql;
}

/** A write lost a race to a unique key (Prisma P2002, or SQL's): the row it wanted exists now. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof SqlUniqueViolation) return true;
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
