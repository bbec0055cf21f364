import { z } from "zod";

import { findKind, type AnyQuestionKind, type GivenAnswer } from "@/lib/questions/kinds";

// Each kind's answer schema, built once with Zod (kinds do not import it: see kind.ts).
const schemas = new WeakMap<AnyQuestionKind, z.ZodType>();
function answerSchemaOf(kind: AnyQuestionKind): z.ZodType {
  let schema = schemas.get(kind);
  if (!schema) schemas.set(kind, (schema = kind.answerSchema(z)));
  return schema;
}

/**
 * An answer: its `type` names the question kind, whose own answerSchema (lib/questions/kinds/)
 * says what else it holds. Issues keep their paths (`answer.text: Type an answer.`).
 */
export const GivenAnswerSchema = z.looseObject({ type: z.string().max(40) }).transform((value, ctx): GivenAnswer => {
  const kind = findKind(value.type);
  if (!kind) {
    ctx.issues.push({ code: "custom", path: ["type"], message: "Unknown question type.", input: value });
    return z.NEVER;
  }
  const parsed = answerSchemaOf(kind).safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.issues.push({ code: "custom", path: issue.path, message: issue.message, input: value });
    return z.NEVER;
  }
  // A registered kind's answer is its own shape; the shipped kinds' are GivenAnswer.
  return parsed.data as GivenAnswer;
});

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
