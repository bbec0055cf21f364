// Reading attempts, always for their owner.
import type { CurrentUser } from "@/lib/auth/session";
import {
  feedbackRuleOf,
  feedbackVisible,
  parseStoredAnswer,
  responseFeedback,
  type Feedback,
} from "@/lib/attempts/feedback";
import { attemptDeadline } from "@/lib/attempts/clock";
import { loadQuestionUnscoped } from "@/lib/attempts/mutations";
import { finishExpiredAttempts, loadQuizRows, type QuizRows } from "@/lib/attempts/store";
import { inShownOrder } from "@/lib/attempts/shuffle";
import { toQuestionView, type QuestionView } from "@/lib/attempts/view";
import { sqlOf, type Db } from "@/lib/db/client";

type Actor = Pick<CurrentUser, "id">;

export interface AnsweredView {
  questionId: string;
  given: string;
  /** Null while correctness stays hidden (feedback after the due date). */
  feedback: Feedback | null;
}

export interface QuizState {
  attemptId: string;
  title: string;
  articleSlug: string | null;
  number: number;
  finished: boolean;
  score: number | null;
  dueAt: string | null;
  /** When a timed attempt stops taking answers (the server's clock); null without a time limit. */
  deadline: string | null;
  /** The server's clock when this was read: the phone corrects its own clock by it. */
  serverNow: string;
  /** Finished at its deadline with questions unanswered. */
  timedOut: boolean;
  feedbackVisible: boolean;
  questions: QuestionView[];
  answered: AnsweredView[];
}

/**
 * Everything the quiz player needs, with no right answer to a question not yet answered.
 * Every student opening a quiz asks, so its reads are hand-written SQL (lib/attempts/store.ts): four short
 * queries where Prisma made a dozen. `read`: this attempt's rows, read already for this user
 * (the quiz page reads them beside the session check: lib/attempts/entry.ts).
 */
export async function findQuizState(
  db: Db,
  user: Actor,
  attemptId: string,
  now = new Date(),
  read?: QuizRows,
): Promise<QuizState | null> {
  const sql = sqlOf(db);
  let rows = read?.attempt.id === attemptId ? read : await loadQuizRows(sql, { userId: user.id, attemptId });
  if (!rows) return null;
  const deadline = attemptDeadline(rows.attempt.startedAt, rows.attempt.timeLimitMinutes);
  if (deadline && deadline <= now && !rows.attempt.finished) {
    // Its time ran out: finished (at the deadline) before it is shown.
    await finishExpiredAttempts(sql, { userId: user.id }, now);
    rows = await loadQuizRows(sql, { userId: user.id, attemptId });
    if (!rows) return null;
  }
  const { attempt } = rows;
  const rule = feedbackRuleOf(rows);
  const visible = feedbackVisible(rule, now);
  return {
    attemptId: attempt.id,
    title: attempt.assignmentTitle ?? attempt.setTitle,
    articleSlug: attempt.articleSlug,
    number: attempt.number,
    finished: attempt.finished,
    score: visible ? attempt.score : null,
    dueAt: rule?.dueAt?.toISOString() ?? null,
    deadline: deadline?.toISOString() ?? null,
    serverNow: now.toISOString(),
    timedOut: deadline !== null && attempt.finished && rows.responses.length < rows.questions.length,
    feedbackVisible: visible,
    questions: rows.questions.map((q) => toQuestionView(inShownOrder(q, attempt.id))),
    answered: await Promise.all(
      rows.responses.map(async (response) => {
        // The response is this attempt's, which is the user's: its question is in scope.
        const question = visible ? await loadQuestionUnscoped(db, response.questionId) : null;
        return {
          questionId: response.questionId,
          given: parseStoredAnswer(response.answer).display,
          feedback: responseFeedback(response, question, rule, now),
        };
      }),
    ),
  };
}

export async function listAttemptHistory(db: Db, user: Actor) {
  const attempts = await db.attempt.findMany({
    where: { userId: user.id },
    orderBy: { startedAt: "desc" },
    take: 100,
    select: {
      id: true,
      number: true,
      startedAt: true,
      finishedAt: true,
      score: true,
      assignment: { select: { title: true, dueAt: true, feedbackPolicy: true } },
      set: { select: { title: true, _count: { select: { items: true } } } },
      _count: { select: { responses: true } },
    },
  });
  const now = new Date();
  return attempts.map((a) => ({
    id: a.id,
    title: a.assignment?.title ?? a.set.title,
    number: a.number,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    score: feedbackVisible(a.assignment, now) ? a.score : null,
    answered: a._count.responses,
    total: a.set._count.items,
  }));
}
