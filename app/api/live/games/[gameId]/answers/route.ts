// POST /api/live/games/[gameId]/answers - a player's answer to the open question, idempotent by clientId.
import { db } from "@/lib/db";
import { recordLiveAnswer } from "@/lib/live/mutations";
import { GameIdParamsSchema, LiveAnswerSchema } from "@/lib/live/schemas";
import { route } from "@/lib/route";

export const POST = route(
  {
    roles: ["STUDENT"],
    signedOutMessage: "Your session has ended: sign in again to carry on playing.",
    params: GameIdParamsSchema,
    body: LiveAnswerSchema,
    invalidBodyMessage: "That answer is malformed.",
  },
  ({ user, params, body }) => recordLiveAnswer(db, user, params.gameId, body),
);
