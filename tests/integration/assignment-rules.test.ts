// What an assignment keeps from the student while it should: results hidden until the due
// date (no right or wrong anywhere the student can reach, memory untouched until then), no
// answers once it is closed or the student is off the roster, and lateness judged by when the
// server received the answer, within a stated grace for the offline queue.
import { randomUUID } from "node:crypto";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { closeAssignment } from "@/lib/assignments/mutations";
import { ANSWER_CLOCK_GRACE_MS, recordAnswer, startOrResumeAttempt } from "@/lib/attempts/mutations";
import { removeStudent } from "@/lib/classes/mutations";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { countDueFacts, findProgress, prepareReviewSet } from "@/lib/learning/queries";
import { releaseResults } from "@/lib/learning/release";
import { exportStudent } from "@/lib/privacy/export";

import { enrol, makeClass, makeDueMemory, makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe(`assignment rules on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let setId: string;
  let teacher: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
    setId = (await test.db.questionSet.findFirstOrThrow({ where: { kind: "ARTICLE" } })).id;
    teacher = await makeUser(test.db, "TEACHER");
  });
  afterAll(() => test.drop());

  /** A student on a fresh class with one assignment of the article's quiz. */
  async function assigned(options: { feedbackPolicy?: "IMMEDIATE" | "AFTER_DUE"; dueAt?: Date; opensAt?: Date } = {}) {
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    const assignment = await test.db.assignment.create({
      data: {
        classId: classroom.id,
        setId,
        title: "Class test",
        opensAt: options.opensAt ?? new Date(Date.now() - DAY),
        dueAt: options.dueAt ?? new Date(Date.now() + DAY),
        feedbackPolicy: options.feedbackPolicy ?? "IMMEDIATE",
        createdById: teacher.id,
      },
    });
    return { classroom, student, assignment };
  }

  /** The quiz's choice questions with their right and a wrong position. */
  async function choiceQuestions() {
    const items = await test.db.questionSetItem.findMany({
      where: { setId, question: { type: { in: ["MULTIPLE_CHOICE", "TRUE_FALSE"] } } },
      orderBy: { position: "asc" },
      select: {
        question: {
          select: {
            id: true,
            type: true,
            options: { select: { position: true, isCorrect: true, text: true } },
            facts: { select: { factId: true } },
          },
        },
      },
    });
    return items.map(({ question }) => ({
      id: question.id,
      type: question.type as "MULTIPLE_CHOICE" | "TRUE_FALSE",
      right: question.options.find((o) => o.isCorrect)!,
      wrong: question.options.find((o) => !o.isCorrect)!,
      factIds: question.facts.map((f) => f.factId),
    }));
  }

  const answer = (
    attemptId: string,
    question: { id: string; type: "MULTIPLE_CHOICE" | "TRUE_FALSE" },
    position: number,
    answeredAt = new Date(),
  ) => ({
    clientId: randomUUID(),
    attemptId,
    questionId: question.id,
    answer: { type: question.type, position },
    answeredAt: answeredAt.toISOString(),
    responseMs: 4000,
  });

  it("hides right and wrong until the due date everywhere the student looks, then applies each answer to memory once", async () => {
    const now = new Date();
    const dueAt = new Date(now.getTime() + DAY);
    const { student, assignment } = await assigned({ feedbackPolicy: "AFTER_DUE", dueAt });
    const questions = (await choiceQuestions()).slice(0, 3);
    expect(questions).toHaveLength(3);
    // A fact studied before, due for review now: review still serves it (the control).
    const otherFact = await test.db.fact.findFirstOrThrow({
      where: {
        id: { notIn: questions.flatMap((q) => q.factIds) },
        questions: { some: { question: { status: "SERVED" } } },
      },
    });
    const pendingFact = questions[0]!.factIds[0]!;
    for (const factId of [otherFact.id, pendingFact]) {
      await makeDueMemory(test.db, student.id, factId, new Date(now.getTime() - HOUR));
    }

    const { attemptId } = await startOrResumeAttempt(test.db, student, { assignmentId: assignment.id }, now);
    const outcomes = [];
    for (const [i, q] of questions.entries())
      outcomes.push(
        await recordAnswer(
          test.db,
          student,
          answer(attemptId, q, i === 0 ? q.right.position : q.wrong.position, now),
          now,
        ),
      );
    expect(outcomes.map((o) => o.feedback)).toEqual([null, null, null]);

    // Memory is untouched: the earlier state stays as it was, and no fact gained one.
    const memory = await test.db.reviewState.findMany({
      where: { userId: student.id },
      select: { factId: true, reps: true },
    });
    expect(memory.map((m) => m.reps)).toEqual([1, 1]);

    // Progress draws no answer and no right answer; review leaves out the pending fact.
    const progress = await findProgress(test.db, student, now);
    expect(progress.timeline.reduce((sum, d) => sum + d.answers + d.right, 0)).toBe(0);
    expect(await countDueFacts(test.db, student, now)).toBe(1);
    const reviewSetId = await prepareReviewSet(test.db, student, now);
    const reviewed = await test.db.questionSetItem.findMany({
      where: { setId: reviewSetId! },
      select: { question: { select: { facts: { select: { factId: true } } } } },
    });
    expect(reviewed.flatMap((i) => i.question.facts.map((f) => f.factId))).toEqual([otherFact.id]);

    // The student's export says what they answered, not whether it was right.
    const own = JSON.parse(await exportStudent(test.db, student, student.id, "json", now)) as {
      student: {
        attempts: {
          score: unknown;
          resultsShownFrom?: string;
          responses: { isCorrect: unknown; score: unknown; answer: string }[];
        }[];
      };
    };
    const hidden = own.student.attempts.find((a) => a.responses.length === 3)!;
    expect(hidden.score).toBeNull();
    expect(hidden.resultsShownFrom).toBe(dueAt.toISOString());
    for (const r of hidden.responses) {
      expect(r.isCorrect).toBeNull();
      expect(r.score).toBeNull();
      expect(JSON.parse(r.answer)).not.toHaveProperty("expected");
    }
    const csv = await exportStudent(test.db, student, student.id, "csv", now);
    expect(csv.match(/hidden until the due date/g)).toHaveLength(3);
    const correctColumn = (text: string) =>
      (parse(text, { columns: true, bom: true }) as Record<string, string>[]).map((row) => [row.correct, row.score]);
    expect(correctColumn(csv)).toEqual(Array.from({ length: 3 }, () => ["hidden until the due date", ""]));
    expect(csv).not.toContain("expected");
    // The teacher's copy has the results.
    const teachers = await exportStudent(test.db, teacher, student.id, "csv", now);
    expect(correctColumn(teachers).map(([correct]) => correct)).toEqual(["yes", "no", "no"]);

    // Due date passed: several servers release at once; each answer reaches memory once.
    const later = new Date(dueAt.getTime() + 60_000);
    const released = await Promise.all(
      Array.from({ length: 5 }, () => releaseResults(test.db, { userId: student.id }, later)),
    );
    expect(released.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await releaseResults(test.db, { userId: student.id }, later)).toBe(0);
    const after = await test.db.reviewState.findMany({
      where: { userId: student.id },
      select: { factId: true, reps: true },
    });
    const reps = new Map(after.map((m) => [m.factId, m.reps]));
    expect(reps.get(pendingFact)).toBe(2);
    for (const q of questions.slice(1)) for (const factId of q.factIds) expect(reps.get(factId)).toBe(1);
    expect(await test.db.response.count({ where: { attemptId, memoryPending: true } })).toBe(0);
    const shown = await findProgress(test.db, student, later);
    expect(shown.timeline.reduce((sum, d) => sum + d.answers, 0)).toBe(3);
    expect(shown.timeline.reduce((sum, d) => sum + d.right, 0)).toBe(1);
  });

  it("takes no answers once the assignment is closed, and none from a student taken off the roster", async () => {
    const [q1, q2] = await choiceQuestions();
    const closed = await assigned();
    const { attemptId } = await startOrResumeAttempt(test.db, closed.student, { assignmentId: closed.assignment.id });
    await closeAssignment(test.db, teacher, closed.assignment.id);
    await rejectsWith(recordAnswer(test.db, closed.student, answer(attemptId, q1!, q1!.right.position)), "forbidden");
    await rejectsWith(
      startOrResumeAttempt(test.db, closed.student, { assignmentId: closed.assignment.id }),
      "forbidden",
    );

    const removed = await assigned();
    const second = await startOrResumeAttempt(test.db, removed.student, { assignmentId: removed.assignment.id });
    await recordAnswer(test.db, removed.student, answer(second.attemptId, q1!, q1!.right.position));
    await removeStudent(test.db, teacher, removed.classroom.id, removed.student.id);
    await rejectsWith(
      recordAnswer(test.db, removed.student, answer(second.attemptId, q2!, q2!.right.position)),
      "forbidden",
    );

    expect(await test.db.response.count({ where: { attemptId } })).toBe(0);
    expect(await test.db.response.count({ where: { attemptId: second.attemptId } })).toBe(1);
  });

  it("judges lateness by when the server received the answer, believing the browser's clock only within the grace", async () => {
    const dueAt = new Date(Date.now() + HOUR);
    const { student, assignment } = await assigned({ dueAt });
    const [q1, q2, q3] = await choiceQuestions();
    const { attemptId } = await startOrResumeAttempt(
      test.db,
      student,
      { assignmentId: assignment.id },
      new Date(dueAt.getTime() - 3 * HOUR),
    );
    const minutes = (n: number) => new Date(dueAt.getTime() + n * 60_000);
    // A forged time from long ago, sent after the due date and the grace: late.
    const forged = await recordAnswer(
      test.db,
      student,
      answer(attemptId, q1!, q1!.right.position, new Date("2000-01-01")),
      minutes(45),
    );
    // Given offline ten minutes before the due date, sent ten minutes after it: on time.
    const offline = await recordAnswer(
      test.db,
      student,
      answer(attemptId, q2!, q2!.right.position, minutes(-10)),
      minutes(10),
    );
    // Claimed before the due date but received long after the grace: late.
    const stale = await recordAnswer(
      test.db,
      student,
      answer(attemptId, q3!, q3!.right.position, minutes(-10)),
      minutes(10 + ANSWER_CLOCK_GRACE_MS / 60_000),
    );
    expect([forged.late, offline.late, stale.late]).toEqual([true, false, true]);
    const stored = await test.db.response.findMany({
      where: { attemptId },
      select: { questionId: true, answeredAt: true },
    });
    expect(stored.find((r) => r.questionId === q1!.id)!.answeredAt.getTime()).toBe(
      minutes(45).getTime() - ANSWER_CLOCK_GRACE_MS,
    );
  });
});
