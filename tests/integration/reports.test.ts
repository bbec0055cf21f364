// Reporting a question tells a student nothing about questions they cannot see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { reportQuestion } from "@/lib/attempts/mutations";
import { AppError } from "@/lib/errors";

import { enrol, makeAnsweredAssignment, makeClass, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ ok: true }),
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : { error }),
  );

describe(`question reports on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it("a question of another teacher's private import answers exactly as a made-up id; a visible one is reported", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    const own = await makeAnsweredAssignment(test.db, classroom.id, teacher.id, student.id);

    // Another teacher's private import, with a student of their own.
    const other = await makeUser(test.db, "TEACHER");
    const otherClass = await makeClass(test.db, other.id);
    const otherStudent = await makeUser(test.db, "STUDENT");
    await enrol(test.db, otherClass.id, otherStudent.id);
    const hidden = await makeAnsweredAssignment(test.db, otherClass.id, other.id, otherStudent.id);
    await test.db.article.update({ where: { id: hidden.article.id }, data: { ownerId: other.id, shared: false } });

    const privateAnswer = await outcome(reportQuestion(test.db, student, hidden.question.id, "WRONG"));
    const madeUpAnswer = await outcome(reportQuestion(test.db, student, "made-up-question-id", "WRONG"));
    expect(privateAnswer).toEqual(madeUpAnswer);
    expect(madeUpAnswer).toMatchObject({ code: "not_found" });
    expect(await test.db.questionReport.count({ where: { questionId: hidden.question.id } })).toBe(0);

    // The other teacher's own student (and the teacher) can report it; so can ours, the shared one.
    expect(await outcome(reportQuestion(test.db, otherStudent, hidden.question.id, "UNCLEAR"))).toEqual({ ok: true });
    expect(await outcome(reportQuestion(test.db, other, hidden.question.id, "UNCLEAR"))).toEqual({ ok: true });
    expect(await outcome(reportQuestion(test.db, student, own.question.id, "WRONG"))).toEqual({ ok: true });
  });

  it("a student reports only a question they were served; their teacher any question of the article", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    const served = await makeAnsweredAssignment(test.db, classroom.id, teacher.id, student.id);
    // A question of the same (shared) article that no set of the student's holds: it was never shown.
    const unseen = await test.db.question.create({
      data: {
        articleId: served.article.id,
        type: "FILL_BLANK",
        key: `q-unseen-${served.question.id}`,
        generatorVersion: 1,
        stem: "Who else?",
        explanation: "x",
        quote: "x",
        answerText: "Grace",
      },
    });
    // Served in a set the student has an attempt at, not yet answered.
    const waiting = await test.db.question.create({
      data: {
        articleId: served.article.id,
        type: "FILL_BLANK",
        key: `q-waiting-${served.question.id}`,
        generatorVersion: 1,
        stem: "Who next?",
        explanation: "x",
        quote: "x",
        answerText: "Alan",
      },
    });
    await test.db.questionSetItem.create({ data: { setId: served.set.id, questionId: waiting.id, position: 1 } });

    expect(await outcome(reportQuestion(test.db, student, unseen.id, "WRONG"))).toEqual(
      await outcome(reportQuestion(test.db, student, "made-up-question-id", "WRONG")),
    );
    expect(await test.db.questionReport.count({ where: { questionId: unseen.id } })).toBe(0);
    expect(await outcome(reportQuestion(test.db, student, waiting.id, "UNCLEAR"))).toEqual({ ok: true });
    expect(await outcome(reportQuestion(test.db, teacher, unseen.id, "WRONG"))).toEqual({ ok: true });
  });
});
