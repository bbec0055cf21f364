// POST /api/reports - a student flags a question as wrong, unclear or out of date (one per student and question).
import { reportQuestion } from "@/lib/attempts/mutations";
import { ReportSchema } from "@/lib/attempts/schemas";
import { db } from "@/lib/db";
import { route } from "@/lib/route";

export const POST = route(
  { body: ReportSchema, invalidBodyMessage: "Choose wrong, unclear or out of date." },
  async ({ user, body }) => {
    await reportQuestion(db, user, body.questionId, body.reason);
    return { status: "reported" };
  },
);
