// GET /api/live/games/[gameId]/events - the game as this viewer sees it, as server-sent events:
// the whole view at once and again at every change (docs/decisions/0008-live-game.md).
import { z } from "zod";

import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { appLiveHub } from "@/lib/live/app-hub";
import { findGuest, guestCookieName } from "@/lib/live/guests";
import { findGameViewer, loadPlayerViewUnscoped } from "@/lib/live/queries";
import { GameIdParamsSchema } from "@/lib/live/schemas";
import { eventStream } from "@/lib/live/stream";
import { route } from "@/lib/route";

export const dynamic = "force-dynamic";

// ?once=1: the current view as one event, then the end (a check, a test, a fallback poll).
const QuerySchema = z.object({ once: z.literal("1").optional() });

export const GET = route(
  {
    params: GameIdParamsSchema,
    query: QuerySchema,
    refuse: "not_found",
    // A guest's phone: its cookie for this game names its player.
    guest: async ({ gameId }, cookie) => findGuest(db, gameId, await cookie(guestCookieName(gameId))),
  },
  async ({ user, params, query, request }) => {
    const viewer = await findGameViewer(db, user, params.gameId);
    if (!viewer) throw notFound("That game");
    const hub = appLiveHub();
    // A phone's first view is read for it alone: a class connecting at once reads a row each.
    const first =
      viewer.kind === "player"
        ? () => loadPlayerViewUnscoped(db, params.gameId, viewer.userId, new Date(), hub.latest(params.gameId))
        : undefined;
    return eventStream(hub, params.gameId, viewer, request.signal, { once: query.once === "1", first });
  },
);
