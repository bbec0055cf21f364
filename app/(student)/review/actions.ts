"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { userAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { startReview } from "@/lib/learning/queries";

// "Start review": builds the session of the facts that are due (or resumes the one in
// progress) and opens it.
export const startReviewAction = userAction(
  ["STUDENT", "LEARNER"],
  z.object({}),
  async (_input, user) => {
    const setId = await startReview(db, user);
    // Facts are due but none has a question to ask (held back, or changed since it was counted).
    if (!setId) throw new AppError("not_found", "Nothing is ready to review right now. Come back later.");
    redirect(`/quiz/${setId}`);
  },
  { next: "/review" },
);
