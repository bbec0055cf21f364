// POST /api/live/games/[gameId]/answers - a player's answer to the open question, idempotent by clientId.
// The production server answers it ahead of Next (lib/fast-routes.ts); this route is the same
// handler (lib/live/answer-route.ts), for `next dev` and any server that does not.
import { liveAnswerRoute } from "@/lib/live/answer-route";
import { nextRoute } from "@/lib/route";

export const POST = nextRoute(liveAnswerRoute);
