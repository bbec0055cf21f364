// A time limit per attempt: answers count when given before the attempt's deadline, judged by
// the same clock rule as the late flag (the browser's clock, believed at most the grace back
// and never before the attempt started); answers after it are refused and stored nowhere; an
// attempt whose time ran out is finished at its deadline with what was answered.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { updateAssignment } from "@/lib/assignments/mutations";
import { findQuizEntry } from "@/lib/attempts/entry";
import { ANSWER_CLOCK_GRACE_MS, recordAnswer, startOrResumeAttempt, TIME_UP_MESSAGE } from "@/lib/attempts/mutations";
import { findQuizState } from "@/lib/attempts/queries";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { assignmentCsvRows, findAssignmentResults } from "@/lib/results/queries";

import { enrol, makeClass, makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LIMIT = 10;

describe(`time limit per attempt on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let setId: string;
  let teacher: Awaited<ReturnType<typeof makeUser>>;
  let questions: { id: string; type: "MULTIPLE_CHOICE" | "TRUE_FALSE"; right: number; wrong: number }[];

  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
    setId = (await test.db.questionSet.findFirstOrThrow({ where: { kind: "ARTICLE" } })).id;
    teacher = await makeUser(test.db, "TEACHER");
    const items = await test.db.questionSetItem.findMany({
      where: { setId, question: { type: { in: ["MULTIPLE_CHOICE", "TRUE_FALSE"] } } },
      orderBy: { position: "asc" },
      select: {
        question: { select: { id: true, type: true, options: { select: { position: true, isCorrect: true } } } },
      },
    });
    questions = items.map(({ question }) => ({
      id: question.id,
      type: question.type as "MULTIPLE_CHOICE" | "TRUE_FALSE",
      right: question.options.find((o) => o.isCorrect)!.position,
      wrong: question.options.find((o) => !o.isCorrect)!.position,
    }));
    expect(questions.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(() => test.drop());

  /** A student with a started attempt at a fresh 10-minute assignment; `at(n)` is n minutes after the start. */
  async function started() {
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    const assignment = await test.db.assignment.create({
      data: {
        classId: classroom.id,
        setId,
        title: "Timed test",
        opensAt: new Date(Date.now() - 2 * DAY),
        timeLimitMinutes: LIMIT,
        createdById: teacher.id,
      },
    });
    const startedAt = new Date(Date.now() - DAY);
    const at = (minutes: number) => new Date(startedAt.getTime() + minutes * MINUTE);
    const entry = await findQuizEntry(test.db, student, { assignmentId: assignment.id }, startedAt);
    const { attemptId } = await startOrResumeAttempt(test.db, student, { assignmentId: assignment.id }, startedAt);
    return { classroom, student, assignment, attemptId, at, entry };
  }

  const answer = (attemptId: string, index: number, answeredAt: Date, right = true) => ({
    clientId: randomUUID(),
    attemptId,
    questionId: questions[index]!.id,
    answer: { type: questions[index]!.type, position: right ? questions[index]!.right : questions[index]!.wrong },
    answeredAt: answeredAt.toISOString(),
    responseMs: 3000,
  });
  const stored = (attemptId: string) => test.db.response.count({ where: { attemptId } });

  it("tells the student the limit before Start", async () => {
    const { entry } = await started();
    expect(entry?.rules?.timeLimitMinutes).toBe(LIMIT);
  });

  it("counts an answer given before the deadline, even when it arrives after it within the grace", async () => {
    const { student, attemptId, at } = await started();
    // Given offline at 9 minutes, sent at 25 (after the deadline, within the grace).
    const outcome = await recordAnswer(test.db, student, answer(attemptId, 0, at(9)), at(25));
    expect(outcome.status).toBe("saved");
    expect(await stored(attemptId)).toBe(1);
  });

  it("refuses an answer given after the deadline, with a clear message, and stores it nowhere", async () => {
    const { student, attemptId, at } = await started();
    const late = recordAnswer(test.db, student, answer(attemptId, 0, at(LIMIT + 1)), at(LIMIT + 1));
    await rejectsWith(late, "forbidden");
    await expect(late).rejects.toThrow(TIME_UP_MESSAGE);
    expect(await stored(attemptId)).toBe(0);
  });

  it("a phone clock hours ahead or behind cannot extend the limit", async () => {
    const { student, attemptId, at } = await started();
    // Hours ahead: believed no later than received, which is after the deadline.
    await rejectsWith(recordAnswer(test.db, student, answer(attemptId, 0, at(3 * 60)), at(LIMIT + 1)), "forbidden");
    // Hours behind: believed no further back than the grace before it arrived.
    const afterGrace = at(LIMIT + ANSWER_CLOCK_GRACE_MS / MINUTE + 1);
    await rejectsWith(recordAnswer(test.db, student, answer(attemptId, 1, at(-3 * 60)), afterGrace), "forbidden");
    await rejectsWith(
      recordAnswer(test.db, student, answer(attemptId, 2, new Date("2000-01-01")), at(3 * 60)),
      "forbidden",
    );
    expect(await stored(attemptId)).toBe(0);
    // Within the limit, a clock hours behind is believed as the attempt's start: it counts.
    await recordAnswer(test.db, student, answer(attemptId, 3, at(-3 * 60)), at(LIMIT - 1));
    const response = await test.db.response.findFirstOrThrow({ where: { attemptId }, select: { answeredAt: true } });
    expect(response.answeredAt).toEqual(at(0));
  });

  it("finishes the attempt at the deadline: answered questions scored, the rest unanswered", async () => {
    const { student, assignment, attemptId, at } = await started();
    const total = await test.db.questionSetItem.count({ where: { setId } });
    await recordAnswer(test.db, student, answer(attemptId, 0, at(1)), at(1));
    await recordAnswer(test.db, student, answer(attemptId, 1, at(2), false), at(2));

    // The student never finished; once the time is up the quiz page shows the result.
    const entry = await findQuizEntry(test.db, student, { assignmentId: assignment.id }, at(LIMIT + 5));
    expect(entry?.openAttemptId).toBeNull();
    expect(entry?.lastFinished).toMatchObject({ attemptId, score: 1 / total });
    const attempt = await test.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.finishedAt).toEqual(at(LIMIT));
    const state = await findQuizState(test.db, student, attemptId, at(LIMIT + 5));
    expect(state).toMatchObject({ finished: true, timedOut: true, deadline: at(LIMIT).toISOString() });

    // An answer given at 9 minutes that reached the server only now still counts.
    await recordAnswer(test.db, student, answer(attemptId, 2, at(9)), at(LIMIT + 6));
    const rescored = await test.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(rescored.score).toBeCloseTo(2 / total);
    expect(rescored.finishedAt).toEqual(at(LIMIT));
  });

  it("the teacher sees the time taken and that the attempt ran out of time, in results and the gradebook", async () => {
    const { student, assignment, attemptId, at } = await started();
    await recordAnswer(test.db, student, answer(attemptId, 0, at(1)), at(1));
    // Nobody opened the quiz since: the teacher's results finish it at its deadline.
    const results = await findAssignmentResults(test.db, teacher, assignment.id);
    const row = results!.students.find((s) => s.id === student.id)!;
    expect(row).toMatchObject({ status: "done", timedOut: true, timeTakenMs: LIMIT * MINUTE, answered: 1 });
    const csv = await assignmentCsvRows(test.db, teacher, assignment.id, "gradebook");
    const header = csv!.rows[0]!;
    const mine = csv!.rows.find((r) => r[header.indexOf("username")] === student.username)!;
    expect(mine[header.indexOf("timed out")]).toBe("yes");
    expect(mine[header.indexOf("time taken (minutes)")]).toBe(String(LIMIT));
  });

  it("the limit can change only while nobody has started", async () => {
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    const assignment = await test.db.assignment.create({
      data: {
        classId: classroom.id,
        setId,
        title: "Later",
        opensAt: new Date(Date.now() - DAY),
        createdById: teacher.id,
      },
    });
    const input = {
      classId: classroom.id,
      setId,
      title: "Later",
      opensAt: new Date(Date.now() - DAY).toISOString().slice(0, 16),
      maxAttempts: 1,
      feedbackPolicy: "IMMEDIATE" as const,
      timeZone: "UTC",
    };
    await updateAssignment(test.db, teacher, assignment.id, { ...input, timeLimitMinutes: 15 });
    await startOrResumeAttempt(test.db, student, { assignmentId: assignment.id });
    await rejectsWith(
      updateAssignment(test.db, teacher, assignment.id, { ...input, timeLimitMinutes: 30 }),
      "conflict",
    );
    // Other settings still change, the limit kept as it was.
    await updateAssignment(test.db, teacher, assignment.id, { ...input, title: "Renamed", timeLimitMinutes: 15 });
    expect(await test.db.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).toMatchObject({
      title: "Renamed",
      timeLimitMinutes: 15,
    });
  });
});
