// POST /api/answers - record one answer, idempotent by clientId (the offline queue retries it).
import { recordAnswer } from "@/lib/attempts/mutations";
import { AnswerRequestSchema } from "@/lib/attempts/schemas";
import { db } from "@/lib/db";
import { route } from "@/lib/route";

export const POST = route(
  {
    // The offline queue keeps the answer and retries on 401; the player shows this message.
    signedOutMessage: "Your session has ended: sign in again. Your answers are kept on this device.",
    body: AnswerRequestSchema,
    invalidBodyMessage: "That answer is malformed.",
  },
  ({ user, body }) => recordAnswer(db, user, body),
);
