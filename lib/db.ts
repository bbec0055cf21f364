// The one Prisma client of the app, shared across requests (and across hot reloads in dev).
import "server-only";

import { createDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";

const globalForDb = globalThis as unknown as { quizwireDb?: Db };

export const db: Db = (globalForDb.quizwireDb ??= createDb(env.DATABASE_URL));
