import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { recordAnswer, startOrResumeAttempt } from "@/lib/attempts/mutations";
import { findQuizState } from "@/lib/attempts/queries";
import type { AnswerRequest } from "@/lib/attempts/schemas";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { AppError } from "@/lib/errors";

import { enrol, makeClass, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

describe(`answering on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let setId: string;

  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
    setId = (await test.db.questionSet.findFirstOrThrow({ where: { kind: "ARTICLE" } })).id;
  });
  afterAll(() => test.drop());

  async function firstChoiceQuestion(attemptId: string) {
    const state = (await findQuizState(
      test.db,
      await test.db.attempt.findUniqueOrThrow({ where: { id: attemptId } }).then((a) => ({ id: a.userId })),
      attemptId,
    ))!;
    const question = state.questions.find((q) => q.type === "MULTIPLE_CHOICE" || q.type === "TRUE_FALSE")!;
    const right = await test.db.questionOption.findFirstOrThrow({
      where: { questionId: question.id, isCorrect: true },
    });
    return { question, right };
  }

  const request = (
    attemptId: string,
    questionId: string,
    position: number,
    type: "MULTIPLE_CHOICE" | "TRUE_FALSE",
  ): AnswerRequest => ({
    clientId: randomUUID(),
    attemptId,
    questionId,
    answer: { type, position },
    answeredAt: new Date().toISOString(),
    responseMs: 4000,
  });

  it("stores one response when the same answer key arrives twice, and grades it", async () => {
    const student = await makeUser(test.db, "STUDENT");
    const { attemptId } = await startOrResumeAttempt(test.db, student, { setId });
    const { question, right } = await firstChoiceQuestion(attemptId);
    const answer = request(attemptId, question.id, right.position, question.type as "MULTIPLE_CHOICE");
    const first = await recordAnswer(test.db, student, answer);
    const second = await recordAnswer(test.db, student, answer);
    expect(first).toMatchObject({ duplicate: false, feedback: { isCorrect: true, expected: right.text } });
    expect(second).toMatchObject({ duplicate: true, feedback: { isCorrect: true, expected: right.text } });
    expect(first.feedback!.quote.length).toBeGreaterThan(10);
    expect(await test.db.response.count({ where: { attemptId } })).toBe(1);
    const memory = await test.db.reviewState.findMany({ where: { userId: student.id } });
    expect(memory.length).toBeGreaterThan(0);
    expect(memory.every((m) => m.reps === 1)).toBe(true);
  });

  it("shows each student the options in an order of their own, graded by the option and recorded with the answer", async () => {
    const students = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makeUser(test.db, "STUDENT")));
    const orders: string[] = [];
    for (const student of students) {
      const { attemptId } = await startOrResumeAttempt(test.db, student, { setId });
      const state = (await findQuizState(test.db, student, attemptId))!;
      const question = state.questions.find((q) => q.type === "MULTIPLE_CHOICE")!;
      const shown = question.options.map((o) => o.position);
      orders.push(shown.join());
      // The same order on every visit (a reload, a resumed attempt).
      const again = (await findQuizState(test.db, student, attemptId))!.questions.find((q) => q.id === question.id)!;
      expect(again.options.map((o) => o.position)).toEqual(shown);

      const right = await test.db.questionOption.findFirstOrThrow({
        where: { questionId: question.id, isCorrect: true },
      });
      const outcome = await recordAnswer(
        test.db,
        student,
        request(attemptId, question.id, right.position, "MULTIPLE_CHOICE"),
      );
      expect(outcome.feedback).toMatchObject({ isCorrect: true, expected: right.text });
      const stored = await test.db.response.findFirstOrThrow({ where: { attemptId, questionId: question.id } });
      expect(JSON.parse(stored.answer)).toMatchObject({ position: right.position, shown });
    }
    expect(new Set(orders).size).toBeGreaterThan(1);
  });

  it("stores one row for 100 concurrent duplicates, without a server error", async () => {
    const student = await makeUser(test.db, "STUDENT");
    const { attemptId } = await startOrResumeAttempt(test.db, student, { setId });
    const { question, right } = await firstChoiceQuestion(attemptId);
    const answer = request(attemptId, question.id, right.position, question.type as "MULTIPLE_CHOICE");
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => recordAnswer(test.db, student, answer)));
    expect(outcomes.every((o) => o.status === "saved" && o.feedback?.isCorrect)).toBe(true);
    expect(outcomes.filter((o) => !o.duplicate)).toHaveLength(1);
    expect(await test.db.response.count({ where: { attemptId } })).toBe(1);
    const memory = await test.db.reviewState.findMany({ where: { userId: student.id } });
    expect(memory.every((m) => m.reps === 1)).toBe(true);
  });

  it("answers sent all at once to questions on one fact: each stored, every review counted, the attempt finished", async () => {
    // Questions that test the same fact, in a quiz of their own: the answers race for one memory row.
    const fact = await test.db.fact.findFirstOrThrow({
      where: {
        questions: { some: { question: { status: "SERVED", type: { in: ["MULTIPLE_CHOICE", "TRUE_FALSE"] } } } },
      },
      orderBy: { questions: { _count: "desc" } },
      select: { id: true },
    });
    const questions = await test.db.question.findMany({
      where: {
        status: "SERVED",
        type: { in: ["MULTIPLE_CHOICE", "TRUE_FALSE"] },
        facts: { some: { factId: fact.id } },
      },
      select: { id: true, type: true, options: { where: { isCorrect: true }, select: { position: true } } },
      take: 6,
    });
    expect(questions.length).toBeGreaterThanOrEqual(3);
    const set = await test.db.questionSet.create({
      data: {
        title: "One fact",
        kind: "REVIEW",
        items: { create: questions.map((q, position) => ({ questionId: q.id, position })) },
      },
    });
    const student = await makeUser(test.db, "STUDENT");
    await test.db.questionSet.update({ where: { id: set.id }, data: { ownerId: student.id } });
    const { attemptId } = await startOrResumeAttempt(test.db, student, { setId: set.id });
    const outcomes = await Promise.all(
      questions.map((q) =>
        recordAnswer(
          test.db,
          student,
          request(attemptId, q.id, q.options[0]!.position, q.type as "MULTIPLE_CHOICE" | "TRUE_FALSE"),
        ),
      ),
    );
    expect(outcomes.every((o) => !o.duplicate && o.feedback?.isCorrect)).toBe(true);
    expect(outcomes.some((o) => o.attemptFinished)).toBe(true);
    expect(await test.db.response.count({ where: { attemptId } })).toBe(questions.length);
    const memory = await test.db.reviewState.findUniqueOrThrow({
      where: { userId_factId: { userId: student.id, factId: fact.id } },
    });
    expect(memory.reps).toBe(questions.length);
    const attempt = await test.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.finishedAt).not.toBeNull();
    expect(attempt.score).toBe(1);
  });

  it("keeps the first answer to a question when a different one arrives with another key", async () => {
    const student = await makeUser(test.db, "STUDENT");
    const { attemptId } = await startOrResumeAttempt(test.db, student, { setId });
    const { question, right } = await firstChoiceQuestion(attemptId);
    const wrongPosition = right.position === 0 ? 1 : 0;
    await recordAnswer(
      test.db,
      student,
      request(attemptId, question.id, wrongPosition, question.type as "MULTIPLE_CHOICE"),
    );
    const again = await recordAnswer(
      test.db,
      student,
      request(attemptId, question.id, right.position, question.type as "MULTIPLE_CHOICE"),
    );
    expect(again).toMatchObject({ duplicate: true, feedback: { isCorrect: false } });
    expect(await test.db.response.count({ where: { attemptId } })).toBe(1);
  });

  it("refuses an answer to someone else's attempt, or to a question outside the quiz", async () => {
    const owner = await makeUser(test.db, "STUDENT");
    const intruder = await makeUser(test.db, "STUDENT");
    const { attemptId } = await startOrResumeAttempt(test.db, owner, { setId });
    const { question, right } = await firstChoiceQuestion(attemptId);
    const answer = request(attemptId, question.id, right.position, question.type as "MULTIPLE_CHOICE");
    await expect(recordAnswer(test.db, intruder, answer)).rejects.toMatchObject({ code: "not_found" });
    await recordAnswer(test.db, owner, answer);
    // Replaying the owner's key from another account reveals nothing either.
    await expect(recordAnswer(test.db, intruder, answer)).rejects.toBeInstanceOf(AppError);
    const outside = await test.db.question.findFirstOrThrow({
      where: { setItems: { none: { setId } }, type: "MULTIPLE_CHOICE", status: "SERVED" },
    });
    await expect(
      recordAnswer(test.db, owner, { ...request(attemptId, outside.id, 0, "MULTIPLE_CHOICE") }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("finishes the attempt with its score when the last question is answered, and resumes before that", async () => {
    const student = await makeUser(test.db, "STUDENT");
    const { attemptId } = await startOrResumeAttempt(test.db, student, { setId });
    expect((await startOrResumeAttempt(test.db, student, { setId })).attemptId).toBe(attemptId);
    const state = (await findQuizState(test.db, student, attemptId))!;
    let last;
    for (const question of state.questions) {
      const options = await test.db.questionOption.findMany({
        where: { questionId: question.id },
        orderBy: { position: "asc" },
      });
      const q = await test.db.question.findUniqueOrThrow({ where: { id: question.id } });
      const answer =
        q.type === "MULTIPLE_CHOICE" || q.type === "TRUE_FALSE"
          ? { type: q.type, position: options.find((o) => o.isCorrect)!.position }
          : q.type === "FILL_BLANK" || q.type === "NUMERIC"
            ? { type: q.type, text: q.answerText ?? String(q.answerNumber) }
            : q.type === "MATCHING"
              ? { type: q.type, matches: options.map((o) => o.matchText ?? "") }
              : {
                  type: q.type,
                  order: [...options].sort((a, b) => a.correctPosition! - b.correctPosition!).map((o) => o.position),
                };
      last = await recordAnswer(test.db, student, {
        clientId: randomUUID(),
        attemptId,
        questionId: question.id,
        answer: answer as AnswerRequest["answer"],
        answeredAt: new Date().toISOString(),
      });
      expect(last.feedback?.isCorrect, `${q.type}: ${q.stem}`).toBe(true);
    }
    expect(last!.attemptFinished).toBe(true);
    const attempt = await test.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.finishedAt).not.toBeNull();
    expect(attempt.score).toBe(1);
    expect((await startOrResumeAttempt(test.db, student, { setId })).attemptId).not.toBe(attemptId);
  });

  it("marks a late answer late and keeps it; hides correctness until the due date when asked to", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    const dueAt = new Date(Date.now() + 60 * 60 * 1000);
    const assignment = await test.db.assignment.create({
      data: {
        classId: classroom.id,
        setId,
        title: "Homework",
        opensAt: new Date(Date.now() - 1000),
        dueAt,
        maxAttempts: 1,
        feedbackPolicy: "AFTER_DUE",
        createdById: teacher.id,
      },
    });
    const { attemptId } = await startOrResumeAttempt(test.db, student, { assignmentId: assignment.id });
    const { question, right } = await firstChoiceQuestion(attemptId);
    const onTime = await recordAnswer(
      test.db,
      student,
      request(attemptId, question.id, right.position, question.type as "MULTIPLE_CHOICE"),
    );
    expect(onTime).toMatchObject({ late: false, feedback: null });
    const hidden = (await findQuizState(test.db, student, attemptId))!;
    expect(hidden.feedbackVisible).toBe(false);
    expect(JSON.stringify(hidden)).not.toContain("isCorrect");

    const other = hidden.questions.find(
      (q) => q.id !== question.id && (q.type === "MULTIPLE_CHOICE" || q.type === "TRUE_FALSE"),
    )!;
    const afterDue = new Date(dueAt.getTime() + 60_000);
    const late = await recordAnswer(
      test.db,
      student,
      { ...request(attemptId, other.id, 0, other.type as "MULTIPLE_CHOICE"), answeredAt: afterDue.toISOString() },
      afterDue,
    );
    expect(late.late).toBe(true);
    expect(late.feedback).not.toBeNull();
    expect(await test.db.response.count({ where: { attemptId, late: true } })).toBe(1);

    // A student outside the class cannot start it.
    const outsider = await makeUser(test.db, "STUDENT");
    await expect(startOrResumeAttempt(test.db, outsider, { assignmentId: assignment.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe(`review sessions on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
  });
  afterAll(() => test.drop());

  it("serve the facts that are due, one question each, never the question just seen", async () => {
    const { prepareReviewSet, countDueFacts } = await import("@/lib/learning/queries");
    const student = await makeUser(test.db, "STUDENT");
    expect(await prepareReviewSet(test.db, student)).toBeNull();
    const setId = (await test.db.questionSet.findFirstOrThrow({ where: { kind: "ARTICLE" } })).id;
    const { attemptId } = await startOrResumeAttempt(test.db, student, { setId });
    const state = (await findQuizState(test.db, student, attemptId))!;
    const seen = new Map<string, string>();
    for (const question of state.questions.filter((q) => q.type === "MULTIPLE_CHOICE" || q.type === "TRUE_FALSE")) {
      await recordAnswer(test.db, student, {
        clientId: randomUUID(),
        attemptId,
        questionId: question.id,
        answer: { type: question.type as "TRUE_FALSE", position: 0 },
        answeredAt: new Date().toISOString(),
      });
      const facts = await test.db.questionFact.findMany({ where: { questionId: question.id } });
      for (const f of facts) seen.set(f.factId, question.id);
    }
    const later = new Date(Date.now() + 90 * 24 * 60 * 60 * 1000);
    const due = await countDueFacts(test.db, student, later);
    expect(due).toBe(seen.size);

    const reviewSetId = (await prepareReviewSet(test.db, student, later))!;
    const items = await test.db.questionSetItem.findMany({
      where: { setId: reviewSetId },
      orderBy: { position: "asc" },
      include: { question: { include: { facts: true } } },
    });
    expect(items.length).toBe(due);
    const factIds = items.map((i) => i.question.facts[0]!.factId);
    expect(new Set(factIds).size).toBe(factIds.length);
    for (const item of items) expect(item.questionId).not.toBe(seen.get(item.question.facts[0]!.factId));
    // Opening review again resumes the same session until it is finished.
    await startOrResumeAttempt(test.db, student, { setId: reviewSetId });
    expect(await prepareReviewSet(test.db, student, later)).toBe(reviewSetId);
  });

  it("reviews a fact with one question by that question again, and counts only facts review can ask", async () => {
    const { prepareReviewSet, countDueFacts } = await import("@/lib/learning/queries");
    const student = await makeUser(test.db, "STUDENT");
    const setId = (await test.db.questionSet.findFirstOrThrow({ where: { kind: "ARTICLE" } })).id;
    const { attemptId } = await startOrResumeAttempt(test.db, student, { setId });
    const state = (await findQuizState(test.db, student, attemptId))!;
    const question = state.questions.find((q) => q.type === "MULTIPLE_CHOICE")!;
    const { factId } = await test.db.questionFact.findFirstOrThrow({ where: { questionId: question.id } });
    // The fact's other questions are retired: the one just answered is all review has.
    const others = await test.db.question.findMany({
      where: { id: { not: question.id }, facts: { some: { factId } } },
      select: { id: true, status: true },
    });
    await test.db.question.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { status: "RETIRED" } });
    try {
      await recordAnswer(test.db, student, {
        clientId: randomUUID(),
        attemptId,
        questionId: question.id,
        answer: { type: "MULTIPLE_CHOICE", position: 0 },
        answeredAt: new Date().toISOString(),
      });
      const later = new Date(Date.now() + 90 * 24 * 60 * 60 * 1000);
      expect(await countDueFacts(test.db, student, later)).toBe(1);
      const reviewSetId = (await prepareReviewSet(test.db, student, later))!;
      const items = await test.db.questionSetItem.findMany({ where: { setId: reviewSetId } });
      expect(items.map((i) => i.questionId)).toEqual([question.id]);
      // With that question retired too, the fact is no longer counted due: home and review agree.
      await test.db.question.update({ where: { id: question.id }, data: { status: "RETIRED" } });
      await test.db.questionSet.delete({ where: { id: reviewSetId } });
      expect(await countDueFacts(test.db, student, later)).toBe(0);
      expect(await prepareReviewSet(test.db, student, later)).toBeNull();
    } finally {
      for (const { id, status } of [...others, { id: question.id, status: "SERVED" as const }])
        await test.db.question.update({ where: { id }, data: { status } });
    }
  });
});
