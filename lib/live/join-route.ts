// POST /api/live/join: a phone joins a live game and is told where the game is. A signed-in
// student sends the PIN ({ pin }); a guest, signed out, the PIN and a nickname ({ pin, nickname }).
// The join forms (app/(student)/play/) send it once their script has loaded and then navigate on
// the client; without the script they post the same form to their server actions, which
// redirect. Both run joinGame / joinAsGuest (the same checks, rate limits and messages), so
// the two ways in differ only in how the answer comes back. A whole class types the PIN within
// seconds, so the production server answers this route ahead of Next (lib/fast-routes.ts), as
// it does the live answers: the server action's machinery and the render of the game's page
// inside its redirect cost more than the join itself.
import "server-only";

import type { z } from "zod";

import { fieldErrorsOf } from "@/lib/actions";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { crossSiteResponse, errorResponse, isCrossSite, jsonResponse, readJsonBody } from "@/lib/http";
import { guestCookieSecure, guestSetCookieHeader } from "@/lib/live/guest-cookie";
import { guestCookieName, joinAsGuest } from "@/lib/live/guests";
import { joinGame } from "@/lib/live/mutations";
import { GuestJoinSchema, JoinGameSchema } from "@/lib/live/schemas";
import type { RouteRunner } from "@/lib/route";

/** A join form is a PIN and a nickname: a few hundred bytes at most. */
export const JOIN_MAX_BYTES = 2 * 1024;

export const STUDENTS_ONLY_MESSAGE = "Live games are played with a student account.";
export const SIGNED_IN_GUEST_MESSAGE = "You are signed in: join with your account's PIN form, not as a guest.";
export const INVALID_JOIN_MESSAGE = "Please correct the fields marked below.";
export const SIGNED_OUT_JOIN_MESSAGE = "Sign in first to join your class's game.";

/** Where a joined phone goes: its game's page. */
export function gamePath(gameId: string): string {
  return `/play/${encodeURIComponent(gameId)}`;
}

/** The form's fields as its schema reads them, or an AppError naming each field that is wrong. */
function parseForm<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("invalid_input", INVALID_JOIN_MESSAGE, fieldErrorsOf(parsed.error));
  return parsed.data;
}

/**
 * The route itself, for Next (app/api/live/join/route.ts) and for the production server's fast
 * path alike: who is asking comes from `identity` (the session, the request's cookies).
 * Joined: 200 { gameId, to } (a guest's new cookie set). Refused: the API's error shape
 * ({ error, message, fieldErrors }), with the same messages the forms show; a student whose
 * session has ended gets 401 with `to`, the sign-in page that brings them back here.
 */
export const liveJoinRoute: RouteRunner = async (request, _params, identity) => {
  if (isCrossSite(request)) return crossSiteResponse();
  const read = await readJsonBody(request, JOIN_MAX_BYTES);
  if (!read.ok) return read.response;
  const body = read.value;
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return jsonResponse({ error: "invalid_input", message: "The request body must be a JSON object." }, 400);
  try {
    const user = await identity.user();
    // The guests' form has a nickname; the students' has the PIN alone.
    if ("nickname" in body) {
      if (user) throw new AppError("forbidden", SIGNED_IN_GUEST_MESSAGE);
      const input = parseForm(GuestJoinSchema, body);
      const joined = await joinAsGuest(db, input, {
        clientIp: clientIpFromHeaders(request.headers),
        tokenFor: (gameId) => identity.cookie(guestCookieName(gameId)),
      });
      const response = jsonResponse({ gameId: joined.gameId, to: gamePath(joined.gameId) });
      if (joined.token)
        response.headers.append(
          "Set-Cookie",
          guestSetCookieHeader(joined.gameId, joined.token, guestCookieSecure(request.headers)),
        );
      return response;
    }
    if (!user)
      return jsonResponse(
        { error: "unauthorized", message: SIGNED_OUT_JOIN_MESSAGE, to: `/sign-in?next=${encodeURIComponent("/play")}` },
        401,
      );
    if (user.role !== "STUDENT") throw new AppError("forbidden", STUDENTS_ONLY_MESSAGE);
    const { pin } = parseForm(JoinGameSchema, body);
    const { gameId } = await joinGame(db, user, pin);
    return jsonResponse({ gameId, to: gamePath(gameId) });
  } catch (error) {
    return errorResponse(error);
  }
};
