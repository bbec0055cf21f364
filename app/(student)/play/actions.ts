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
import { joinGame } from "@/lib/live/mutations";
import { GuestJoinSchema, JoinGameSchema } from "@/lib/live/schemas";

export const joinGameAction = userAction(
  ["STUDENT"],
  JoinGameSchema,
  async ({ pin }, student) => {
    const { gameId } = await joinGame(db, student, pin);
    redirect(`/play/${gameId}`);
  },
  { next: "/play", forbidden: "Live games are played with a student account." },
);

/**
 * A guest joins a game open to guests with its PIN and a nickname: no account, a cookie for that
 * game only. Someone signed in plays with their account (the student form), not as a guest.
 */
export const joinAsGuestAction = formAction(GuestJoinSchema, async (input) => {
  if (await getCurrentUser())
    throw new AppError("forbidden", "You are signed in: join with your account's PIN form, not as a guest.");
  const joined = await joinAsGuest(db, input, {
    clientIp: clientIpFromHeaders(await headers()),
    tokenFor: guestToken,
  });
  if (joined.token) await setGuestCookie(joined.gameId, joined.token);
  redirect(`/play/${joined.gameId}`);
});
