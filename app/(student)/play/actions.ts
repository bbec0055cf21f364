"use server";

import { redirect } from "next/navigation";

import { userAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { joinGame } from "@/lib/live/mutations";
import { JoinGameSchema } from "@/lib/live/schemas";

export const joinGameAction = userAction(
  ["STUDENT"],
  JoinGameSchema,
  async ({ pin }, student) => {
    const { gameId } = await joinGame(db, student, pin);
    redirect(`/play/${gameId}`);
  },
  { next: "/play", forbidden: "Live games are played with a student account." },
);
