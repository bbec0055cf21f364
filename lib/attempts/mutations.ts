// Starting attempts and recording answers. recordAnswer is idempotent: the browser picks a
// clientId per answer, and a retry, a double tap or a replay from the offline queue finds
// the stored response instead of making another (unique keys decide races).
import { articleVisibleTo } from "@/lib/articles/queries";
import type { CurrentUser } from "@/lib/auth/session";
import {
  feedbackRuleOf,
  feedbackVisible,
  responseFeedback,
  type Feedback,
  type StoredAnswer,
} from "@/lib/attempts/feedback";
import { attemptDeadline, judgeAnswerTime } from "@/lib/attempts/clock";
import { toGradable, type StoredQuestion } from "@/lib/attempts/grading";
import type { AnswerRequest } from "@/lib/attempts/schemas";
import {
  type AnswerTarget,
  findAnswerTarget,
  findQuestionRef,
  findStoredResponse,
  insertResponse,
  loadStoredQuestion,
  lockAttempt,
  scoreAttempt,
  type QuestionRef,
} from "@/lib/attempts/store";
import { isShuffled, shownOrder } from "@/lib/attempts/shuffle";
import {
  CLOSED_MESSAGE,
  findQuizTarget,
  LIVE_ONLY_MESSAGE,
  openAttempt,
  startRefusal,
  type QuizRef,
} from "@/lib/attempts/target";
import { describeAnswer } from "@/lib/attempts/view";
import { isUniqueViolation, sqlOf, type Db } from "@/lib/db/client";
import { SqlConflict, type SqlStatement } from "@/lib/db/sql";
import { AppError, notFound } from "@/lib/errors";
import { ratingFor } from "@/lib/learning/memory";
import { plannedMemoryWrites, readQuestionMemory, type MemoryRows } from "@/lib/learning/memory-store";
import { gradeAnswer } from "@/lib/questions/grade";

type Actor = Pick<CurrentUser, "id" | "role">;

// The clock rule lives in lib/attempts/clock.ts; re-exported where it was first defined.
export { ANSWER_CLOCK_GRACE_MS } from "@/lib/attempts/clock";

export const QUIZ_TAKERS = ["STUDENT", "LEARNER"] as const;

/** Refused answers of a timed attempt: given at or after its deadline. */
export const TIME_UP_MESSAGE = "Time was up for this attempt: answers given after its time limit do not count.";

/**
 * Starts an attempt when the student presses Start: resumes the one in progress (a double tap,
 * another tab), or starts the next one the assignment allows. A quiz page never calls this
 * while rendering (lib/attempts/entry.ts reads what it shows).
 */
export async function startOrResumeAttempt(
  db: Db,
  user: Actor,
  ref: QuizRef,
  now = new Date(),
): Promise<{ attemptId: string }> {
  if (!(QUIZ_TAKERS as readonly string[]).includes(user.role))
    throw new AppError("forbidden", "Quizzes are taken with a student or learner account.");
  const target = await findQuizTarget(db, user, ref, now);
  if (!target) throw notFound(ref.assignmentId ? "That assignment" : "That quiz");
  const refusal = startRefusal(target, now);
  if (refusal) throw new AppError("forbidden", refusal);
  const open = openAttempt(target);
  if (open) return { attemptId: open.id };
  try {
    const created = await db.attempt.create({
      data: {
        userId: user.id,
        setId: target.setId,
        assignmentId: target.assignmentId,
        number: (target.attempts.at(-1)?.number ?? 0) + 1,
        startedAt: now,
      },
      select: { id: true },
    });
    return { attemptId: created.id };
  } catch (error) {
    // Another tab started it at the same moment.
    if (!isUniqueViolation(error)) throw error;
    return startOrResumeAttempt(db, user, ref, now);
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

async function storedOutcome(
  db: Db,
  user: Actor,
  where: { clientId: string } | { attemptId: string; questionId: string },
  now: Date,
): Promise<AnswerOutcome | null> {
  const response = await findStoredResponse(sqlOf(db), where);
  if (!response) return null;
  // Someone else's key: behave as if it did not exist.
  if (response.userId !== user.id) throw notFound("That attempt");
  const rule = feedbackRuleOf(response);
  const question = feedbackVisible(rule, now) ? await loadQuestionUnscoped(db, response.questionId) : null;
  return {
    status: "saved",
    duplicate: true,
    late: response.late,
    attemptFinished: response.attemptFinished,
    feedback: responseFeedback(response, question, rule, now),
  };
}

// Questions change rarely (a teacher's edit, a content load) and every change bumps updatedAt:
// keep the graded form of each question version in memory instead of reloading it per answer.
const questionCache = new Map<string, StoredQuestion>();
const QUESTION_CACHE_LIMIT = 5000;

async function cachedQuestion(db: Db, ref: QuestionRef): Promise<StoredQuestion> {
  const key = `${ref.id}@${ref.version}@${ref.updatedAt.getTime()}@${ref.factsUpdatedAt?.getTime() ?? 0}`;
  const cached = questionCache.get(key);
  if (cached) return cached;
  const question = await loadStoredQuestion(db, ref.id);
  if (questionCache.size >= QUESTION_CACHE_LIMIT) questionCache.delete(questionCache.keys().next().value!);
  questionCache.set(key, question);
  return question;
}

/**
 * The graded form of a question's current version, from the cache when it is there. Unscoped:
 * it checks no actor, so call it only for a question the caller has already scoped (a response
 * of the acting user's, a question in their attempt's set).
 */
export async function loadQuestionUnscoped(db: Db, questionId: string): Promise<StoredQuestion | null> {
  const ref = await findQuestionRef(sqlOf(db), questionId);
  return ref ? cachedQuestion(db, ref) : null;
}

/** How many times an answer is tried again after losing a race for a memory row. */
const MEMORY_RETRIES = 3;

/**
 * A live game's answer (lib/live/answers.ts): the game has judged when it was given and how long
 * it took, and its guards, run in the answer's own transaction, fail it (SqlConflict) when the
 * question closed before it was stored.
 */
export interface LiveAnswerGate {
  answeredAt: Date;
  elapsedMs: number;
  guards: SqlStatement[];
  /** A guest's answer: it never reaches a memory of facts (a guest has none kept). */
  noMemory?: boolean;
}

/** What an answer reads before it writes, as of `now`. */
export interface AnswerReads {
  userId: string;
  request: AnswerRequest;
  now: Date;
  attempt: AnswerTarget | null;
  memoryRows: MemoryRows;
}

/**
 * Every read an answer needs at once (two queries, side by side): the attempt with its rules,
 * the question's version and whether the clientId is taken; and the student's memory of the
 * question's facts. Only reads, scoped to `userId`: the answer route starts them beside the
 * session check (lib/route.ts's prefetch), for the user the cookie names.
 */
export async function readAnswer(
  db: Db,
  userId: string,
  request: AnswerRequest,
  now = new Date(),
): Promise<AnswerReads> {
  const sql = sqlOf(db);
  const [attempt, memoryRows] = await Promise.all([
    findAnswerTarget(sql, {
      userId,
      attemptId: request.attemptId,
      questionId: request.questionId,
      clientId: request.clientId,
      now,
    }),
    readQuestionMemory(sql, userId, request.questionId),
  ]);
  return { userId, request, now, attempt, memoryRows };
}

export async function recordAnswer(
  db: Db,
  user: Actor,
  request: AnswerRequest,
  now = new Date(),
  { live, retries = MEMORY_RETRIES }: { live?: LiveAnswerGate; retries?: number } = {},
): Promise<AnswerOutcome> {
  return recordRead(db, user, await readAnswer(db, user.id, request, now), { live, retries });
}

/** recordAnswer from its reads, made already by readAnswer for this user and request. */
export async function recordReadAnswer(db: Db, user: Actor, reads: AnswerReads): Promise<AnswerOutcome> {
  if (reads.userId !== user.id) throw new Error("These answer reads were made for another user.");
  return recordRead(db, user, reads, { retries: MEMORY_RETRIES });
}

async function recordRead(
  db: Db,
  user: Actor,
  { request, now, attempt, memoryRows }: AnswerReads,
  { live, retries }: { live?: LiveAnswerGate; retries: number },
): Promise<AnswerOutcome> {
  const sql = sqlOf(db);
  // A retry, a double tap or a replay from the offline queue: the stored answer, whatever has
  // changed since (the attempt closed or finished). Looked up by clientId also when the attempt
  // is not found, as it was before anything else.
  if (!attempt || attempt.replayed) {
    const earlier = await storedOutcome(db, user, { clientId: request.clientId }, now);
    if (earlier) return earlier;
  }
  if (!attempt) throw notFound("That attempt");
  // A live game's answers come only through the game, which judges their time itself.
  if (attempt.live !== Boolean(live)) throw new AppError("forbidden", live ? CLOSED_MESSAGE : LIVE_ONLY_MESSAGE);
  if (!attempt.accepting) throw new AppError("forbidden", CLOSED_MESSAGE);
  if (!attempt.question) throw notFound("That question");
  // One judgement of when the answer was given, for the due date and the time limit alike.
  const deadline = attemptDeadline(attempt.startedAt, attempt.timeLimitMinutes);
  const { answeredAt, late, overTime } = live
    ? { answeredAt: live.answeredAt, late: false, overTime: false }
    : judgeAnswerTime({
        claimed: request.answeredAt,
        startedAt: attempt.startedAt,
        receivedAt: now,
        dueAt: attempt.dueAt,
        deadline,
      });
  const responseMs = live ? live.elapsedMs : (request.responseMs ?? null);
  if (overTime) throw new AppError("forbidden", TIME_UP_MESSAGE);
  const question = await cachedQuestion(db, attempt.question);
  if (question.type !== request.answer.type)
    throw new AppError("invalid_input", `That answer is not for a ${question.type} question.`);

  const result = gradeAnswer(toGradable(question), request.answer);
  const given = describeAnswer(request.answer, question.options);
  const rule = feedbackRuleOf(attempt);
  const rating = ratingFor({ score: result.score, responseMs: responseMs ?? undefined });
  // While the assignment keeps its results hidden, the answer waits to reach the student's
  // memory: review and mastery would otherwise tell right from wrong before the due date.
  // A guest's answer reaches no memory at all: it is neither applied now nor kept pending.
  const memoryPending = !live?.noMemory && !feedbackVisible(rule, now);
  // The order the options were shown in (recomputed here, never taken from the browser). A live
  // game shows them in their stored order, on the projector and every phone alike.
  const shown = isShuffled(question.type) && !live ? shownOrder(question, request.attemptId) : undefined;
  const storedAnswer: StoredAnswer = { ...request.answer, display: given, expected: result.expected, shown };

  // Every write in one batch (one round trip on PostgreSQL): the response; each tested fact's
  // memory, updated only if nobody else has reviewed it since it was read (reps counts
  // reviews); and the attempt's score, finishing it when every question has an answer. A
  // timed attempt whose last answer (given in time) arrives after its deadline finishes at the
  // deadline.
  const factIds = memoryPending || live?.noMemory ? [] : question.facts.map((f) => f.fact.id);
  const memory = plannedMemoryWrites(memoryRows, user.id, factIds, rating, answeredAt, now);
  // The lock, the response and the memory rows read nothing the others write: on PostgreSQL
  // they run as one statement (joinNext). The score comes after them, as it counts the response.
  // A live answer's guards come first: on PostgreSQL they take the game's lock (shared) before
  // any attempt's lock, so that in a group commit no batch holds an attempt's lock while it
  // waits behind the teacher's close for the game's (which waits for the group: a deadlock).
  const writes: SqlStatement[] = [
    ...(live?.guards ?? []),
    lockAttempt(attempt.attemptId),
    insertResponse({
      attemptId: attempt.attemptId,
      questionId: question.id,
      questionVersion: question.version,
      clientId: request.clientId,
      answer: storedAnswer,
      isCorrect: result.isCorrect,
      score: result.score,
      late,
      responseMs,
      answeredAt,
      receivedAt: now,
      memoryPending,
    }),
    ...memory,
  ];
  let changes: number[];
  try {
    changes = await sql.batch(
      [
        ...writes.map((statement, i) =>
          live || i === writes.length - 1 ? statement : { ...statement, joinNext: true },
        ),
        scoreAttempt({
          attemptId: attempt.attemptId,
          items: attempt.items,
          finished: attempt.finished,
          finishedAt: deadline && deadline < now ? deadline : now,
        }),
      ],
      // Answers arriving together share one commit (PostgreSQL's group commit, lib/db/sql.ts),
      // locking their attempts in order: a class answering a live question at once pays one
      // commit per group, not per answer. The teacher's close waits for the group in flight.
      { groupKey: attempt.attemptId },
    );
  } catch (error) {
    if (!isUniqueViolation(error) && !(error instanceof SqlConflict)) throw error;
    // The same key, or another answer to the same question, got there first.
    const stored =
      (await storedOutcome(db, user, { clientId: request.clientId }, now)) ??
      (await storedOutcome(db, user, { attemptId: attempt.attemptId, questionId: question.id }, now));
    if (stored) return stored;
    // Another answer on the same fact wrote its memory first: read it again and go again.
    if (retries > 0) return recordAnswer(db, user, request, now, { live, retries: retries - 1 });
    throw error;
  }
  return {
    status: "saved",
    duplicate: false,
    late,
    attemptFinished: attempt.finished || changes.at(-1) === 1,
    feedback: responseFeedback(
      { answer: storedAnswer, isCorrect: result.isCorrect, score: result.score },
      question,
      rule,
      now,
    ),
  };
}

/**
 * One tap: "this question is wrong / unclear / out of date". One report per user and question.
 * Only a question the user has seen: a student or learner, one served to them (in a set they
 * have an attempt at, or answered); a teacher, one of an article visible to them (their question
 * lists). Any other id gets the same "not found" as one that does not exist.
 */
export async function reportQuestion(
  db: Db,
  user: Actor,
  questionId: string,
  reason: "WRONG" | "UNCLEAR" | "OUT_OF_DATE" | "OTHER",
): Promise<void> {
  const question = await db.question.findFirst({
    where: {
      id: questionId,
      status: { not: "HELD_BACK" },
      OR: [
        (QUIZ_TAKERS as readonly string[]).includes(user.role)
          ? { setItems: { some: { set: { attempts: { some: { userId: user.id } } } } } }
          : { article: articleVisibleTo(user) },
        { responses: { some: { attempt: { userId: user.id } } } },
      ],
    },
    select: { id: true },
  });
  if (!question) throw notFound("That question");
  await db.questionReport.upsert({
    where: { questionId_userId: { questionId, userId: user.id } },
    create: { questionId, userId: user.id, reason },
    update: { reason, resolvedAt: null },
  });
}
