// What a quiz page shows before the player, read only: a GET (a reload, a link prefetch, a
// crawler with the student's cookies) never starts an attempt. The attempt starts when the
// student presses Start, a form posting StartAttemptSchema to startOrResumeAttempt.
import "server-only";

import { z } from "zod";

import type { CurrentUser } from "@/lib/auth/session";
import { feedbackVisible } from "@/lib/attempts/feedback";
import { QUIZ_TAKERS } from "@/lib/attempts/mutations";
import { loadQuizRows, type QuizRows } from "@/lib/attempts/store";
import {
  findQuizTarget,
  openAttempt,
  readAssignmentTarget,
  startRefusal,
  type AssignmentReads,
  type QuizRef,
  type QuizTarget,
} from "@/lib/attempts/target";
import { sqlOf, type Db } from "@/lib/db/client";

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

/** What an assignment's page reads before it knows who is asking (readQuizPage). */
export interface QuizPageReads {
  userId: string;
  target: AssignmentReads;
  /** The user's latest attempt at it with its questions and answers: the player's, when it is in progress. */
  latest: QuizRows | null;
}

/**
 * Everything an assignment's page may show, read at once for the user the session cookie names:
 * the page starts it beside the database's check of that session (one round trip on PostgreSQL,
 * where there were three: the session, the assignment, the quiz) and drops it unseen unless the
 * check accepts that user. Reads only, each scoped to `userId`. The latest attempt is read
 * whether or not it is in progress: its rows are used only when it is the one the page shows
 * (quizRowsToShow). An article's quiz or a review session (a set) is not read ahead: null.
 */
export async function readQuizPage(db: Db, userId: string, ref: QuizRef): Promise<QuizPageReads | null> {
  if (!ref.assignmentId) return null;
  const [target, latest] = await Promise.all([
    readAssignmentTarget(db, userId, ref.assignmentId),
    loadQuizRows(sqlOf(db), { userId, latestAtAssignmentId: ref.assignmentId }),
  ]);
  return { userId, target, latest };
}

/**
 * The quiz rows readQuizPage read, when they are of the attempt this entry shows (else the page
 * reads that attempt itself): the same attempt, with every question of its set.
 */
export function quizRowsToShow(reads: QuizPageReads | null | undefined, entry: QuizEntry): QuizRows | undefined {
  const rows = reads?.latest;
  if (!rows || rows.attempt.id !== entry.openAttemptId) return undefined;
  return rows.questions.length === entry.questionCount ? rows : undefined;
}

/**
 * A quiz page's state for this user, or null if they may not take it (another class's
 * assignment, another teacher's private quiz, someone else's review, no such id, a teacher).
 * `reads`: what readQuizPage read for this user and quiz, when the page started it.
 */
export async function findQuizEntry(
  db: Db,
  user: Actor,
  ref: QuizRef,
  now = new Date(),
  reads?: QuizPageReads | null,
): Promise<QuizEntry | null> {
  if (!(QUIZ_TAKERS as readonly string[]).includes(user.role)) return null;
  const target = await findQuizTarget(db, user, ref, now, reads?.target);
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
