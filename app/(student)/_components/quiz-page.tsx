import { notFound, redirect } from "next/navigation";

import { FormMessage } from "@/components/ui/form-message";
import { QUIZ_TAKERS, startOrResumeAttempt } from "@/lib/attempts/mutations";
import { findQuizState } from "@/lib/attempts/queries";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

import { QuizPlayer } from "./quiz-player";

/** Starts or resumes the student's attempt and shows the player (shared by quiz and assignment pages). */
export async function QuizPage({ path, target }: { path: string; target: { setId?: string; assignmentId?: string } }) {
  const user = await requireUser(path);
  // Quizzes are answered with student and learner accounts; to anyone else they do not exist.
  if (!(QUIZ_TAKERS as readonly string[]).includes(user.role)) notFound();
  let started;
  try {
    started = await startOrResumeAttempt(db, user, target);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError) return <FormMessage tone="error">{error.message}</FormMessage>;
    throw error;
  }
  if (started.limitReached) redirect(`/attempts/${started.attemptId}`);
  const state = await findQuizState(db, user, started.attemptId);
  if (!state) notFound();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-lg font-semibold text-muted">{state.title}</h1>
      <QuizPlayer state={state} userId={user.id} />
    </div>
  );
}
