// What a quiz page shows before the player, read only: a GET (a reload, a link prefetch, a
// crawler with the student's cookies) never starts an attempt. The attempt starts when the
// student presses Start, a form posting StartAttemptSchema to startOrResumeAttempt.
import "server-only";

import { z } from "zod";

import type { CurrentUser } from "@/lib/auth/session";
import { feedbackVisible } from "@/lib/attempts/feedback";
import { QUIZ_TAKERS } from "@/lib/attempts/mutations";
import { findQuizTarget, openAttempt, startRefusal, type QuizRef, type QuizTarget } from "@/lib/attempts/target";
import type { Db } from "@/lib/db/client";

type Actor = Pick<CurrentUser, "id" | "role">;

/** The Start form: an article's quiz (or review session) by its set, or an assignment. */
export const StartAttemptSchema = z.union([
  z.object({ setId: z.string().min(1).max(100) }),
  z.object({ assignmentId: z.string().min(1).max(100) }),
]);
export type StartAttempt = z.infer<typeof StartAttemptSchema>;

/** The page a quiz is taken on. */
export function quizPath(ref: QuizRef): string {
  return ref.assignmentId ? `/assignments/${ref.assignmentId}` : `/quiz/${ref.setId}`;
}

export interface QuizEntry {
  setId: string;
  assignmentId: string | null;
  title: string;
  kind: QuizTarget["kind"];
  questionCount: number;
  /** An assignment's rules, for the start screen; null for an article's quiz or a review. */
  rules: {
    maxAttempts: number;
    attemptsUsed: number;
    dueAt: Date | null;
    /** Right and wrong stay hidden until the due date. */
    resultsHidden: boolean;
    /** Minutes each attempt may take once started; null for no limit. */
    timeLimitMinutes: number | null;
  } | null;
  /** The attempt in progress: the page shows the player. */
  openAttemptId: string | null;
  /** The latest finished attempt; its score is null while results are hidden. */
  lastFinished: { attemptId: string; number: number; score: number | null } | null;
  /** Why Start would be refused now (not open yet, closed, attempts used up); null when it works. */
  refusal: string | null;
}

/**
 * A quiz page's state for this user, or null if they may not take it (another class's
 * assignment, another teacher's private quiz, someone else's review, no such id, a teacher).
 */
export async function findQuizEntry(db: Db, user: Actor, ref: QuizRef, now = new Date()): Promise<QuizEntry | null> {
  if (!(QUIZ_TAKERS as readonly string[]).includes(user.role)) return null;
  const target = await findQuizTarget(db, user, ref, now);
  if (!target) return null;
  const visible = feedbackVisible(target.assignment, now);
  const finished = target.attempts.filter((a) => a.finishedAt !== null).at(-1);
  return {
    setId: target.setId,
    assignmentId: target.assignmentId,
    title: target.title,
    kind: target.kind,
    questionCount: target.questionCount,
    rules: target.assignment && {
      maxAttempts: target.assignment.maxAttempts,
      attemptsUsed: target.attempts.length,
      dueAt: target.assignment.dueAt,
      resultsHidden: !visible,
      timeLimitMinutes: target.assignment.timeLimitMinutes,
    },
    openAttemptId: openAttempt(target)?.id ?? null,
    lastFinished: finished
      ? { attemptId: finished.id, number: finished.number, score: visible ? finished.score : null }
      : null,
    refusal: startRefusal(target, now),
  };
}
