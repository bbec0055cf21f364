"use server";

import { redirect } from "next/navigation";

import { formAction } from "@/lib/actions";
import { quizPath, StartAttemptSchema } from "@/lib/attempts/entry";
import { startOrResumeAttempt } from "@/lib/attempts/mutations";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

// Start (or Try again) on a quiz or assignment page: starts the attempt, or resumes the one in
// progress, then back to the page, which now shows the player.
export const startAttemptAction = formAction(StartAttemptSchema, async (target) => {
  const user = await requireUser(quizPath(target));
  await startOrResumeAttempt(db, user, target);
  redirect(quizPath(target));
});
