// POST /api/live/games/[gameId]/answers - a player's answer to the open question, idempotent by clientId.
import { db } from "@/lib/db";
import { currentGuest } from "@/lib/live/guest-cookie";
import { recordLiveAnswer } from "@/lib/live/mutations";
import { GameIdParamsSchema, LiveAnswerSchema } from "@/lib/live/schemas";
import { route } from "@/lib/route";

export const POST = route(
  {
    roles: ["STUDENT", "GUEST"],
    signedOutMessage: "Your session has ended: sign in again to carry on playing.",
    params: GameIdParamsSchema,
    body: LiveAnswerSchema,
    invalidBodyMessage: "That answer is malformed.",
    // A guest's phone: its cookie for this game names its player (and nothing else anywhere).
    guest: ({ gameId }) => currentGuest(gameId),
  },
  ({ user, params, body }) => recordLiveAnswer(db, user, params.gameId, body),
);
