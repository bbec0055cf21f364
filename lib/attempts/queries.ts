// Reading attempts, always for their owner.
import type { CurrentUser } from "@/lib/auth/session";
import { feedbackFor, storedQuestionSelect, type Feedback } from "@/lib/attempts/grading";
import { feedbackVisible, parseStoredAnswer } from "@/lib/attempts/mutations";
import { toQuestionView, type QuestionView } from "@/lib/attempts/view";
import type { Db } from "@/lib/db/client";

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
  feedbackVisible: boolean;
  questions: QuestionView[];
  answered: AnsweredView[];
}

/** Everything the quiz player needs, with no right answer to a question not yet answered. */
export async function findQuizState(
  db: Db,
  user: Actor,
  attemptId: string,
  now = new Date(),
): Promise<QuizState | null> {
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId: user.id },
    select: {
      id: true,
      number: true,
      finishedAt: true,
      score: true,
      assignment: { select: { title: true, dueAt: true, feedbackPolicy: true } },
      set: {
        select: {
          title: true,
          article: { select: { slug: true } },
          items: {
            orderBy: { position: "asc" },
            select: { question: { select: { id: true, type: true, stem: true, asOf: true, options: true } } },
          },
        },
      },
      responses: {
        select: {
          questionId: true,
          answer: true,
          isCorrect: true,
          score: true,
          question: { select: storedQuestionSelect },
        },
      },
    },
  });
  if (!attempt) return null;
  const visible = feedbackVisible(attempt.assignment, now);
  return {
    attemptId: attempt.id,
    title: attempt.assignment?.title ?? attempt.set.title,
    articleSlug: attempt.set.article?.slug ?? null,
    number: attempt.number,
    finished: attempt.finishedAt !== null,
    score: visible ? attempt.score : null,
    dueAt: attempt.assignment?.dueAt?.toISOString() ?? null,
    feedbackVisible: visible,
    questions: attempt.set.items.map((item) => toQuestionView(item.question)),
    answered: attempt.responses.map((response) => {
      const stored = parseStoredAnswer(response.answer);
      return {
        questionId: response.questionId,
        given: stored.display,
        feedback: visible
          ? feedbackFor(
              response.question,
              { isCorrect: response.isCorrect, score: response.score, expected: stored.expected },
              stored.display,
            )
          : null,
      };
    }),
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
