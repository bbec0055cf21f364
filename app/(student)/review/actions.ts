"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { formAction } from "@/lib/actions";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { startReview } from "@/lib/learning/queries";

// "Start review": builds the session of the facts that are due (or resumes the one in
// progress) and opens it; with nothing due, back to the review page, which says so.
export const startReviewAction = formAction(z.object({}), async () => {
  const user = await requireRole(["STUDENT", "LEARNER"], "/review");
  const setId = await startReview(db, user);
  redirect(setId ? `/quiz/${setId}` : "/review");
});
