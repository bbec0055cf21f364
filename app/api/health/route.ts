// GET /api/health - whether the app and its database answer (for load balancers and ops).
import { db } from "@/lib/db";
import { sqlOf } from "@/lib/db/client";
import { providerOf } from "@/lib/db-provider";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = providerOf(env.DATABASE_URL);
  const started = performance.now();
  try {
    await sqlOf(db).one("SELECT 1", []);
    return Response.json({ status: "ok", database, databaseMs: Math.round(performance.now() - started) });
  } catch {
    return Response.json({ status: "error", database, error: "The database does not answer." }, { status: 503 });
  }
}
