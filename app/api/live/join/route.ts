// POST /api/live/join - a phone joins a live game with its PIN (a student) or its PIN and a
// nickname (a guest), and is told where the game is. The production server answers it ahead of
// Next (lib/fast-routes.ts); this route is the same handler (lib/live/join-route.ts), for
// `next dev` and any server that does not.
import { liveJoinRoute } from "@/lib/live/join-route";
import { nextRoute } from "@/lib/route";

export const POST = nextRoute(liveJoinRoute);
