// GET /api/health - whether this server is ready for traffic (for load balancers and ops): 200
// when the database answers and has every migration of this build, 503 with the reason
// otherwise. The database is asked on every call (one `SELECT 1`); the migrations at most
// once a minute (lib/db/migration-status.ts), so polling it stays as cheap as a trivial route.
import { db } from "@/lib/db";
import { sqlOf } from "@/lib/db/client";
import { cachedMigrationStatus, readMigrationStatus, type MigrationStatus } from "@/lib/db/migration-status";
import { providerOf } from "@/lib/db-provider";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const database = providerOf(env.DATABASE_URL);
const migrationStatus = cachedMigrationStatus(() => readMigrationStatus(sqlOf(db), database));

export async function GET() {
  const started = performance.now();
  let migrations: MigrationStatus;
  try {
    await sqlOf(db).one("SELECT 1", []);
    migrations = await migrationStatus();
  } catch {
    return Response.json({ status: "error", database, error: "The database does not answer." }, { status: 503 });
  }
  if (!migrations.current) {
    return Response.json(
      {
        status: "error",
        database,
        error: `The database lacks ${migrations.pending.length} migration(s) of this version: run \`npm run db:migrate\` before starting it.`,
        pendingMigrations: migrations.pending,
      },
      { status: 503 },
    );
  }
  return Response.json({
    status: "ok",
    database,
    databaseMs: Math.round(performance.now() - started),
    migrations: "current",
  });
}
