// Routes the production server answers ahead of Next (scripts/server.mjs): those a whole class
// sends at once (a live game's joins and answers), where Next's own work per request (routing, its request scope, the response's
// stream) cost more than the answer itself. Each is a route written once with lib/route.ts's
// wrapper, run here with the identity read from the request's headers (lib/plain-route.ts), and
// by Next as an ordinary route for `next dev`. Registered when the app starts (instrumentation.ts):
// scripts/server.mjs is plain JavaScript and finds them on a global.
import "server-only";

import { MAX_JSON_BODY_BYTES } from "@/lib/http";
import { liveAnswerRoute } from "@/lib/live/answer-route";
import { JOIN_MAX_BYTES, liveJoinRoute } from "@/lib/live/join-route";
import { requestIdentity } from "@/lib/plain-route";

export interface FastRoute {
  /** The most body bytes the route reads: the server reads one more, so that the route sees a body is too large. */
  maxBytes: number;
  run(request: Request): Promise<Response>;
}

/** The route a request is for, or null for Next to answer. */
export type FindFastRoute = (method: string, pathname: string) => FastRoute | null;

/** Where scripts/server.mjs looks for findFastRoute (its own copy of the name). */
export const FAST_ROUTES = Symbol.for("quizwire.fastRoutes");

// As Next matches app/api/live/games/[gameId]/answers (a trailing slash is Next's to redirect).
const LIVE_ANSWERS = /^\/api\/live\/games\/([^/]+)\/answers$/;

export const findFastRoute: FindFastRoute = (method, pathname) => {
  if (method !== "POST") return null;
  // A class typing the game's PIN (the join forms' request once their script has loaded).
  if (pathname === "/api/live/join")
    return { maxBytes: JOIN_MAX_BYTES, run: (request) => liveJoinRoute(request, {}, requestIdentity(request)) };
  const match = LIVE_ANSWERS.exec(pathname);
  if (!match) return null;
  let gameId: string;
  try {
    gameId = decodeURIComponent(match[1]!);
  } catch {
    return null; // Not a path Next would route either: its 400.
  }
  return {
    maxBytes: MAX_JSON_BODY_BYTES,
    run: (request) => liveAnswerRoute(request, { gameId }, requestIdentity(request)),
  };
};

export function registerFastRoutes(): void {
  (globalThis as Record<symbol, FindFastRoute | undefined>)[FAST_ROUTES] = findFastRoute;
}
