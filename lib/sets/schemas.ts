import { z } from "zod";

import { isTimeZone } from "@/lib/dates";

const id = z.string().min(1).max(64);

export const SetTitleSchema = z
  .string({ error: "Give the set a title." })
  .trim()
  .min(1, "Give the set a title.")
  .max(120, "Use at most 120 characters.");

const list = z
  .union([id, z.array(id)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const CreateSetSchema = z.object({
  title: SetTitleSchema,
  /** Questions picked one by one. */
  questionIds: list,
  /** Articles whose served questions all go in. */
  articleSlugs: list,
  shared: z.enum(["on"]).optional(),
});

/** Questions added to a set of the teacher's own, from the picker. */
export const AddToSetSchema = z.object({
  setId: id,
  questionIds: list,
  articleSlugs: list,
});
export type AddToSetInput = z.infer<typeof AddToSetSchema>;

const firstOf = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(200).optional()).catch(undefined);

/**
 * The picker's query string: its filters, and what a browser without JavaScript carries from
 * one filtering to the next (the questions picked so far, the title typed, "select all on this
 * fact"). Anything unknown is dropped rather than refused: it is a page address.
 */
export const PickerSearchSchema = z.object({
  q: firstOf.transform((v) => v?.trim() || undefined),
  type: firstOf,
  fact: firstOf,
  difficulty: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v),
    z.enum(["easy", "medium", "hard", "unanswered"]).optional().catch(undefined),
  ),
  article: firstOf,
  title: firstOf,
  shared: firstOf,
  selectFact: firstOf,
  questionIds: list.catch([]),
  articleSlugs: list.catch([]),
});
export type PickerSearch = z.infer<typeof PickerSearchSchema>;

export const EditQuestionSchema = z.object({
  questionId: id,
  stem: z.string().trim().min(5, "The question needs at least 5 characters.").max(500),
  explanation: z.string().trim().min(5, "The explanation needs at least 5 characters.").max(1000),
});

export const TimeZoneSchema = z.string().refine(isTimeZone, "Unknown time zone.");

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time.");

export const AssignmentSchema = z
  .object({
    classId: id,
    setId: id,
    title: z.string().trim().min(1, "Give the assignment a title.").max(120),
    opensAt: localDateTime,
    dueAt: z.union([z.literal(""), localDateTime]).optional(),
    maxAttempts: z.coerce
      .number({ error: "Attempts must be a number." })
      .int()
      .min(1, "At least 1 attempt.")
      .max(20, "At most 20 attempts."),
    feedbackPolicy: z.enum(["IMMEDIATE", "AFTER_DUE"]),
    /** Minutes each attempt may take once started; empty for no limit. */
    timeLimitMinutes: z
      .union([
        z.literal("").transform(() => null),
        z.coerce
          .number({ error: "The time limit must be a number of minutes." })
          .int("The time limit must be a whole number of minutes.")
          .min(1, "At least 1 minute.")
          .max(180, "At most 180 minutes."),
      ])
      .optional(),
    timeZone: TimeZoneSchema,
  })
  .refine((a) => a.feedbackPolicy === "IMMEDIATE" || a.dueAt, {
    path: ["dueAt"],
    message: "Feedback after the due date needs a due date.",
  })
  .refine((a) => !a.dueAt || a.dueAt > a.opensAt, {
    path: ["dueAt"],
    message: "The due date must come after the open date.",
  });
export type AssignmentInput = z.infer<typeof AssignmentSchema>;
