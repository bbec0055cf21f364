// Opening a quiz reads; starting one writes. A quiz page (and a prefetch of it, or a crawler)
// only reads what the student may see: their attempt in progress, their latest finished one,
// and the rules; an attempt (or a review session) begins only when the student presses Start,
// and that write keeps the assignment's rules.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { closeAssignment } from "@/lib/assignments/mutations";
import { findQuizEntry, quizRowsToShow, readQuizPage } from "@/lib/attempts/entry";
import { recordAnswer, startOrResumeAttempt } from "@/lib/attempts/mutations";
import { findQuizState } from "@/lib/attempts/queries";
import { removeStudent } from "@/lib/classes/mutations";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { countDueFacts, findOpenReviewSetId, startReview } from "@/lib/learning/queries";
import type { Role } from "@/lib/generated/sqlite/enums";

import { enrol, makeClass, makeDueMemory, makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe(`opening and starting quizzes on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let articleSetId: string;
  let teacher: Awaited<ReturnType<typeof makeUser>>;
  /** Two choice questions of the seed, with their right answers. */
  let questions: { id: string; type: "MULTIPLE_CHOICE" | "TRUE_FALSE"; right: number; factIds: string[] }[];

  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
    articleSetId = (await test.db.questionSet.findFirstOrThrow({ where: { kind: "ARTICLE" } })).id;
    teacher = await makeUser(test.db, "TEACHER");
    const found = await test.db.question.findMany({
      where: { status: "SERVED", type: "MULTIPLE_CHOICE", copyOfId: null },
      take: 2,
      select: { id: true, options: { select: { position: true, isCorrect: true } }, facts: true },
    });
    questions = found.map((q) => ({
      id: q.id,
      type: "MULTIPLE_CHOICE",
      right: q.options.find((o) => o.isCorrect)!.position,
      factIds: q.facts.map((f) => f.factId),
    }));
  });
  afterAll(() => test.drop());

  const attempts = (userId: string) => test.db.attempt.count({ where: { userId } });

  /** A student on a fresh class with one assignment of a two-question set. */
  async function assigned(
    options: { maxAttempts?: number; opensAt?: Date; dueAt?: Date; feedbackPolicy?: "IMMEDIATE" | "AFTER_DUE" } = {},
  ) {
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, student.id);
    const set = await test.db.questionSet.create({
      data: {
        title: "Two questions",
        kind: "CUSTOM",
        ownerId: teacher.id,
        items: { create: questions.map((q, position) => ({ questionId: q.id, position })) },
      },
    });
    const assignment = await test.db.assignment.create({
      data: {
        classId: classroom.id,
        setId: set.id,
        title: `Homework ${randomUUID().slice(0, 6)}`,
        opensAt: options.opensAt ?? new Date(Date.now() - HOUR),
        dueAt: options.dueAt ?? null,
        maxAttempts: options.maxAttempts ?? 1,
        feedbackPolicy: options.feedbackPolicy ?? "IMMEDIATE",
        createdById: teacher.id,
      },
    });
    return { classroom, student, assignment };
  }

  async function answerAll(student: { id: string; role: Role }, attemptId: string) {
    for (const q of questions)
      await recordAnswer(test.db, student, {
        clientId: randomUUID(),
        attemptId,
        questionId: q.id,
        answer: { type: q.type, position: q.right },
        answeredAt: new Date().toISOString(),
      });
  }

  it("reading a quiz page starts nothing, however often it is read (a prefetch, a crawler, a reload)", async () => {
    const student = await makeUser(test.db, "STUDENT");
    for (let i = 0; i < 3; i++) {
      const entry = (await findQuizEntry(test.db, student, { setId: articleSetId }))!;
      expect(entry).toMatchObject({ kind: "ARTICLE", openAttemptId: null, lastFinished: null, refusal: null });
      expect(entry.questionCount).toBeGreaterThanOrEqual(10);
      expect(entry.rules).toBeNull();
    }
    const { student: pupil, assignment } = await assigned({
      maxAttempts: 2,
      dueAt: new Date(Date.now() + DAY),
      feedbackPolicy: "AFTER_DUE",
    });
    const entry = (await findQuizEntry(test.db, pupil, { assignmentId: assignment.id }))!;
    expect(entry).toMatchObject({
      title: assignment.title,
      questionCount: 2,
      openAttemptId: null,
      refusal: null,
      rules: { maxAttempts: 2, attemptsUsed: 0, dueAt: assignment.dueAt, resultsHidden: true },
    });
    expect(await attempts(student.id)).toBe(0);
    expect(await attempts(pupil.id)).toBe(0);
  });

  it("after the last answer the read shows the finished attempt, and only Start begins the next", async () => {
    const { student, assignment } = await assigned({ maxAttempts: 2 });
    const target = { assignmentId: assignment.id };
    const { attemptId } = await startOrResumeAttempt(test.db, student, target);
    // A second press of Start (a double tap, another tab) resumes the same attempt.
    expect((await startOrResumeAttempt(test.db, student, target)).attemptId).toBe(attemptId);
    expect((await findQuizEntry(test.db, student, target))!.openAttemptId).toBe(attemptId);

    await answerAll(student, attemptId);
    // The reload right after the last answer: the results, not a new empty attempt.
    const after = (await findQuizEntry(test.db, student, target))!;
    expect(after).toMatchObject({
      openAttemptId: null,
      lastFinished: { attemptId, number: 1, score: 1 },
      refusal: null,
      rules: { attemptsUsed: 1 },
    });
    expect(await attempts(student.id)).toBe(1);

    const again = await startOrResumeAttempt(test.db, student, target);
    expect(again.attemptId).not.toBe(attemptId);
    expect((await test.db.attempt.findUniqueOrThrow({ where: { id: again.attemptId } })).number).toBe(2);
  });

  it("the page's reads made beside the session check show what reading after it shows, and only for that user", async () => {
    const { classroom, student, assignment } = await assigned({ maxAttempts: 2 });
    const target = { assignmentId: assignment.id };
    // Before Start: the start screen, no attempt to show.
    let read = await readQuizPage(test.db, student.id, target);
    expect(read!.latest).toBeNull();
    let entry = (await findQuizEntry(test.db, student, target, new Date(), read))!;
    expect(entry).toEqual(await findQuizEntry(test.db, student, target));
    expect(quizRowsToShow(read, entry)).toBeUndefined();

    // An attempt in progress with one answer: the player, the same as read after the check.
    const { attemptId } = await startOrResumeAttempt(test.db, student, target);
    const first = questions[0]!;
    await recordAnswer(test.db, student, {
      clientId: randomUUID(),
      attemptId,
      questionId: first.id,
      answer: { type: first.type, position: first.right },
      answeredAt: new Date().toISOString(),
    });
    const now = new Date();
    read = await readQuizPage(test.db, student.id, target);
    entry = (await findQuizEntry(test.db, student, target, now, read))!;
    expect(entry.openAttemptId).toBe(attemptId);
    const rows = quizRowsToShow(read, entry);
    expect(rows?.attempt.id).toBe(attemptId);
    const shown = await findQuizState(test.db, student, attemptId, now, rows);
    expect(shown).toEqual(await findQuizState(test.db, student, attemptId, now));
    expect(shown!.answered.map((a) => a.questionId)).toEqual([first.id]);
    expect(shown!.questions).toHaveLength(questions.length);

    // Finished: the latest attempt is read, but the page shows the results, not its rows.
    await recordAnswer(test.db, student, {
      clientId: randomUUID(),
      attemptId,
      questionId: questions[1]!.id,
      answer: { type: questions[1]!.type, position: questions[1]!.right },
      answeredAt: new Date().toISOString(),
    });
    read = await readQuizPage(test.db, student.id, target);
    expect(read!.latest?.attempt.id).toBe(attemptId);
    entry = (await findQuizEntry(test.db, student, target, new Date(), read))!;
    expect(entry).toMatchObject({ openAttemptId: null, lastFinished: { attemptId } });
    expect(quizRowsToShow(read, entry)).toBeUndefined();

    // Reads made for one user are refused for another (a cookie naming someone the check refused).
    const classmate = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, classmate.id);
    await expect(findQuizEntry(test.db, classmate, target, new Date(), read)).rejects.toThrow(/another user/);
    // A classmate's own reads: their own (empty) state, never the first student's attempt.
    const theirs = await readQuizPage(test.db, classmate.id, target);
    expect(theirs!.latest).toBeNull();
    expect(await findQuizEntry(test.db, classmate, target, new Date(), theirs)).toMatchObject({
      openAttemptId: null,
      lastFinished: null,
    });
  });

  it("start keeps the assignment's rules (attempt limit, not open yet, closed); the read says why and starts nothing", async () => {
    const used = await assigned({ maxAttempts: 1 });
    const { attemptId } = await startOrResumeAttempt(test.db, used.student, { assignmentId: used.assignment.id });
    await answerAll(used.student, attemptId);
    const usedUp = (await findQuizEntry(test.db, used.student, { assignmentId: used.assignment.id }))!;
    expect(usedUp.refusal).toMatch(/used all/);
    expect(usedUp.lastFinished?.attemptId).toBe(attemptId);
    await rejectsWith(startOrResumeAttempt(test.db, used.student, { assignmentId: used.assignment.id }), "forbidden");
    expect(await attempts(used.student.id)).toBe(1);

    const early = await assigned({ opensAt: new Date(Date.now() + DAY) });
    expect((await findQuizEntry(test.db, early.student, { assignmentId: early.assignment.id }))!.refusal).toMatch(
      /not open yet/,
    );
    await rejectsWith(startOrResumeAttempt(test.db, early.student, { assignmentId: early.assignment.id }), "forbidden");

    const closed = await assigned();
    await closeAssignment(test.db, teacher, closed.assignment.id);
    expect((await findQuizEntry(test.db, closed.student, { assignmentId: closed.assignment.id }))!.refusal).toMatch(
      /closed/,
    );
    await rejectsWith(
      startOrResumeAttempt(test.db, closed.student, { assignmentId: closed.assignment.id }),
      "forbidden",
    );
    expect(await attempts(early.student.id)).toBe(0);
    expect(await attempts(closed.student.id)).toBe(0);
  });

  it("the read reveals nothing the user cannot see, and start refuses the same", async () => {
    const { classroom, student, assignment } = await assigned({ maxAttempts: 3 });
    const target = { assignmentId: assignment.id };
    const { attemptId } = await startOrResumeAttempt(test.db, student, target);

    // Outside the class, a teacher (even the class's), a made-up id: nothing there.
    const outsider = await makeUser(test.db, "STUDENT");
    expect(await findQuizEntry(test.db, outsider, target)).toBeNull();
    await rejectsWith(startOrResumeAttempt(test.db, outsider, target), "not_found");
    expect(await findQuizEntry(test.db, teacher, target)).toBeNull();
    await rejectsWith(startOrResumeAttempt(test.db, teacher, target), "forbidden");
    expect(await findQuizEntry(test.db, student, { assignmentId: "no-such-assignment" })).toBeNull();
    expect(await findQuizEntry(test.db, student, { setId: assignment.setId })).toBeNull();
    await rejectsWith(startOrResumeAttempt(test.db, student, { setId: assignment.setId }), "not_found");

    // Another student of the class sees the quiz, but not the first one's attempt.
    const classmate = await makeUser(test.db, "STUDENT");
    await enrol(test.db, classroom.id, classmate.id);
    expect(await findQuizEntry(test.db, classmate, target)).toMatchObject({
      openAttemptId: null,
      rules: { attemptsUsed: 0 },
    });

    // Taken off the roster: the assignment is gone for them.
    await removeStudent(test.db, teacher, classroom.id, student.id);
    expect(await findQuizEntry(test.db, student, target)).toBeNull();
    await rejectsWith(startOrResumeAttempt(test.db, student, target), "not_found");
    expect(await test.db.attempt.count({ where: { assignmentId: assignment.id } })).toBe(1);
    expect(attemptId).toBeTruthy();
  });

  it("a review session is built only when started, and resumed until finished", async () => {
    const student = await makeUser(test.db, "STUDENT");
    const now = new Date();
    for (const factId of questions.flatMap((q) => q.factIds))
      await makeDueMemory(test.db, student.id, factId, new Date(now.getTime() - HOUR));
    const reviewSets = () => test.db.questionSet.count({ where: { kind: "REVIEW", ownerId: student.id } });
    expect(await countDueFacts(test.db, student, now)).toBeGreaterThan(0);
    expect(await findOpenReviewSetId(test.db, student)).toBeNull();
    expect(await reviewSets()).toBe(0);
    expect(await attempts(student.id)).toBe(0);

    const setId = (await startReview(test.db, student, now))!;
    expect(await findOpenReviewSetId(test.db, student)).toBe(setId);
    const entry = (await findQuizEntry(test.db, student, { setId }))!;
    expect(entry.kind).toBe("REVIEW");
    expect(entry.openAttemptId).not.toBeNull();
    // Pressing Start review again resumes the same session.
    expect(await startReview(test.db, student, now)).toBe(setId);
    expect(await reviewSets()).toBe(1);
    expect(await attempts(student.id)).toBe(1);

    // A leftover session that reviews fewer facts than are due (one question left from an
    // earlier day) is closed, and Start review builds one of everything due, as home says.
    const later = await makeUser(test.db, "STUDENT");
    for (const factId of questions.flatMap((q) => q.factIds))
      await makeDueMemory(test.db, later.id, factId, new Date(now.getTime() - HOUR));
    const leftover = await test.db.questionSet.create({
      data: {
        title: "Review",
        kind: "REVIEW",
        ownerId: later.id,
        items: { create: { questionId: questions[0]!.id, position: 0 } },
      },
    });
    const stale = await test.db.attempt.create({
      data: { userId: later.id, setId: leftover.id, number: 1, startedAt: new Date(now.getTime() - 2 * DAY) },
    });
    const due = await countDueFacts(test.db, later, now);
    expect(due).toBeGreaterThan(1);
    expect(await findOpenReviewSetId(test.db, later, now)).toBeNull();
    // Looking (the review page renders) closes nothing: Start review does.
    expect((await test.db.attempt.findUniqueOrThrow({ where: { id: stale.id } })).finishedAt).toBeNull();
    const fresh = (await startReview(test.db, later, now))!;
    expect(fresh).not.toBe(leftover.id);
    // The same session as a student with these facts due gets when starting afresh.
    expect(await test.db.questionSetItem.count({ where: { setId: fresh } })).toBe(
      await test.db.questionSetItem.count({ where: { setId } }),
    );
    expect(
      (await test.db.questionSetItem.findMany({ where: { setId: fresh } })).some(
        (i) => i.questionId !== questions[0]!.id,
      ),
    ).toBe(true);
    expect((await test.db.attempt.findUniqueOrThrow({ where: { id: stale.id } })).finishedAt).not.toBeNull();

    // Nothing due: nothing built.
    const idle = await makeUser(test.db, "STUDENT");
    expect(await startReview(test.db, idle, now)).toBeNull();
    expect(await test.db.questionSet.count({ where: { ownerId: idle.id } })).toBe(0);
  });
});
