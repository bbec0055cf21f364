"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { formAction, userAction } from "@/lib/actions";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { guestToken, setGuestCookie } from "@/lib/live/guest-cookie";
import { joinAsGuest } from "@/lib/live/guests";
import { gamePath, SIGNED_IN_GUEST_MESSAGE, STUDENTS_ONLY_MESSAGE } from "@/lib/live/join-route";
import { joinGame } from "@/lib/live/mutations";
import { GuestJoinSchema, JoinGameSchema } from "@/lib/live/schemas";

// The join forms' way in when their script has not loaded (a plain form post, answered with a
// redirect to the game's page). Once it has, they post to /api/live/join instead and navigate
// on the client (lib/live/join-route.ts): the same joins, checks and messages.
export const joinGameAction = userAction(
  ["STUDENT"],
  JoinGameSchema,
  async ({ pin }, student) => {
    const { gameId } = await joinGame(db, student, pin);
    redirect(gamePath(gameId));
  },
  { next: "/play", forbidden: STUDENTS_ONLY_MESSAGE },
);

/**
 * A guest joins a game open to guests with its PIN and a nickname: no account, a cookie for that
 * game only. Someone signed in plays with their account (the student form), not as a guest.
 */
export const joinAsGuestAction = formAction(GuestJoinSchema, async (input) => {
  if (await getCurrentUser()) throw new AppError("forbidden", SIGNED_IN_GUEST_MESSAGE);
  const joined = await joinAsGuest(db, input, {
    clientIp: clientIpFromHeaders(await headers()),
    tokenFor: guestToken,
  });
  if (joined.token) await setGuestCookie(joined.gameId, joined.token);
  redirect(gamePath(joined.gameId));
});
