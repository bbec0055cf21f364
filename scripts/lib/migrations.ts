// Applies the committed migrations without any Prisma engine: each migration.sql runs in a
// transaction and is recorded in _prisma_migrations exactly as `prisma migrate deploy` would,
// so a machine with the Prisma CLI agrees about what is applied.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

import { providerOf, sqliteFilePath, type DbProvider } from "../../lib/db-provider";
import { migrationNames, migrationsDirOf } from "../../lib/db/migration-status";
import { createPrivateSqliteFile, securePrivateSqliteFiles } from "./private-files";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(provider: DbProvider): Migration[] {
  return migrationNames(provider).map((name) => {
    const sql = readFileSync(path.join(migrationsDirOf(provider), name, "migration.sql"), "utf8");
    return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });
}

const HISTORY_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL,
    "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL,
    "logs" TEXT,
    "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
  )`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`,
};

export interface MigrateResult {
  provider: DbProvider;
  applied: string[];
  /** Applied earlier, but the file has changed since: a sign of an edited migration. */
  changed: string[];
}

/** Applies every migration the database lacks, in order, each in its own transaction. */
export async function migrate(url: string, { until }: { until?: string } = {}): Promise<MigrateResult> {
  const provider = providerOf(url);
  const all = readMigrations(provider);
  // `until`: stop after that migration (tests replay history with data in between).
  const migrations = until ? all.slice(0, all.findIndex((m) => m.name === until) + 1) : all;
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

function migrateSqlite(url: string, migrations: Migration[]): MigrateResult {
  const file = sqliteFilePath(url);
  createPrivateSqliteFile(file);
  securePrivateSqliteFiles(file);
  const db = new Database(file, { timeout: 5000 });
  try {
    // WAL lets readers carry on while one writer writes; the setting stays with the file.
    db.pragma("journal_mode = WAL");
    db.exec(HISTORY_TABLE.sqlite);
    const done = new Map(
      db
        .prepare(
          `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all()
        .map((row) => {
          const { name, checksum } = row as { name: string; checksum: string };
          return [name, checksum];
        }),
    );
    const result: MigrateResult = { provider: "sqlite", applied: [], changed: [] };
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) result.changed.push(migration.name);
        continue;
      }
      const startedAt = new Date().toISOString();
      // SQLite ignores PRAGMA foreign_keys inside a transaction, so a migration that rebuilds
      // a table (DROP + RENAME) would cascade-delete the rows that point at it. Turn the checks
      // off around the transaction instead, and verify every reference before committing.
      db.pragma("foreign_keys = OFF");
      try {
        db.transaction(() => {
          db.exec(migration.sql);
          const broken = db.pragma("foreign_key_check") as unknown[];
          if (broken.length > 0) {
            throw new Error(
              `Migration ${migration.name} would leave ${broken.length} broken reference(s); nothing was changed.`,
            );
          }
          db.prepare(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
          ).run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt);
        }).immediate();
      } finally {
        db.pragma("foreign_keys = ON");
      }
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    db.close();
  }
}

// The same number Prisma uses, so our runs and `prisma migrate deploy` exclude each other.
const ADVISORY_LOCK_ID = 72707369;

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_ID]);
    await client.query(HISTORY_TABLE.postgres);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.name, row.checksum]));
    const result: MigrateResult = { provider: "postgres", applied: [], changed: [] };
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) result.changed.push(migration.name);
        continue;
      }
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
