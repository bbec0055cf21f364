// Starting attempts and recording answers. recordAnswer is idempotent: the browser picks a
// clientId per answer, and a retry, a double tap or a replay from the offline queue finds
// the stored response instead of making another (unique keys decide races).
import { articleVisibleTo } from "@/lib/articles/queries";
import type { CurrentUser } from "@/lib/auth/session";
import {
  feedbackFor,
  storedQuestionSelect,
  toGradable,
  type Feedback,
  type StoredQuestion,
} from "@/lib/attempts/grading";
import type { AnswerRequest } from "@/lib/attempts/schemas";
import { describeAnswer } from "@/lib/attempts/view";
import { isUniqueViolation, type Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { newMemory, ratingFor, review } from "@/lib/learning/memory";
import { gradeAnswer } from "@/lib/questions/grade";
import type { GivenAnswer } from "@/lib/questions/types";

/**
 * Response.answer: the answer as given, plus in words what it was and what the right answer
 * was at that version, so summaries and exports never depend on the question's later versions.
 */
export type StoredAnswer = GivenAnswer & { display: string; expected: string };

export function parseStoredAnswer(json: string): StoredAnswer {
  const value = JSON.parse(json) as Partial<StoredAnswer>;
  return { ...(value as StoredAnswer), display: value.display ?? "", expected: value.expected ?? "" };
}

type Actor = Pick<CurrentUser, "id" | "role">;

export const QUIZ_TAKERS = ["STUDENT", "LEARNER"] as const;

export interface StartResult {
  attemptId: string;
  /** The assignment's attempts are used up: this is the last one, finished. */
  limitReached: boolean;
}

/** Resumes the open attempt at a set (or an assignment), or starts the next one allowed. */
export async function startOrResumeAttempt(
  db: Db,
  user: Actor,
  { setId, assignmentId }: { setId?: string; assignmentId?: string },
  now = new Date(),
): Promise<StartResult> {
  if (!(QUIZ_TAKERS as readonly string[]).includes(user.role))
    throw new AppError("forbidden", "Quizzes are taken with a student or learner account.");
  let maxAttempts = Number.POSITIVE_INFINITY;
  if (assignmentId) {
    const assignment = await db.assignment.findFirst({
      where: {
        id: assignmentId,
        class: { archivedAt: null, enrolments: { some: { studentId: user.id, removedAt: null } } },
      },
      select: { setId: true, opensAt: true, maxAttempts: true },
    });
    if (!assignment) throw notFound("That assignment");
    if (assignment.opensAt > now) throw new AppError("forbidden", "This assignment is not open yet.");
    setId = assignment.setId;
    maxAttempts = assignment.maxAttempts;
  } else {
    const set = await db.questionSet.findFirst({
      where: {
        id: setId ?? "",
        OR: [
          { kind: "ARTICLE", article: articleVisibleTo(user) },
          { kind: "REVIEW", ownerId: user.id },
        ],
      },
      select: { id: true },
    });
    if (!set) throw notFound("That quiz");
  }
  const attempts = await db.attempt.findMany({
    where: { userId: user.id, setId: setId!, assignmentId: assignmentId ?? null },
    orderBy: { number: "asc" },
    select: { id: true, number: true, finishedAt: true },
  });
  const open = attempts.find((a) => !a.finishedAt);
  if (open) return { attemptId: open.id, limitReached: false };
  const last = attempts.at(-1);
  if (last && attempts.length >= maxAttempts) return { attemptId: last.id, limitReached: true };
  try {
    const created = await db.attempt.create({
      data: {
        userId: user.id,
        setId: setId!,
        assignmentId: assignmentId ?? null,
        number: (last?.number ?? 0) + 1,
        startedAt: now,
      },
      select: { id: true },
    });
    return { attemptId: created.id, limitReached: false };
  } catch (error) {
    // Another tab started it at the same moment.
    if (!isUniqueViolation(error)) throw error;
    return startOrResumeAttempt(db, user, { setId, assignmentId }, now);
  }
}

export interface AnswerOutcome {
  status: "saved";
  /** This answer (or another for the same question) was stored earlier: nothing changed. */
  duplicate: boolean;
  late: boolean;
  attemptFinished: boolean;
  /** Null while the assignment keeps correctness hidden until its due date. */
  feedback: Feedback | null;
}

export function feedbackVisible(assignment: { dueAt: Date | null; feedbackPolicy: string } | null, now: Date): boolean {
  return (
    !assignment || assignment.feedbackPolicy === "IMMEDIATE" || (assignment.dueAt !== null && now >= assignment.dueAt)
  );
}

async function storedOutcome(
  db: Db,
  user: Actor,
  where: { clientId: string } | { attemptId_questionId: { attemptId: string; questionId: string } },
  now: Date,
): Promise<AnswerOutcome | null> {
  const response = await db.response.findUnique({
    where,
    select: {
      answer: true,
      isCorrect: true,
      score: true,
      late: true,
      question: { select: storedQuestionSelect },
      attempt: {
        select: { userId: true, finishedAt: true, assignment: { select: { dueAt: true, feedbackPolicy: true } } },
      },
    },
  });
  if (!response) return null;
  // Someone else's key: behave as if it did not exist.
  if (response.attempt.userId !== user.id) throw notFound("That attempt");
  const stored = parseStoredAnswer(response.answer);
  return {
    status: "saved",
    duplicate: true,
    late: response.late,
    attemptFinished: response.attempt.finishedAt !== null,
    feedback: feedbackVisible(response.attempt.assignment, now)
      ? feedbackFor(
          response.question,
          { isCorrect: response.isCorrect, score: response.score, expected: stored.expected },
          stored.display,
        )
      : null,
  };
}

// Questions change rarely (a teacher's edit, a content load) and every change bumps updatedAt:
// keep the graded form of each question version in memory instead of reloading it per answer.
const questionCache = new Map<string, StoredQuestion>();
const QUESTION_CACHE_LIMIT = 5000;

async function loadStoredQuestion(
  db: Db,
  ref: { id: string; version: number; updatedAt: Date; facts: { fact: { updatedAt: Date } }[] },
): Promise<StoredQuestion> {
  // A fact's aliases are accepted answers too: an edited fact makes a new key.
  const factsChanged = Math.max(0, ...ref.facts.map((f) => f.fact.updatedAt.getTime()));
  const key = `${ref.id}@${ref.version}@${ref.updatedAt.getTime()}@${factsChanged}`;
  const cached = questionCache.get(key);
  if (cached) return cached;
  const question = await db.question.findUniqueOrThrow({ where: { id: ref.id }, select: storedQuestionSelect });
  if (questionCache.size >= QUESTION_CACHE_LIMIT) questionCache.delete(questionCache.keys().next().value!);
  questionCache.set(key, question);
  return question;
}

export async function recordAnswer(
  db: Db,
  user: Actor,
  request: AnswerRequest,
  now = new Date(),
  retried = false,
): Promise<AnswerOutcome> {
  const earlier = await storedOutcome(db, user, { clientId: request.clientId }, now);
  if (earlier) return earlier;

  const attempt = await db.attempt.findFirst({
    where: { id: request.attemptId, userId: user.id },
    select: {
      id: true,
      setId: true,
      startedAt: true,
      assignment: { select: { dueAt: true, feedbackPolicy: true } },
      set: {
        select: {
          _count: { select: { items: true } },
          // The question, if it is in this quiz, and which version of it is current.
          items: {
            where: { questionId: request.questionId },
            select: {
              question: {
                select: {
                  id: true,
                  version: true,
                  updatedAt: true,
                  facts: { select: { fact: { select: { updatedAt: true } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!attempt) throw notFound("That attempt");
  const current = attempt.set.items[0]?.question;
  if (!current) throw notFound("That question");
  const question = await loadStoredQuestion(db, current);
  if (question.type !== request.answer.type)
    throw new AppError("invalid_input", `That answer is not for a ${question.type} question.`);

  const result = gradeAnswer(toGradable(question), request.answer);
  const given = describeAnswer(request.answer, question.options);
  // The browser's clock says when the student answered (offline answers arrive later), but
  // never before the attempt started or after the server received it.
  const answeredAt = new Date(
    Math.min(Math.max(Date.parse(request.answeredAt), attempt.startedAt.getTime()), now.getTime()),
  );
  const late = attempt.assignment?.dueAt ? answeredAt > attempt.assignment.dueAt : false;
  const rating = ratingFor({ score: result.score, responseMs: request.responseMs });

  // Reads first, then every write in one batch transaction: an interactive transaction would
  // hold SQLite's single writer lock across several round trips while other answers wait.
  const factIds = question.facts.map((f) => f.fact.id);
  const states = await db.reviewState.findMany({ where: { userId: user.id, factId: { in: factIds } } });
  const memoryWrites = factIds.map((factId) => {
    const current = states.find((s) => s.factId === factId);
    const next = review(current ?? newMemory(answeredAt), rating, answeredAt);
    return db.reviewState.upsert({
      where: { userId_factId: { userId: user.id, factId } },
      create: { userId: user.id, factId, ...next },
      update: next,
    });
  });
  try {
    await db.$transaction([
      db.response.create({
        data: {
          attemptId: attempt.id,
          questionId: question.id,
          questionVersion: question.version,
          clientId: request.clientId,
          answer: JSON.stringify({
            ...request.answer,
            display: given,
            expected: result.expected,
          } satisfies StoredAnswer),
          isCorrect: result.isCorrect,
          score: result.score,
          late,
          responseMs: request.responseMs ?? null,
          answeredAt,
          receivedAt: now,
        },
        select: { id: true },
      }),
      ...memoryWrites,
    ]);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same key, or another answer to the same question, got there first.
    const stored =
      (await storedOutcome(db, user, { clientId: request.clientId }, now)) ??
      (await storedOutcome(
        db,
        user,
        { attemptId_questionId: { attemptId: attempt.id, questionId: question.id } },
        now,
      ));
    if (stored) return stored;
    // Another answer on the same fact created its memory row first: read it and go again.
    if (!retried) return recordAnswer(db, user, request, now, true);
    throw error;
  }
  // The answer is stored; the attempt is finished when every question has one.
  const answered = await db.response.aggregate({
    where: { attemptId: attempt.id },
    _count: true,
    _sum: { score: true },
  });
  let attemptFinished = false;
  if (answered._count >= attempt.set._count.items) {
    const score = (answered._sum.score ?? 0) / Math.max(1, attempt.set._count.items);
    await db.attempt.updateMany({ where: { id: attempt.id, finishedAt: null }, data: { finishedAt: now, score } });
    attemptFinished = true;
  }
  return {
    status: "saved",
    duplicate: false,
    late,
    attemptFinished,
    feedback: feedbackVisible(attempt.assignment, now) ? feedbackFor(question, result, given) : null,
  };
}

/** One tap: "this question is wrong / unclear / out of date". One report per user and question. */
export async function reportQuestion(
  db: Db,
  user: Actor,
  questionId: string,
  reason: "WRONG" | "UNCLEAR" | "OUT_OF_DATE" | "OTHER",
): Promise<void> {
  const question = await db.question.findFirst({
    where: { id: questionId, status: { not: "HELD_BACK" } },
    select: { id: true },
  });
  if (!question) throw notFound("That question");
  await db.questionReport.upsert({
    where: { questionId_userId: { questionId, userId: user.id } },
    create: { questionId, userId: user.id, reason },
    update: { reason, resolvedAt: null },
  });
}
