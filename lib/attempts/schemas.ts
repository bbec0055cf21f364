import { z } from "zod";

const position = z.number().int().min(0).max(20);

export const GivenAnswerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.enum(["MULTIPLE_CHOICE", "TRUE_FALSE"]), position }),
  z.object({ type: z.enum(["FILL_BLANK", "NUMERIC"]), text: z.string().trim().min(1, "Type an answer.").max(200) }),
  z.object({ type: z.literal("MATCHING"), matches: z.array(z.string().max(200)).min(1).max(10) }),
  z.object({ type: z.literal("ORDERING"), order: z.array(position).min(2).max(10) }),
]);

/** POST /api/answers: one answer, idempotent by clientId. */
export const AnswerRequestSchema = z.object({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "clientId must be 8-64 letters, digits, - or _"),
  attemptId: z.string().min(1).max(64),
  questionId: z.string().min(1).max(64),
  answer: GivenAnswerSchema,
  /** When the student answered, by the browser's clock (ISO 8601). */
  answeredAt: z.iso.datetime({ offset: true }),
  /** How long the question was on screen before the answer, in ms. */
  responseMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000)
    .optional(),
});
export type AnswerRequest = z.infer<typeof AnswerRequestSchema>;

export const ReportSchema = z.object({
  questionId: z.string().min(1).max(64),
  reason: z.enum(["WRONG", "UNCLEAR", "OUT_OF_DATE", "OTHER"]),
});
