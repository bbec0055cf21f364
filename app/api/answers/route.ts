// POST /api/answers - record one answer, idempotent by clientId (the offline queue retries it).
import { readAnswer, recordAnswer, recordReadAnswer } from "@/lib/attempts/mutations";
import { AnswerRequestSchema } from "@/lib/attempts/schemas";
import { db } from "@/lib/db";
import { route } from "@/lib/route";

export const POST = route(
  {
    // The offline queue keeps the answer and retries on 401; the player shows this message.
    signedOutMessage: "Your session has ended: sign in again. Your answers are kept on this device.",
    body: AnswerRequestSchema,
    invalidBodyMessage: "That answer is malformed.",
    // Its reads leave with the session check: one round trip before the answer's writes.
    prefetch: ({ userId, body }) => readAnswer(db, userId, body),
  },
  async ({ user, body, prefetched }) =>
    prefetched ? recordReadAnswer(db, user, await prefetched) : recordAnswer(db, user, body),
);
