// What the host's forms and the phones send about a live game.
import { z } from "zod";

import { GivenAnswerSchema } from "@/lib/attempts/schemas";
import { HOST_COMMANDS, MAX_QUESTION_SECONDS, MIN_QUESTION_SECONDS } from "@/lib/live/machine";

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");

/** The "Host a live game" form. */
export const CreateGameSchema = z.object({
  classId: z.string().min(1, "Choose a class.").max(100),
  setId: z.string().min(1, "Choose a question set.").max(100),
  questionSeconds: z.coerce
    .number({ message: "Enter the seconds each question is open." })
    .int("Enter whole seconds.")
    .min(MIN_QUESTION_SECONDS, `Give each question at least ${MIN_QUESTION_SECONDS} seconds.`)
    .max(MAX_QUESTION_SECONDS, `Give each question at most ${MAX_QUESTION_SECONDS} seconds.`),
  allowLateJoin: checkbox,
  hideNames: checkbox,
  openToGuests: checkbox,
});
export type CreateGameInput = z.infer<typeof CreateGameSchema>;

/** A game's six-digit PIN, as typed (spaces allowed). */
export const PinSchema = z
  .string()
  .transform((value) => value.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "A game PIN is six digits."));

export const JoinGameSchema = z.object({ pin: PinSchema });

/** A guest's join form: the PIN and a nickname (checked in full by lib/live/nickname.ts). */
export const GuestJoinSchema = z.object({
  pin: PinSchema,
  nickname: z.string().max(200, "A nickname has at most 20 characters."),
});

export const HostCommandSchema = z.object({
  gameId: z.string().min(1).max(100),
  command: z.enum(HOST_COMMANDS),
});

export const PlayerActionSchema = z.object({
  gameId: z.string().min(1).max(100),
  playerId: z.string().min(1).max(100),
});

export const HideNamesSchema = z.object({
  gameId: z.string().min(1).max(100),
  hideNames: checkbox,
});

/** POST /api/live/games/[gameId]/answers: one answer to the open question, idempotent by clientId. */
export const LiveAnswerSchema = z.object({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "clientId must be 8-64 letters, digits, - or _"),
  /** The question's place in the game, from 0. */
  position: z.number().int().min(0).max(10_000),
  questionId: z.string().min(1).max(64),
  answer: GivenAnswerSchema,
  /** When the player answered, by the phone's clock corrected to the server's (ISO 8601). */
  answeredAt: z.iso.datetime({ offset: true }),
});
export type LiveAnswer = z.infer<typeof LiveAnswerSchema>;

export const GameIdParamsSchema = z.object({ gameId: z.string().min(1).max(100) });
