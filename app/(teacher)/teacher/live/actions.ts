"use server";

import { redirect } from "next/navigation";

import { teacherAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { commandGame, createGame, removePlayer, setHideNames } from "@/lib/live/mutations";
import { CreateGameSchema, HideNamesSchema, HostCommandSchema, PlayerActionSchema } from "@/lib/live/schemas";

export const createGameAction = teacherAction(CreateGameSchema, async (input, teacher) => {
  const { gameId } = await createGame(db, teacher, input);
  redirect(`/present/live/${gameId}`);
});

export const hostCommandAction = teacherAction(HostCommandSchema, async ({ gameId, command }, teacher) => {
  await commandGame(db, teacher, gameId, command);
});

export const removePlayerAction = teacherAction(PlayerActionSchema, async ({ gameId, playerId }, teacher) => {
  await removePlayer(db, teacher, gameId, playerId);
});

export const hideNamesAction = teacherAction(HideNamesSchema, async ({ gameId, hideNames }, teacher) => {
  await setHideNames(db, teacher, gameId, hideNames);
});
