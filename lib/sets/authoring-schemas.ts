// The forms for a question's options and answer (editing one) and for a teacher's own question
// (writing one). Zod checks the shape only; what a kind needs and what the article makes true are
// checked in lib/questions/authoring.ts, with messages under the same field names.
import { z } from "zod";

import type { AuthoredAnswer } from "@/lib/questions/authoring";

const id = z.string().min(1).max(64);
const line = z.string().trim().max(200, "Use at most 200 characters.");

/** Repeated inputs ("options", "left"...): one value or several, in the form's order. */
const rows = z
  .union([line, z.array(line).max(12, "Too many rows.")])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const value = (max = 200) => z.string().max(max, `Use at most ${max} characters.`).optional().default("");

export const QUESTION_TYPES = [
  "MULTIPLE_CHOICE",
  "TRUE_FALSE",
  "FILL_BLANK",
  "NUMERIC",
  "MATCHING",
  "ORDERING",
] as const;

/** The options and answer, by the question's type. */
export const AnswerFieldsSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("MULTIPLE_CHOICE"), options: rows, correct: value(2) }),
    z.object({ type: z.literal("TRUE_FALSE"), truth: value(5) }),
    z.object({ type: z.literal("FILL_BLANK"), answerText: value(), alternatives: value(2000), tolerance: value(3) }),
    z.object({ type: z.literal("NUMERIC"), answerText: value(40), tolerance: value(40) }),
    z.object({ type: z.literal("MATCHING"), left: rows, right: rows }),
    z.object({ type: z.literal("ORDERING"), items: rows }),
  ],
  { error: "Choose the type of question." },
) satisfies z.ZodType<AuthoredAnswer>;

export const EditAnswerSchema = z.object({ questionId: id, slug: z.string().max(200) }).and(AnswerFieldsSchema);
export type EditAnswerInput = z.infer<typeof EditAnswerSchema>;

export const WriteQuestionSchema = z
  .object({
    slug: z.string().min(1).max(200),
    /** The article's facts the question tests, by their key: one, or several for matching and ordering. */
    factKeys: z
      .union([id, z.array(id).max(12)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    stem: z.string().trim().min(5, "The question needs at least 5 characters.").max(500, "Use at most 500 characters."),
    explanation: z
      .string()
      .trim()
      .min(5, "The explanation needs at least 5 characters.")
      .max(1000, "Use at most 1000 characters."),
  })
  .and(AnswerFieldsSchema);
export type WriteQuestionInput = z.infer<typeof WriteQuestionSchema>;
