import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { updateAssignment } from "@/lib/assignments/mutations";
import { recordAnswer, startOrResumeAttempt } from "@/lib/attempts/mutations";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { ANSWER_GRACE_MS } from "@/lib/live/machine";
import { commandGame, joinGame, recordLiveAnswer, removePlayer, tickGame } from "@/lib/live/mutations";
import { findGameViewer, loadSnapshotUnscoped } from "@/lib/live/queries";
import { hostView, playerView } from "@/lib/live/views";
import { assignmentCsvRows, findAssignmentResults } from "@/lib/results/queries";

import { enrol, makeClass, makeLiveGame, makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

type Choice = { id: string; type: "MULTIPLE_CHOICE" | "TRUE_FALSE"; right: number; wrong: number; rightText: string };

describe(`live games on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let choices: Choice[];

  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
    const questions = await test.db.question.findMany({
      where: { status: "SERVED", type: { in: ["MULTIPLE_CHOICE", "TRUE_FALSE"] }, setItems: { some: {} } },
      orderBy: { key: "asc" },
      take: 3,
      select: { id: true, type: true, options: { select: { position: true, isCorrect: true, text: true } } },
    });
    choices = questions.map((q) => {
      const right = q.options.find((o) => o.isCorrect)!;
      return {
        id: q.id,
        type: q.type as Choice["type"],
        right: right.position,
        wrong: q.options.find((o) => !o.isCorrect)!.position,
        rightText: right.text,
      };
    });
    expect(choices).toHaveLength(3);
  });
  afterAll(() => test.drop());

  /** A teacher, a class of `size` students, a set of the three choice questions and a game of it. */
  async function setUp(size = 2, options: { allowLateJoin?: boolean; questionSeconds?: number } = {}) {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const students = [];
    for (let i = 0; i < size; i++) {
      const student = await makeUser(test.db, "STUDENT", `Student ${i + 1}`);
      await enrol(test.db, classroom.id, student.id);
      students.push(student);
    }
    const { set, gameId, game, pin } = await makeLiveGame(
      test.db,
      teacher,
      classroom.id,
      choices.map((c) => c.id),
      {
        setTitle: "Three questions",
        questionSeconds: options.questionSeconds ?? 20,
        allowLateJoin: options.allowLateJoin ?? true,
      },
    );
    return { teacher, classroom, students, set, gameId, game, pin };
  }

  const answer = (position: number, pick: "right" | "wrong", answeredAt: Date, clientId = randomUUID()) => ({
    clientId,
    position,
    questionId: choices[position]!.id,
    answer: { type: choices[position]!.type, position: choices[position]![pick] },
    answeredAt: answeredAt.toISOString(),
  });

  const after = (start: Date, ms: number) => new Date(start.getTime() + ms);

  async function openedAt(gameId: string) {
    return (await test.db.game.findUniqueOrThrow({ where: { id: gameId } })).openedAt!;
  }

  it("lets the class's students join by PIN, once each, and nobody else", async () => {
    const { students, pin, gameId } = await setUp(2);
    const stranger = await makeUser(test.db, "STUDENT");
    expect(await joinGame(test.db, students[0]!, pin)).toEqual({ gameId });
    expect(await joinGame(test.db, students[0]!, pin)).toEqual({ gameId });
    await rejectsWith(joinGame(test.db, stranger, pin), "not_found");
    expect(await test.db.gamePlayer.count({ where: { gameId } })).toBe(1);
    expect(await findGameViewer(test.db, students[0]!, gameId)).toEqual({ kind: "player", userId: students[0]!.id });
    expect(await findGameViewer(test.db, students[1]!, gameId)).toBeNull();
    expect(await findGameViewer(test.db, stranger, gameId)).toBeNull();
    const otherTeacher = await makeUser(test.db, "TEACHER");
    expect(await findGameViewer(test.db, otherTeacher, gameId)).toBeNull();
  });

  it("keeps a live assignment's answers to the game: no self-paced start, no answer through the quiz path", async () => {
    const { students, pin, game } = await setUp(1);
    await joinGame(test.db, students[0]!, pin);
    await rejectsWith(startOrResumeAttempt(test.db, students[0]!, { assignmentId: game.assignmentId }), "forbidden");
    // Nor may its dates or feedback be changed (its results would show before the game ends).
    await rejectsWith(
      updateAssignment(
        test.db,
        await test.db.user.findUniqueOrThrow({ where: { id: game.hostId } }),
        game.assignmentId,
        {
          classId: game.classId,
          setId: game.setId,
          title: "Changed",
          opensAt: "2026-01-01T08:00",
          dueAt: "",
          maxAttempts: 1,
          feedbackPolicy: "IMMEDIATE",
          timeZone: "UTC",
        },
      ),
      "conflict",
    );
    const player = await test.db.gamePlayer.findFirstOrThrow({ where: { gameId: game.id } });
    await commandGame(test.db, await test.db.user.findUniqueOrThrow({ where: { id: game.hostId } }), game.id, "start");
    await rejectsWith(
      recordAnswer(test.db, students[0]!, {
        clientId: randomUUID(),
        attemptId: player.attemptId,
        questionId: choices[0]!.id,
        answer: { type: choices[0]!.type, position: choices[0]!.right },
        answeredAt: new Date().toISOString(),
      }),
      "forbidden",
    );
    expect(await test.db.response.count({ where: { attemptId: player.attemptId } })).toBe(0);
  });

  it("plays a game through: answers received with nothing about right or wrong, then points, streaks and ranks at each close", async () => {
    const { teacher, students, pin, gameId, game } = await setUp(3);
    const [ana, ben, cat] = students as [(typeof students)[0], (typeof students)[0], (typeof students)[0]];
    for (const s of students) await joinGame(test.db, s, pin);
    await commandGame(test.db, teacher, gameId, "start");
    const q0 = await openedAt(gameId);

    // Ana answers right at 2 s (the same answer sent twice), Ben wrong at 5 s, Cat not at all.
    const anaFirst = answer(0, "right", after(q0, 2000));
    expect(await recordLiveAnswer(test.db, ana, gameId, anaFirst, after(q0, 2100))).toEqual({
      status: "received",
      duplicate: false,
    });
    expect(await recordLiveAnswer(test.db, ana, gameId, anaFirst, after(q0, 2500))).toEqual({
      status: "received",
      duplicate: true,
    });
    // Another answer to the same question is the first one, kept.
    expect(
      await recordLiveAnswer(test.db, ana, gameId, answer(0, "wrong", after(q0, 3000)), after(q0, 3000)),
    ).toMatchObject({
      duplicate: true,
    });
    await recordLiveAnswer(test.db, ben, gameId, answer(0, "wrong", after(q0, 5000)), after(q0, 5050));

    // While the question is open, no phone is told the right answer or its own mark.
    const open = (await loadSnapshotUnscoped(test.db, gameId))!;
    for (const s of students) {
      const view = playerView(open, s.id, after(q0, 6000))!;
      expect(view.reveal).toBeNull();
      expect(view.you.last).toBeNull();
      expect(JSON.stringify(view)).not.toMatch(/isCorrect|"right"|expected|quote/);
    }
    expect(playerView(open, ana.id, after(q0, 6000))!.you.answered).toBe(true);
    expect(hostView(open, after(q0, 6000))).toMatchObject({ answeredCount: 2, playerCount: 3, reveal: null });

    // The clock closes it once the time and the grace are over; a second tick changes nothing.
    expect(await tickGame(test.db, gameId, after(q0, 20_000))).toBe(false);
    expect(await tickGame(test.db, gameId, after(q0, 20_000 + ANSWER_GRACE_MS))).toBe(true);
    expect(await tickGame(test.db, gameId, after(q0, 20_000 + ANSWER_GRACE_MS + 10))).toBe(false);
    await rejectsWith(
      recordLiveAnswer(test.db, cat, gameId, answer(0, "right", after(q0, 19_000)), after(q0, 23_000)),
      "forbidden",
    );

    const revealed = (await loadSnapshotUnscoped(test.db, gameId))!;
    expect(revealed.state).toBe("REVEAL");
    expect(revealed.reveal).toMatchObject({ expected: choices[0]!.rightText });
    expect(revealed.reveal!.distribution.find((d) => d.right)).toMatchObject({ count: 1 });
    expect(revealed.reveal!.distribution.reduce((n, d) => n + d.count, 0)).toBe(2);
    const anaView = playerView(revealed, ana.id, new Date())!;
    expect(anaView.you).toMatchObject({ score: 950, streak: 1, rank: 1, last: { isCorrect: true, points: 950 } });
    expect(playerView(revealed, ben.id, new Date())!.you).toMatchObject({
      score: 0,
      last: { isCorrect: false, points: 0 },
    });
    expect(playerView(revealed, cat.id, new Date())!.you).toMatchObject({ score: 0, answered: false, last: null });

    // Question 2: Ana right at once (streak bonus), Ben right at 10 s. The teacher closes it early.
    await commandGame(test.db, teacher, gameId, "leaderboard");
    await commandGame(test.db, teacher, gameId, "next");
    const q1 = await openedAt(gameId);
    await recordLiveAnswer(test.db, ana, gameId, answer(1, "right", q1), after(q1, 300));
    await recordLiveAnswer(test.db, ben, gameId, answer(1, "right", after(q1, 10_000)), after(q1, 10_100));
    await commandGame(test.db, teacher, gameId, "close", after(q1, 12_000));
    const second = (await loadSnapshotUnscoped(test.db, gameId))!;
    expect(playerView(second, ana.id, new Date())!.you).toMatchObject({ score: 950 + 1100, streak: 2, rank: 1 });
    expect(playerView(second, ben.id, new Date())!.you).toMatchObject({ score: 750, streak: 1, rank: 2 });
    expect(hostView(second, new Date()).leaderboard.map((r) => r.name)).toEqual([
      "Student 1",
      "Student 2",
      "Student 3",
    ]);

    // Question 3 is skipped: nobody scores, streaks stand; then the game ends.
    await commandGame(test.db, teacher, gameId, "next");
    const q2 = await openedAt(gameId);
    await recordLiveAnswer(test.db, cat, gameId, answer(2, "right", after(q2, 1000)), after(q2, 1000));
    await commandGame(test.db, teacher, gameId, "skip", after(q2, 2000));
    const ended = (await loadSnapshotUnscoped(test.db, gameId))!;
    expect(ended).toMatchObject({ state: "ENDED", pin: null });
    expect(playerView(ended, cat.id, new Date())!.you.score).toBe(0);
    expect(playerView(ended, ana.id, new Date())!.you.streak).toBe(2);

    // One truth: the answers are the live assignment's, in its results and CSV, and in memory.
    const results = (await findAssignmentResults(test.db, teacher, game.assignmentId))!;
    const byName = Object.fromEntries(results.students.map((s) => [s.displayName, s]));
    expect(byName["Student 1"]).toMatchObject({ status: "done", answered: 2 });
    expect(byName["Student 2"]).toMatchObject({ answered: 2 });
    expect(byName["Student 3"]).toMatchObject({ answered: 1 });
    const csv = (await assignmentCsvRows(test.db, teacher, game.assignmentId, "answers"))!;
    // A header, then one row per student per question (answered or not).
    expect(csv.rows).toHaveLength(1 + 3 * 3);
    expect(csv.rows.filter((row) => row.includes(choices[0]!.rightText)).length).toBeGreaterThan(0);
    expect(await test.db.response.count({ where: { attempt: { assignmentId: game.assignmentId } } })).toBe(5);
    expect(
      await test.db.response.count({ where: { attempt: { assignmentId: game.assignmentId }, memoryPending: true } }),
    ).toBe(0);
    expect(await test.db.reviewState.count({ where: { userId: ana.id } })).toBeGreaterThan(0);
    // No answer counts after the end.
    await rejectsWith(recordLiveAnswer(test.db, ben, gameId, answer(2, "right", new Date())), "forbidden");
  });

  it("counts an answer given before the time ran out that arrives within the grace, and believes a phone's clock only so far", async () => {
    const { teacher, students, pin, gameId } = await setUp(2);
    for (const s of students) await joinGame(test.db, s, pin);
    await commandGame(test.db, teacher, gameId, "start");
    const q0 = await openedAt(gameId);
    // Given at 19.5 s offline, arriving at 21 s: counts, timed at 19.5 s.
    await recordLiveAnswer(test.db, students[0]!, gameId, answer(0, "right", after(q0, 19_500)), after(q0, 21_000));
    // Claims 0.1 s but arrives at 15 s: believed at most 5 s back, at 10 s.
    await recordLiveAnswer(test.db, students[1]!, gameId, answer(0, "right", after(q0, 100)), after(q0, 15_000));
    await tickGame(test.db, gameId, after(q0, 30_000));
    const answers = await test.db.gameAnswer.findMany({ where: { gameId }, orderBy: { elapsedMs: "asc" } });
    expect(answers.map((a) => [a.elapsedMs, a.points])).toEqual([
      [10_000, 750],
      [19_500, 513],
    ]);
  });

  it("pauses the countdown, refuses answers given during the pause, and leaves the pause out of the time", async () => {
    const { teacher, students, pin, gameId } = await setUp(1);
    await joinGame(test.db, students[0]!, pin);
    await commandGame(test.db, teacher, gameId, "start");
    const q0 = await openedAt(gameId);
    await commandGame(test.db, teacher, gameId, "pause", after(q0, 4000));
    await rejectsWith(
      recordLiveAnswer(test.db, students[0]!, gameId, answer(0, "right", after(q0, 5000)), after(q0, 5000)),
      "forbidden",
    );
    // Paused, the clock closes nothing.
    expect(await tickGame(test.db, gameId, after(q0, 60_000))).toBe(false);
    await commandGame(test.db, teacher, gameId, "resume", after(q0, 64_000));
    await recordLiveAnswer(test.db, students[0]!, gameId, answer(0, "right", after(q0, 66_000)), after(q0, 66_000));
    await commandGame(test.db, teacher, gameId, "close", after(q0, 67_000));
    const [scored] = await test.db.gameAnswer.findMany({ where: { gameId } });
    expect(scored).toMatchObject({ elapsedMs: 6000, points: 850 });
  });

  it("changes the game once when two commands race, and says why the other cannot be done", async () => {
    const { teacher, students, pin, gameId } = await setUp(1);
    await joinGame(test.db, students[0]!, pin);
    await commandGame(test.db, teacher, gameId, "start");
    const outcomes = await Promise.allSettled([
      commandGame(test.db, teacher, gameId, "close"),
      commandGame(test.db, teacher, gameId, "close"),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({
      reason: { code: "conflict", message: "No question is open." },
    });
    const game = await test.db.game.findUniqueOrThrow({ where: { id: gameId } });
    expect(game.state).toBe("REVEAL");
    expect(await test.db.gameQuestion.count({ where: { gameId, scoredAt: { not: null } } })).toBe(1);
  });

  it("keeps a removed player out, and late joiners out when the teacher says so", async () => {
    const { teacher, students, pin, gameId } = await setUp(2, { allowLateJoin: false });
    await joinGame(test.db, students[0]!, pin);
    const player = await test.db.gamePlayer.findFirstOrThrow({ where: { gameId } });
    await commandGame(test.db, teacher, gameId, "start");
    await rejectsWith(joinGame(test.db, students[1]!, pin), "forbidden");
    await removePlayer(test.db, teacher, gameId, player.id);
    await rejectsWith(joinGame(test.db, students[0]!, pin), "forbidden");
    await rejectsWith(recordLiveAnswer(test.db, students[0]!, gameId, answer(0, "right", new Date())), "forbidden");
    const other = await makeUser(test.db, "TEACHER");
    await rejectsWith(commandGame(test.db, other, gameId, "end"), "not_found");
    await rejectsWith(removePlayer(test.db, other, gameId, player.id), "not_found");
  });
});
