// POST /api/live/games/[gameId]/answers, written once: the Next route (app/api/live/...) and the
// plain server's fast path (lib/fast-routes.ts, ahead of Next in scripts/server.mjs) run the same
// options and handler through the same wrapper (lib/route.ts), so both check the session, the
// guest's cookie, the role, the path and the body the same way and say the same things.
import "server-only";

import { db } from "@/lib/db";
import { findGuest, guestCookieName } from "@/lib/live/guests";
import { recordLiveAnswer } from "@/lib/live/mutations";
import { GameIdParamsSchema, LiveAnswerSchema } from "@/lib/live/schemas";
import { routeRunner } from "@/lib/route";

export const liveAnswerRoute = routeRunner(
  {
    roles: ["STUDENT", "GUEST"],
    signedOutMessage: "Your session has ended: sign in again to carry on playing.",
    params: GameIdParamsSchema,
    body: LiveAnswerSchema,
    invalidBodyMessage: "That answer is malformed.",
    // A guest's phone: its cookie for this game names its player (and nothing else anywhere).
    guest: async ({ gameId }, cookie) => findGuest(db, gameId, await cookie(guestCookieName(gameId))),
  },
  ({ user, params, body }) => recordLiveAnswer(db, user, params.gameId, body),
);
