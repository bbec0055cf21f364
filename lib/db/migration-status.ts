// Whether the database has every migration this build was made with, for /api/health: a
// server of a new version started before `npm run db:migrate` ran would fail on the first
// query that needs a new column, so it reports itself unready (503) and a load balancer
// keeps it out. A database ahead of the build (migrations of the next version, applied
// before its servers replace these) is fine: migrations only add what old code ignores.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

import type { DbProvider } from "@/lib/db-provider";
import type { Sql } from "@/lib/db/sql";

/** Where a provider's migrations live: one folder per migration, named `<timestamp>_<name>`. */
export function migrationsDirOf(provider: DbProvider): string {
  return path.join("prisma", provider, "migrations");
}

/** The migrations shipped with this build, in the order they apply. */
export function migrationNames(provider: DbProvider): string[] {
  const dir = migrationsDirOf(provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export interface MigrationStatus {
  current: boolean;
  /** This build's migrations the database has not applied, in order. */
  pending: string[];
}

/**
 * Compares the build's migrations with those the database records as applied (in
 * `_prisma_migrations`, written by `npm run db:migrate` and `prisma migrate deploy` alike).
 * A database with no such table has none applied; any other error is the database's.
 */
export async function readMigrationStatus(sql: Sql, provider: DbProvider): Promise<MigrationStatus> {
  let applied: Set<string>;
  try {
    const rows = await sql.all<{ name: string }>(
      `SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      [],
    );
    applied = new Set(rows.map((row) => row.name));
  } catch (error) {
    if (!isMissingTable(error)) throw error;
    applied = new Set();
  }
  const pending = migrationNames(provider).filter((name) => !applied.has(name));
  return { current: pending.length === 0, pending };
}

// SQLite says so in its message; PostgreSQL's code 42P01 is undefined_table.
function isMissingTable(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === "42P01" || /no such table/i.test(message ?? "");
}

/** How long a result is kept: a current database stays current; one behind is asked again soon. */
export const MIGRATION_CHECK_TTL_MS = { current: 60_000, behind: 5_000 };

/**
 * `check` at most once per TTL (the health route is polled by load balancers and hit by the
 * bench thousands of times a second); requests during a check share it.
 */
export function cachedMigrationStatus(
  check: () => Promise<MigrationStatus>,
  now: () => number = Date.now,
): () => Promise<MigrationStatus> {
  let cached: { status: MigrationStatus; until: number } | undefined;
  let inFlight: Promise<MigrationStatus> | undefined;
  return () => {
    if (cached && now() < cached.until) return Promise.resolve(cached.status);
    inFlight ??= check()
      .then((status) => {
        const ttl = status.current ? MIGRATION_CHECK_TTL_MS.current : MIGRATION_CHECK_TTL_MS.behind;
        cached = { status, until: now() + ttl };
        return status;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}
