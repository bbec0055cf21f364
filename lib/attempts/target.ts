// The quiz a page names (an article's quiz, a review session, or an assignment) as the acting
// user may take it, with their attempts at it. One lookup shared by the page's read
// (lib/attempts/entry.ts) and the start's write (startOrResumeAttempt), so that the page shows
// no more than Start would accept, and Start refuses what the page would not show.
import "server-only";

import { articleVisibleTo } from "@/lib/articles/queries";
import { attemptDeadline } from "@/lib/attempts/clock";
import type { CurrentUser } from "@/lib/auth/session";
import {
  finishExpiredAttempts,
  findStudentAssignment,
  listAttemptsAt,
  type StudentAssignment,
} from "@/lib/attempts/store";
import { sqlOf, type Db } from "@/lib/db/client";

type Actor = Pick<CurrentUser, "id" | "role">;

/** What a quiz page (and its Start) is about: one of the two. */
export interface QuizRef {
  setId?: string;
  assignmentId?: string;
}

export interface QuizTarget {
  setId: string;
  assignmentId: string | null;
  /** The assignment's title, else the set's. */
  title: string;
  kind: "ARTICLE" | "REVIEW" | "CUSTOM";
  questionCount: number;
  /** The assignment's rules; null for an article's quiz or a review session. */
  assignment: {
    opensAt: Date;
    closedAt: Date | null;
    dueAt: Date | null;
    maxAttempts: number;
    feedbackPolicy: string;
    /** Minutes each attempt may take; null for no limit. */
    timeLimitMinutes: number | null;
    /** A live game's: played only through the game. */
    live: boolean;
  } | null;
  /** The user's attempts at it, oldest first. */
  attempts: { id: string; number: number; startedAt: Date; finishedAt: Date | null; score: number | null }[];
}

export const CLOSED_MESSAGE = "Your teacher has closed this assignment: it takes no more answers.";
const NOT_OPEN_MESSAGE = "This assignment is not open yet.";
export const LIVE_ONLY_MESSAGE = "This is a live game: it is played only while your teacher runs it, from its code.";

/** An assignment as its student may see it and their attempts at it: what findQuizTarget reads. */
export interface AssignmentReads {
  assignmentId: string;
  userId: string;
  row: StudentAssignment | null;
  attempts: QuizTarget["attempts"];
}

/**
 * findQuizTarget's reads for an assignment, side by side; reads only, scoped to `userId`, so a
 * page may start them beside the session check (lib/attempts/entry.ts's readQuizPage).
 */
export async function readAssignmentTarget(db: Db, userId: string, assignmentId: string): Promise<AssignmentReads> {
  const sql = sqlOf(db);
  const [row, attempts] = await Promise.all([
    findStudentAssignment(sql, { assignmentId, userId }),
    listAttemptsAt(sql, { userId, assignmentId }),
  ]);
  return { assignmentId, userId, row, attempts };
}

/**
 * The quiz, if this user may see it: an assignment of a class they are on (not removed, the
 * class not archived), an article's quiz whose article they may read, or their own review
 * session. Anything else is null, whether it exists or not. `read`: the assignment's reads,
 * made already by readAssignmentTarget for this user and assignment.
 */
export async function findQuizTarget(
  db: Db,
  user: Actor,
  ref: QuizRef,
  now = new Date(),
  read?: AssignmentReads,
): Promise<QuizTarget | null> {
  const sql = sqlOf(db);
  let target: Omit<QuizTarget, "attempts">;
  let attempts: QuizTarget["attempts"];
  if (ref.assignmentId) {
    if (read && (read.userId !== user.id || read.assignmentId !== ref.assignmentId))
      throw new Error("These assignment reads were made for another user or assignment.");
    // A whole class opens an assignment at once: its checks are hand-written SQL (the store),
    // the assignment and the user's attempts at it read side by side.
    const { row, attempts: listed } = read ?? (await readAssignmentTarget(db, user.id, ref.assignmentId));
    if (!row) return null;
    target = {
      setId: row.setId,
      assignmentId: ref.assignmentId,
      title: row.title,
      kind: row.kind,
      questionCount: row.items,
      assignment: {
        opensAt: row.opensAt,
        closedAt: row.closedAt,
        dueAt: row.dueAt,
        maxAttempts: row.maxAttempts,
        feedbackPolicy: row.feedbackPolicy,
        timeLimitMinutes: row.timeLimitMinutes,
        live: row.live,
      },
    };
    attempts = listed;
    // A timed attempt whose time ran out is finished (at its deadline) before anything reads
    // it: the page shows its result, and Start begins the next one.
    const expired = (a: QuizTarget["attempts"][number]) => {
      const deadline = attemptDeadline(a.startedAt, row.timeLimitMinutes);
      return a.finishedAt === null && deadline !== null && deadline <= now;
    };
    if (attempts.some(expired)) {
      await finishExpiredAttempts(sql, { userId: user.id, assignmentId: ref.assignmentId }, now);
      attempts = await listAttemptsAt(sql, { userId: user.id, assignmentId: ref.assignmentId });
    }
  } else {
    const set = await db.questionSet.findFirst({
      where: {
        id: ref.setId ?? "",
        OR: [
          { kind: "ARTICLE", article: articleVisibleTo(user) },
          { kind: "REVIEW", ownerId: user.id },
        ],
      },
      select: { id: true, title: true, kind: true, _count: { select: { items: true } } },
    });
    if (!set) return null;
    target = {
      setId: set.id,
      assignmentId: null,
      title: set.title,
      kind: set.kind,
      questionCount: set._count.items,
      assignment: null,
    };
    attempts = await listAttemptsAt(sql, { userId: user.id, setId: set.id });
  }
  return { ...target, attempts };
}

/** The attempt in progress, if there is one. */
export function openAttempt(target: QuizTarget) {
  return target.attempts.find((a) => a.finishedAt === null) ?? null;
}

/**
 * Why pressing Start would be refused now (the assignment is not open yet, closed, or its
 * attempts are used up), or null when it would start or resume an attempt.
 */
export function startRefusal(target: QuizTarget, now: Date): string | null {
  const assignment = target.assignment;
  if (!assignment) return null;
  if (assignment.live) return LIVE_ONLY_MESSAGE;
  if (assignment.opensAt > now) return NOT_OPEN_MESSAGE;
  if (assignment.closedAt !== null) return CLOSED_MESSAGE;
  if (!openAttempt(target) && target.attempts.length >= assignment.maxAttempts)
    return "You have used all your attempts at this assignment.";
  return null;
}
