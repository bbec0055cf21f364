"use server";

import { redirect } from "next/navigation";

import { userAction } from "@/lib/actions";
import { quizPath, StartAttemptSchema } from "@/lib/attempts/entry";
import { QUIZ_TAKERS, startOrResumeAttempt } from "@/lib/attempts/mutations";
import { db } from "@/lib/db";

// Start (or Try again) on a quiz or assignment page: starts the attempt, or resumes the one in
// progress, then back to the page, which now shows the player.
export const startAttemptAction = userAction(QUIZ_TAKERS, StartAttemptSchema, async (target, user) => {
  await startOrResumeAttempt(db, user, target);
  redirect(quizPath(target));
});
