// Reading attempts, always for their owner.
import type { CurrentUser } from "@/lib/auth/session";
import {
  feedbackRuleOf,
  feedbackVisible,
  parseStoredAnswer,
  responseFeedback,
  type Feedback,
} from "@/lib/attempts/feedback";
import { loadQuestionUnscoped } from "@/lib/attempts/mutations";
import { toQuestionView, type QuestionView, type StoredOption } from "@/lib/attempts/view";
import { sqlOf, type Db } from "@/lib/db/client";
import { asBoolean, asNullableDate } from "@/lib/db/sql";
import type { QuestionTypeName } from "@/lib/questions/types";

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

/**
 * Everything the quiz player needs, with no right answer to a question not yet answered.
 * Every student opening a quiz asks, so it is hand-written SQL (lib/db/sql.ts): four short
 * queries where Prisma made a dozen.
 */
export async function findQuizState(
  db: Db,
  user: Actor,
  attemptId: string,
  now = new Date(),
): Promise<QuizState | null> {
  const sql = sqlOf(db);
  const attempt = await sql.one<{
    id: string;
    number: number;
    finishedAt: unknown;
    score: number | null;
    setId: string;
    setTitle: string;
    articleSlug: string | null;
    assignmentTitle: string | null;
    dueAt: unknown;
    feedbackPolicy: string | null;
  }>(
    `SELECT a."id", a."number", a."finishedAt", a."score", a."setId", qs."title" AS "setTitle",
            ar."slug" AS "articleSlug", s."title" AS "assignmentTitle", s."dueAt", s."feedbackPolicy"
     FROM "Attempt" a
     JOIN "QuestionSet" qs ON qs."id" = a."setId"
     LEFT JOIN "Article" ar ON ar."id" = qs."articleId"
     LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"
     WHERE a."id" = ? AND a."userId" = ?`,
    [attemptId, user.id],
  );
  if (!attempt) return null;
  const [questions, options, responses] = await Promise.all([
    sql.all<{ id: string; type: QuestionTypeName; stem: string; asOf: unknown }>(
      `SELECT q."id", q."type", q."stem", q."asOf"
       FROM "QuestionSetItem" i JOIN "Question" q ON q."id" = i."questionId"
       WHERE i."setId" = ? ORDER BY i."position"`,
      [attempt.setId],
    ),
    sql.all<StoredOption & { questionId: string; isCorrect: unknown }>(
      `SELECT o."questionId", o."position", o."text", o."isCorrect", o."matchText", o."correctPosition"
       FROM "QuestionOption" o JOIN "QuestionSetItem" i ON i."questionId" = o."questionId"
       WHERE i."setId" = ?`,
      [attempt.setId],
    ),
    sql.all<{ questionId: string; answer: string; isCorrect: unknown; score: number }>(
      `SELECT "questionId", "answer", "isCorrect", "score" FROM "Response" WHERE "attemptId" = ?`,
      [attempt.id],
    ),
  ]);
  const rule = feedbackRuleOf({ dueAt: asNullableDate(attempt.dueAt), feedbackPolicy: attempt.feedbackPolicy });
  const visible = feedbackVisible(rule, now);
  const optionsOf = (questionId: string) =>
    options
      .filter((o) => o.questionId === questionId)
      .map(({ questionId: _question, ...o }) => ({ ...o, isCorrect: asBoolean(o.isCorrect) }));
  return {
    attemptId: attempt.id,
    title: attempt.assignmentTitle ?? attempt.setTitle,
    articleSlug: attempt.articleSlug,
    number: attempt.number,
    finished: attempt.finishedAt !== null,
    score: visible ? attempt.score : null,
    dueAt: rule?.dueAt?.toISOString() ?? null,
    feedbackVisible: visible,
    questions: questions.map((q) => toQuestionView({ ...q, asOf: asNullableDate(q.asOf), options: optionsOf(q.id) })),
    answered: await Promise.all(
      responses.map(async (response) => {
        // The response is this attempt's, which is the user's: its question is in scope.
        const question = visible ? await loadQuestionUnscoped(db, response.questionId) : null;
        return {
          questionId: response.questionId,
          given: parseStoredAnswer(response.answer).display,
          feedback: responseFeedback(
            { answer: response.answer, isCorrect: asBoolean(response.isCorrect), score: response.score },
            question,
            rule,
            now,
          ),
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
