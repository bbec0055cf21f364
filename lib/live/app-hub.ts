// The app's one live hub per process (lib/live/hub.ts), on the app's database.
import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createLiveHub, type LiveHub } from "@/lib/live/hub";
import { tickGame } from "@/lib/live/mutations";

const KEY = Symbol.for("quizwire.appLiveHub");
const holder = globalThis as unknown as Record<symbol, LiveHub | undefined>;

export function appLiveHub(): LiveHub {
  return (holder[KEY] ??= createLiveHub({
    db,
    databaseUrl: env.DATABASE_URL,
    pollMs: process.env.LIVE_POLL_MS ? Number(process.env.LIVE_POLL_MS) : undefined,
    tick: (gameId) => tickGame(db, gameId),
  }));
}
