// The attempt path's SQL, in one place: what recording an answer and opening a quiz read and
// write. Every student of a class does both at once, so they are hand-written SQL
// (lib/db/sql.ts; why: docs/decisions/0004-hot-path-sql.md) rather than Prisma. Each function
// takes the acting user's id where the row must be theirs, and returns typed values: dates as
// Date, flags as boolean, whatever the database.
import "server-only";

import { randomUUID } from "node:crypto";

import type { StoredAnswer } from "@/lib/attempts/feedback";
import { storedQuestionSelect, type StoredQuestion } from "@/lib/attempts/grading";
import type { StoredOption } from "@/lib/attempts/view";
import type { Db } from "@/lib/db/client";
import { asBoolean, asDate, asNullableDate, type Sql, type SqlStatement } from "@/lib/db/sql";
import type { QuestionTypeName } from "@/lib/questions/types";

/** An assignment's feedback settings as stored; both null for a quiz without an assignment. */
export interface StoredRule {
  dueAt: Date | null;
  feedbackPolicy: string | null;
}

export interface StoredResponse extends StoredRule {
  answer: string;
  isCorrect: boolean;
  score: number;
  late: boolean;
  questionId: string;
  /** The attempt's owner. */
  userId: string;
  attemptFinished: boolean;
}

const STORED_RESPONSE = `
  SELECT r."answer", r."isCorrect", r."score", r."late", r."questionId", a."userId", a."finishedAt",
         s."dueAt", s."feedbackPolicy"
  FROM "Response" r
  JOIN "Attempt" a ON a."id" = r."attemptId"
  LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"`;

/** The response stored under a clientId, or for an attempt's question, whoever's it is. */
export async function findStoredResponse(
  sql: Sql,
  where: { clientId: string } | { attemptId: string; questionId: string },
): Promise<StoredResponse | null> {
  const row = await sql.one<{
    answer: string;
    isCorrect: unknown;
    score: number;
    late: unknown;
    questionId: string;
    userId: string;
    finishedAt: unknown;
    dueAt: unknown;
    feedbackPolicy: string | null;
  }>(
    "clientId" in where
      ? `${STORED_RESPONSE} WHERE r."clientId" = ?`
      : `${STORED_RESPONSE} WHERE r."attemptId" = ? AND r."questionId" = ?`,
    "clientId" in where ? [where.clientId] : [where.attemptId, where.questionId],
  );
  if (!row) return null;
  return {
    answer: row.answer,
    isCorrect: asBoolean(row.isCorrect),
    score: row.score,
    late: asBoolean(row.late),
    questionId: row.questionId,
    userId: row.userId,
    attemptFinished: row.finishedAt !== null,
    dueAt: asNullableDate(row.dueAt),
    feedbackPolicy: row.feedbackPolicy,
  };
}

/** Which version of a question is current: its version, its last edit and its facts' last edit. */
export interface QuestionRef {
  id: string;
  version: number;
  updatedAt: Date;
  factsUpdatedAt: Date | null;
}

const FACTS_UPDATED_AT = `(SELECT MAX(f."updatedAt") FROM "QuestionFact" qf JOIN "Fact" f ON f."id" = qf."factId"
                           WHERE qf."questionId" = q."id") AS "factsUpdatedAt"`;

export async function findQuestionRef(sql: Sql, questionId: string): Promise<QuestionRef | null> {
  const row = await sql.one<{ id: string; version: number; updatedAt: unknown; factsUpdatedAt: unknown }>(
    `SELECT q."id", q."version", q."updatedAt", ${FACTS_UPDATED_AT} FROM "Question" q WHERE q."id" = ?`,
    [questionId],
  );
  if (!row) return null;
  return { ...row, updatedAt: asDate(row.updatedAt), factsUpdatedAt: asNullableDate(row.factsUpdatedAt) };
}

/** A question with all grading and feedback need (options, tested facts and their aliases, article). */
export async function loadStoredQuestion(db: Db, questionId: string): Promise<StoredQuestion> {
  return db.question.findUniqueOrThrow({ where: { id: questionId }, select: storedQuestionSelect });
}

export interface AnswerTarget extends StoredRule {
  attemptId: string;
  startedAt: Date;
  finished: boolean;
  /** The assignment's time limit per attempt, in minutes; null for none. */
  timeLimitMinutes: number | null;
  /** The attempt takes answers from this student: no assignment, or one open, not closed, with them on its roster. */
  accepting: boolean;
  /** How many questions the attempt's set has. */
  items: number;
  /** The question, when it is in the attempt's set. */
  question: QuestionRef | null;
  /** A response is stored under the answer's clientId already (whoever's): the answer is a replay. */
  replayed: boolean;
  /** The attempt is at a live game's assignment: it takes answers only through the game. */
  live: boolean;
}

/**
 * The attempt an answer is for, if it is the user's: its assignment's rules and whether it still
 * takes answers, the set's size, the question's current version if the set has it, and whether
 * the answer's clientId is taken (one query: every answer asks).
 */
export async function findAnswerTarget(
  sql: Sql,
  {
    userId,
    attemptId,
    questionId,
    clientId,
    now,
  }: { userId: string; attemptId: string; questionId: string; clientId: string; now: Date },
): Promise<AnswerTarget | null> {
  const row = await sql.one<{
    attemptId: string;
    startedAt: unknown;
    finishedAt: unknown;
    dueAt: unknown;
    feedbackPolicy: string | null;
    timeLimitMinutes: number | null;
    accepting: unknown;
    items: number;
    id: string | null;
    version: number | null;
    updatedAt: unknown;
    factsUpdatedAt: unknown;
    replayed: unknown;
    live: unknown;
  }>(
    `SELECT a."id" AS "attemptId", a."startedAt", a."finishedAt", s."dueAt", s."feedbackPolicy", s."timeLimitMinutes",
            s."live",
            CASE WHEN a."assignmentId" IS NULL THEN 1
                 WHEN s."closedAt" IS NULL AND s."opensAt" <= ? AND (EXISTS (
                   SELECT 1 FROM "Enrolment" e JOIN "Class" c ON c."id" = e."classId"
                   WHERE e."classId" = s."classId" AND e."studentId" = a."userId"
                     AND e."removedAt" IS NULL AND c."archivedAt" IS NULL)
                   -- A live game's guest (lib/live/guests.ts) is on no roster: the game admits them,
                   -- while its class is not archived (as for students).
                   OR (s."live" = ? AND EXISTS (
                   SELECT 1 FROM "GamePlayer" p JOIN "Class" gc ON gc."id" = s."classId"
                   WHERE p."attemptId" = a."id" AND p."guestTokenHash" IS NOT NULL AND gc."archivedAt" IS NULL))) THEN 1
                 ELSE 0 END AS "accepting",
            CAST((SELECT COUNT(*) FROM "QuestionSetItem" n WHERE n."setId" = a."setId") AS INTEGER) AS "items",
            q."id", q."version", q."updatedAt", ${FACTS_UPDATED_AT},
            CASE WHEN EXISTS (SELECT 1 FROM "Response" c WHERE c."clientId" = ?) THEN 1 ELSE 0 END AS "replayed"
     FROM "Attempt" a
     LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"
     LEFT JOIN "QuestionSetItem" i ON i."setId" = a."setId" AND i."questionId" = ?
     LEFT JOIN "Question" q ON q."id" = i."questionId"
     WHERE a."id" = ? AND a."userId" = ?`,
    [now, true, clientId, questionId, attemptId, userId],
  );
  if (!row) return null;
  return {
    attemptId: row.attemptId,
    startedAt: asDate(row.startedAt),
    finished: row.finishedAt !== null,
    timeLimitMinutes: row.timeLimitMinutes === null ? null : Number(row.timeLimitMinutes),
    dueAt: asNullableDate(row.dueAt),
    feedbackPolicy: row.feedbackPolicy,
    accepting: Number(row.accepting) === 1,
    replayed: Number(row.replayed) === 1,
    live: row.live !== null && asBoolean(row.live),
    items: row.items,
    question:
      row.id === null || row.version === null
        ? null
        : {
            id: row.id,
            version: row.version,
            updatedAt: asDate(row.updatedAt),
            factsUpdatedAt: asNullableDate(row.factsUpdatedAt),
          },
  };
}

/** The statement that stores one graded answer (run in one batch with its memory writes). */
export function insertResponse(response: {
  attemptId: string;
  questionId: string;
  questionVersion: number;
  clientId: string;
  answer: StoredAnswer;
  isCorrect: boolean;
  score: number;
  late: boolean;
  responseMs: number | null;
  answeredAt: Date;
  receivedAt: Date;
  memoryPending: boolean;
}): SqlStatement {
  return {
    text: `INSERT INTO "Response" ("id", "attemptId", "questionId", "questionVersion", "clientId", "answer",
             "isCorrect", "score", "late", "responseMs", "answeredAt", "receivedAt", "memoryPending")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [
      randomUUID(),
      response.attemptId,
      response.questionId,
      response.questionVersion,
      response.clientId,
      JSON.stringify(response.answer),
      response.isCorrect,
      response.score,
      response.late,
      response.responseMs,
      response.answeredAt,
      response.receivedAt,
      response.memoryPending,
    ],
  };
}

async function answeredScore(sql: Sql, attemptId: string): Promise<{ count: number; total: number }> {
  const answered = await sql.one<{ count: number; total: number | null }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS "count", SUM("score") AS "total" FROM "Response" WHERE "attemptId" = ?`,
    [attemptId],
  );
  return { count: Number(answered!.count), total: Number(answered!.total ?? 0) };
}

/**
 * The statement that, in an answer's batch, holds the attempt until the batch commits, so that
 * two answers to the same attempt (an offline queue sending several) are written one after
 * the other and the last one counts the other's response. PostgreSQL only: SQLite's group
 * commit already writes one batch at a time.
 */
export function lockAttempt(attemptId: string): SqlStatement {
  return { text: `SELECT 1 FROM "Attempt" WHERE "id" = ? FOR UPDATE`, params: [attemptId], postgresOnly: true };
}

const ANSWERED_SCORE = `(SELECT COALESCE(SUM(r."score"), 0) FROM "Response" r WHERE r."attemptId" = "Attempt"."id") * 1.0 / ?`;

/**
 * The statement that, last in an answer's batch, scores the attempt from its answers: it
 * finishes the attempt once every question of its set has an answer (changing one row then,
 * else none), and scores a finished one again (a timed attempt finished at its deadline before
 * this answer, given in time, arrived: it still counts). The attempt finishes at `finishedAt`.
 */
export function scoreAttempt({
  attemptId,
  items,
  finished,
  finishedAt,
}: {
  attemptId: string;
  items: number;
  finished: boolean;
  finishedAt: Date;
}): SqlStatement {
  const perItem = Math.max(1, items);
  return finished
    ? {
        text: `UPDATE "Attempt" SET "score" = ${ANSWERED_SCORE} WHERE "id" = ? AND "finishedAt" IS NOT NULL`,
        params: [perItem, attemptId],
      }
    : {
        text: `UPDATE "Attempt" SET "finishedAt" = COALESCE("finishedAt", ?), "score" = ${ANSWERED_SCORE}
               WHERE "id" = ? AND (SELECT COUNT(*) FROM "Response" r WHERE r."attemptId" = "Attempt"."id") >= ?`,
        params: [finishedAt, perItem, attemptId, items],
      };
}

/**
 * Finishes the timed attempts whose deadline has passed (of one user, or of one assignment), at
 * their deadline: the questions answered are scored, the rest count as unanswered. Nothing runs
 * at the deadline itself, so whatever reads attempts (the quiz page, the results) calls this
 * first; finishing is the same whoever does it, whenever.
 */
export async function finishExpiredAttempts(
  sql: Sql,
  scope: { userId: string; assignmentId?: string } | { assignmentId: string },
  now: Date,
): Promise<void> {
  const byUser = "userId" in scope;
  const where = [`a."finishedAt" IS NULL`, `s."timeLimitMinutes" IS NOT NULL`];
  const params: string[] = [];
  if (byUser) {
    where.push(`a."userId" = ?`);
    params.push(scope.userId);
  }
  if (scope.assignmentId) {
    where.push(`a."assignmentId" = ?`);
    params.push(scope.assignmentId);
  }
  const open = await sql.all<{ id: string; startedAt: unknown; timeLimitMinutes: number; items: number }>(
    `SELECT a."id", a."startedAt", s."timeLimitMinutes",
            CAST((SELECT COUNT(*) FROM "QuestionSetItem" n WHERE n."setId" = a."setId") AS INTEGER) AS "items"
     FROM "Attempt" a JOIN "Assignment" s ON s."id" = a."assignmentId"
     WHERE ${where.join(" AND ")}`,
    params,
  );
  for (const attempt of open) {
    const deadline = new Date(asDate(attempt.startedAt).getTime() + Number(attempt.timeLimitMinutes) * 60_000);
    if (deadline > now) continue;
    const answered = await answeredScore(sql, attempt.id);
    await sql.run(`UPDATE "Attempt" SET "finishedAt" = ?, "score" = ? WHERE "id" = ? AND "finishedAt" IS NULL`, [
      deadline,
      answered.total / Math.max(1, Number(attempt.items)),
      attempt.id,
    ]);
  }
}

export interface QuizRows extends StoredRule {
  attempt: {
    id: string;
    number: number;
    startedAt: Date;
    /** The assignment's time limit per attempt, in minutes; null for none. */
    timeLimitMinutes: number | null;
    finished: boolean;
    score: number | null;
    setTitle: string;
    articleSlug: string | null;
    assignmentTitle: string | null;
  };
  questions: { id: string; type: QuestionTypeName; stem: string; asOf: Date | null; options: StoredOption[] }[];
  responses: { questionId: string; answer: string; isCorrect: boolean; score: number }[];
}

/** Which attempt loadQuizRows reads: one by its id, or the user's latest at an assignment. */
export type QuizRowsOf = { userId: string } & ({ attemptId: string } | { latestAtAssignmentId: string });

/** The WHERE for the attempt (`a`) loadQuizRows reads, and its parameters; always the user's. */
function quizAttemptWhere(of: QuizRowsOf): { where: string; params: string[] } {
  if ("attemptId" in of) return { where: `a."id" = ? AND a."userId" = ?`, params: [of.attemptId, of.userId] };
  // The user's latest attempt at the assignment's current set (the last of listAttemptsAt's
  // rows): the one in progress, when one is. Not "the unfinished one": each of the four
  // statements chooses again, and an answer finishing it between two of them would leave the
  // later ones without an attempt; the latest changes only when the next attempt starts.
  return {
    where: `a."id" = (SELECT o."id" FROM "Attempt" o
                      JOIN "Assignment" os ON os."id" = o."assignmentId" AND os."setId" = o."setId"
                      WHERE o."userId" = ? AND o."assignmentId" = ?
                      ORDER BY o."number" DESC LIMIT 1) AND a."userId" = ?`,
    params: [of.userId, of.latestAtAssignmentId, of.userId],
  };
}

/**
 * An attempt of the user's with its set's questions (in order, with their choices) and its
 * answers: four queries side by side, each by the attempt and its owner.
 */
export async function loadQuizRows(sql: Sql, of: QuizRowsOf) {
  const ofAttempt = `FROM "Attempt" a JOIN "QuestionSetItem" i ON i."setId" = a."setId"`;
  const { where, params } = quizAttemptWhere(of);
  const [found, questions, options, responses] = await Promise.all([
    sql.one<{
      id: string;
      number: number;
      startedAt: unknown;
      finishedAt: unknown;
      score: number | null;
      timeLimitMinutes: number | null;
      setTitle: string;
      articleSlug: string | null;
      assignmentTitle: string | null;
      dueAt: unknown;
      feedbackPolicy: string | null;
    }>(
      `SELECT a."id", a."number", a."startedAt", a."finishedAt", a."score", qs."title" AS "setTitle",
              ar."slug" AS "articleSlug", s."title" AS "assignmentTitle", s."dueAt", s."feedbackPolicy",
              s."timeLimitMinutes"
       FROM "Attempt" a
       JOIN "QuestionSet" qs ON qs."id" = a."setId"
       LEFT JOIN "Article" ar ON ar."id" = qs."articleId"
       LEFT JOIN "Assignment" s ON s."id" = a."assignmentId"
       WHERE ${where}`,
      params,
    ),
    sql.all<{ id: string; type: QuestionTypeName; stem: string; asOf: unknown }>(
      `SELECT q."id", q."type", q."stem", q."asOf"
       ${ofAttempt} JOIN "Question" q ON q."id" = i."questionId"
       WHERE ${where} ORDER BY i."position"`,
      params,
    ),
    sql.all<Omit<StoredOption, "isCorrect"> & { questionId: string; isCorrect: unknown }>(
      `SELECT o."questionId", o."position", o."text", o."isCorrect", o."matchText", o."correctPosition"
       ${ofAttempt} JOIN "QuestionOption" o ON o."questionId" = i."questionId"
       WHERE ${where}`,
      params,
    ),
    sql.all<{ questionId: string; answer: string; isCorrect: unknown; score: number }>(
      `SELECT r."questionId", r."answer", r."isCorrect", r."score"
       FROM "Attempt" a JOIN "Response" r ON r."attemptId" = a."id"
       WHERE ${where}`,
      params,
    ),
  ]);
  if (!found) return null;
  const attempt = found;
  const rows: QuizRows = {
    attempt: {
      id: attempt.id,
      number: attempt.number,
      startedAt: asDate(attempt.startedAt),
      timeLimitMinutes: attempt.timeLimitMinutes === null ? null : Number(attempt.timeLimitMinutes),
      finished: attempt.finishedAt !== null,
      score: attempt.score,
      setTitle: attempt.setTitle,
      articleSlug: attempt.articleSlug,
      assignmentTitle: attempt.assignmentTitle,
    },
    dueAt: asNullableDate(attempt.dueAt),
    feedbackPolicy: attempt.feedbackPolicy,
    questions: questions.map((q) => ({
      ...q,
      asOf: asNullableDate(q.asOf),
      options: options
        .filter((o) => o.questionId === q.id)
        .map(({ questionId: _question, ...o }) => ({ ...o, isCorrect: asBoolean(o.isCorrect) })),
    })),
    responses: responses.map((r) => ({ ...r, isCorrect: asBoolean(r.isCorrect) })),
  };
  return rows;
}

export interface StudentAssignment {
  setId: string;
  title: string;
  kind: "ARTICLE" | "REVIEW" | "CUSTOM";
  items: number;
  opensAt: Date;
  closedAt: Date | null;
  dueAt: Date | null;
  maxAttempts: number;
  feedbackPolicy: string;
  /** Minutes each attempt may take; null for no limit. */
  timeLimitMinutes: number | null;
  /** A live game's: taken only through the game. */
  live: boolean;
}

/** An assignment of a class the student is on (not removed, the class not archived), with its set's size. */
export async function findStudentAssignment(
  sql: Sql,
  { assignmentId, userId }: { assignmentId: string; userId: string },
): Promise<StudentAssignment | null> {
  const row = await sql.one<{
    setId: string;
    title: string;
    kind: StudentAssignment["kind"];
    items: number;
    opensAt: unknown;
    closedAt: unknown;
    dueAt: unknown;
    maxAttempts: number;
    feedbackPolicy: string;
    timeLimitMinutes: number | null;
    live: unknown;
  }>(
    `SELECT s."setId", s."title", qs."kind", s."opensAt", s."closedAt", s."dueAt", s."maxAttempts", s."feedbackPolicy",
            s."timeLimitMinutes", s."live",
            CAST((SELECT COUNT(*) FROM "QuestionSetItem" i WHERE i."setId" = s."setId") AS INTEGER) AS "items"
     FROM "Assignment" s JOIN "Class" c ON c."id" = s."classId" JOIN "QuestionSet" qs ON qs."id" = s."setId"
     WHERE s."id" = ? AND c."archivedAt" IS NULL
       AND EXISTS (SELECT 1 FROM "Enrolment" e
                   WHERE e."classId" = c."id" AND e."studentId" = ? AND e."removedAt" IS NULL)`,
    [assignmentId, userId],
  );
  if (!row) return null;
  return {
    ...row,
    items: Number(row.items),
    live: asBoolean(row.live),
    timeLimitMinutes: row.timeLimitMinutes === null ? null : Number(row.timeLimitMinutes),
    opensAt: asDate(row.opensAt),
    closedAt: asNullableDate(row.closedAt),
    dueAt: asNullableDate(row.dueAt),
  };
}

/**
 * The user's attempts at an assignment (at its set), or at a set on their own, oldest first.
 * By the assignment alone, so a page reads them beside the assignment itself.
 */
export async function listAttemptsAt(
  sql: Sql,
  { userId, ...at }: { userId: string } & ({ assignmentId: string } | { setId: string }),
): Promise<{ id: string; number: number; startedAt: Date; finishedAt: Date | null; score: number | null }[]> {
  const attempts = await sql.all<{
    id: string;
    number: number;
    startedAt: unknown;
    finishedAt: unknown;
    score: number | null;
  }>(
    "assignmentId" in at
      ? `SELECT a."id", a."number", a."startedAt", a."finishedAt", a."score"
         FROM "Attempt" a JOIN "Assignment" s ON s."id" = a."assignmentId" AND s."setId" = a."setId"
         WHERE a."userId" = ? AND a."assignmentId" = ? ORDER BY a."number"`
      : `SELECT "id", "number", "startedAt", "finishedAt", "score" FROM "Attempt"
         WHERE "userId" = ? AND "setId" = ? AND "assignmentId" IS NULL ORDER BY "number"`,
    [userId, "assignmentId" in at ? at.assignmentId : at.setId],
  );
  return attempts.map((a) => ({ ...a, startedAt: asDate(a.startedAt), finishedAt: asNullableDate(a.finishedAt) }));
}
