// Rows for integration tests, made directly in the database under test. Users, passwords and
// classes come from tests/support/factories.ts, which the e2e fixtures share.
import { randomUUID } from "node:crypto";

import { expect } from "vitest";

import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createGame } from "@/lib/live/mutations";
import type { CreateGameInput } from "@/lib/live/schemas";

import { unique } from "@/tests/support/factories";

export { enrol, makeClass, makeUser, PASSWORD } from "@/tests/support/factories";

/** An article with one question, a set, an assignment in the class, and a student's attempt at it. */
export async function makeAssignment(db: Db, classId: string, teacherId: string, studentId: string) {
  const slug = `article-${unique()}`;
  const article = await db.article.create({
    data: {
      slug,
      title: "An article",
      outlet: "Outlet",
      publishedOn: new Date("2025-05-16"),
      body: "Body, with a comma.",
    },
  });
  const question = await db.question.create({
    data: {
      articleId: article.id,
      type: "FILL_BLANK",
      key: `q-${unique()}`,
      generatorVersion: 1,
      stem: 'Who said "hello, world"?',
      explanation: "x",
      quote: "x",
      answerText: "Ada",
    },
  });
  const set = await db.questionSet.create({
    data: {
      title: "Set",
      kind: "CUSTOM",
      ownerId: teacherId,
      items: { create: { questionId: question.id, position: 0 } },
    },
  });
  const assignment = await db.assignment.create({
    data: { classId, setId: set.id, title: "Homework", opensAt: new Date(), createdById: teacherId },
  });
  const attempt = await db.attempt.create({
    data: { userId: studentId, setId: set.id, assignmentId: assignment.id, number: 1 },
  });
  return { article, question, set, assignment, attempt };
}

/** makeAssignment, with the student's answer to its question. */
export async function makeAnsweredAssignment(db: Db, classId: string, teacherId: string, studentId: string) {
  const made = await makeAssignment(db, classId, teacherId, studentId);
  const { attempt, question } = made;
  await db.response.create({
    data: {
      attemptId: attempt.id,
      questionId: question.id,
      questionVersion: 1,
      clientId: randomUUID(),
      answer: JSON.stringify({ text: 'Ada, "the first"' }),
      isCorrect: true,
      score: 1,
      answeredAt: new Date(),
    },
  });
  return made;
}

/** The promise fails with an AppError of this code (a refusal the user is told about). */
export async function rejectsWith(promise: Promise<unknown>, code: AppError["code"]): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(AppError);
  await expect(promise).rejects.toMatchObject({ code });
}

/** A fact the student studied a day before `due` and that falls due then: review picks it up. */
export function makeDueMemory(db: Db, userId: string, factId: string, due: Date) {
  return db.reviewState.create({
    data: {
      userId,
      factId,
      due,
      stability: 1,
      difficulty: 5,
      reps: 1,
      state: 2,
      lastRating: 3,
      lastReview: new Date(due.getTime() - 24 * 60 * 60 * 1000),
    },
  });
}

/** A true-or-false question ("Ada spoke.", true) on an article of its own, for games that need any question. */
export async function makeTrueFalseQuestion(db: Db, key: string) {
  const article = await db.article.create({
    data: { slug: key, title: "A", outlet: "O", publishedOn: new Date("2025-05-16"), body: "Ada spoke." },
  });
  return db.question.create({
    data: {
      articleId: article.id,
      type: "TRUE_FALSE",
      key,
      generatorVersion: 1,
      stem: "Ada spoke.",
      explanation: "x",
      quote: "Ada spoke.",
      options: {
        create: [
          { position: 0, text: "True", isCorrect: true },
          { position: 1, text: "False" },
        ],
      },
    },
    select: { id: true },
  });
}

/** A set of the teacher's with these questions, in this order, and a live game of it for the class (20 s a question, late joining allowed, names shown, unless options say otherwise). */
export async function makeLiveGame(
  db: Db,
  teacher: Pick<CurrentUser, "id" | "role">,
  classId: string,
  questionIds: readonly string[],
  {
    setTitle = "Live set",
    ...options
  }: Partial<Omit<CreateGameInput, "classId" | "setId">> & { setTitle?: string } = {},
) {
  const set = await db.questionSet.create({
    data: {
      title: setTitle,
      kind: "CUSTOM",
      ownerId: teacher.id,
      items: { create: questionIds.map((questionId, position) => ({ questionId, position })) },
    },
  });
  const { gameId } = await createGame(db, teacher, {
    classId,
    setId: set.id,
    questionSeconds: 20,
    allowLateJoin: true,
    hideNames: false,
    ...options,
  });
  const game = await db.game.findUniqueOrThrow({ where: { id: gameId } });
  return { set, gameId, game, pin: game.pin! };
}
