import { randomUUID } from "node:crypto";

import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { commandGame, joinGame, recordLiveAnswer, removePlayer } from "@/lib/live/mutations";
import { loadSnapshotUnscoped } from "@/lib/live/queries";
import { gameReportPlayerRows, gameReportQuestionRows } from "@/lib/live/report";
import { findGameReport } from "@/lib/live/report-queries";
import { hostView } from "@/lib/live/views";

import { enrol, makeClass, makeLiveGame, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

type Choice = { id: string; type: "MULTIPLE_CHOICE" | "TRUE_FALSE"; right: number; wrong: number; stem: string };

describe(`a live game's report on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let choices: Choice[];

  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
    const questions = await test.db.question.findMany({
      where: { status: "SERVED", type: { in: ["MULTIPLE_CHOICE", "TRUE_FALSE"] }, setItems: { some: {} } },
      orderBy: { key: "asc" },
      take: 4,
      select: { id: true, type: true, stem: true, options: { select: { position: true, isCorrect: true } } },
    });
    choices = questions.map((q) => ({
      id: q.id,
      type: q.type as Choice["type"],
      stem: q.stem,
      right: q.options.find((o) => o.isCorrect)!.position,
      wrong: q.options.find((o) => !o.isCorrect)!.position,
    }));
    expect(choices).toHaveLength(4);
  });
  afterAll(() => test.drop());

  const after = (start: Date, ms: number) => new Date(start.getTime() + ms);
  const answer = (position: number, pick: "right" | "wrong", answeredAt: Date) => ({
    clientId: randomUUID(),
    position,
    questionId: choices[position]!.id,
    answer: { type: choices[position]!.type, position: choices[position]![pick] },
    answeredAt: answeredAt.toISOString(),
  });
  const openedAt = async (gameId: string) =>
    (await test.db.game.findUniqueOrThrow({ where: { id: gameId } })).openedAt!;

  it("agrees with the leaderboard and the answers given, for the host only, once the game has ended", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    // A name that a spreadsheet would run as a formula.
    const names = ["Ana", "Ben", "=HYPERLINK(1)", "Dan"];
    const students = [];
    for (const name of names) {
      const student = await makeUser(test.db, "STUDENT", name);
      await enrol(test.db, classroom.id, student.id);
      students.push(student);
    }
    const [ana, ben, cat, dan] = students as [
      (typeof students)[0],
      (typeof students)[0],
      (typeof students)[0],
      (typeof students)[0],
    ];
    const { gameId, pin } = await makeLiveGame(
      test.db,
      teacher,
      classroom.id,
      choices.map((c) => c.id),
      { setTitle: "Four questions" },
    );
    for (const s of students) await joinGame(test.db, s, pin);
    await commandGame(test.db, teacher, gameId, "start");

    // Q1: Ana right at 2 s, Ben right at 6 s, Cat wrong, Dan right at 1 s.
    let opened = await openedAt(gameId);
    await recordLiveAnswer(test.db, ana, gameId, answer(0, "right", after(opened, 2000)), after(opened, 2000));
    await recordLiveAnswer(test.db, ben, gameId, answer(0, "right", after(opened, 6000)), after(opened, 6000));
    await recordLiveAnswer(test.db, cat, gameId, answer(0, "wrong", after(opened, 3000)), after(opened, 3000));
    await recordLiveAnswer(test.db, dan, gameId, answer(0, "right", after(opened, 1000)), after(opened, 1000));
    await commandGame(test.db, teacher, gameId, "close", after(opened, 8000));
    // Dan is removed: out of the leaderboard and every figure after.
    const danPlayer = await test.db.gamePlayer.findFirstOrThrow({ where: { gameId, userId: dan.id } });
    await removePlayer(test.db, teacher, gameId, danPlayer.id);

    // Q2: Ana wrong, Ben right at 4 s, Cat right at 10 s.
    await commandGame(test.db, teacher, gameId, "next");
    opened = await openedAt(gameId);
    await recordLiveAnswer(test.db, ana, gameId, answer(1, "wrong", after(opened, 2000)), after(opened, 2000));
    await recordLiveAnswer(test.db, ben, gameId, answer(1, "right", after(opened, 4000)), after(opened, 4000));
    await recordLiveAnswer(test.db, cat, gameId, answer(1, "right", after(opened, 10_000)), after(opened, 10_000));
    await commandGame(test.db, teacher, gameId, "close", after(opened, 12_000));

    // Q3: Ana answers, then the teacher skips it (Q4 opens). The report is not ready while the game runs.
    await commandGame(test.db, teacher, gameId, "next");
    opened = await openedAt(gameId);
    await recordLiveAnswer(test.db, ana, gameId, answer(2, "right", after(opened, 1000)), after(opened, 1000));
    await commandGame(test.db, teacher, gameId, "skip", after(opened, 2000));
    expect((await findGameReport(test.db, teacher, gameId))!.report).toBeNull();
    // Ended during Q4, before anyone answered it.
    await commandGame(test.db, teacher, gameId, "end");

    const loaded = (await findGameReport(test.db, teacher, gameId))!;
    const report = loaded.report!;
    const leaderboard = hostView((await loadSnapshotUnscoped(test.db, gameId))!, new Date()).leaderboard;
    // The same players, order and points as the leaderboard; the removed player last, unranked.
    expect(report.players.filter((p) => p.rank !== null).map((p) => [p.rank, p.nickname, p.points])).toEqual(
      leaderboard.map((row) => [row.rank, row.name, row.score]),
    );
    expect(report.players.at(-1)).toMatchObject({ nickname: "Dan", rank: null, removed: true });
    // Each player's points are the sum of their answers' points, as the game scored them.
    const gameAnswers = await test.db.gameAnswer.findMany({ where: { gameId }, include: { player: true } });
    for (const player of report.players) {
      const own = gameAnswers.filter((a) => a.player.nickname === player.nickname);
      expect(player.cells.reduce((n, c) => n + (c?.points ?? 0), 0)).toBe(player.points);
      expect(own.reduce((n, a) => n + a.points, 0)).toBe(player.points);
    }
    const byName = Object.fromEntries(report.players.map((p) => [p.nickname, p]));
    expect(byName.Ana!.cells.map((c) => c?.mark ?? null)).toEqual(["right", "wrong", "right", null]);
    expect(byName.Ana!.cells[2]).toMatchObject({ points: null });
    expect(byName.Ana!).toMatchObject({ right: 1, answered: 3, timeMs: 4000 });
    expect(byName.Ben!).toMatchObject({ right: 2, timeMs: 10_000 });

    // Per question: removed players left out; the skipped and unreached ones say so.
    const [q1, q2, q3, q4] = report.questions;
    expect(q1).toMatchObject({ status: "played", players: 3, answered: 3, right: 2, averageMs: 11_000 / 3 });
    expect(q1!.distribution.find((d) => d.right)).toMatchObject({ count: 2 });
    expect(q1!.distribution.reduce((n, d) => n + d.count, 0)).toBe(3);
    expect(q2).toMatchObject({ answered: 3, right: 2, averageMs: 16_000 / 3 });
    expect(q3).toMatchObject({ status: "skipped", answered: 1 });
    expect(q4).toMatchObject({ status: "played", answered: 0, shareRight: null, noAnswer: 3 });

    // The CSVs hold the same, with formulas kept from running.
    const players = gameReportPlayerRows(report);
    expect(players).toHaveLength(1 + 4 * 4);
    const anaQ1 = players.find((row) => row[1] === "Ana" && row[4] === "1")!;
    expect(anaQ1[8]).toBe(String(byName.Ana!.cells[0]!.points));
    expect(anaQ1[5]).toBe(choices[0]!.stem);
    const csv = stringify(players, { bom: true, escape_formulas: true });
    expect(csv).toContain("'=HYPERLINK(1)");
    expect(gameReportQuestionRows(report)[1]!.slice(2, 7)).toEqual(["played", "3", "3", "2", "67%"]);

    // Another teacher, and the students, may not see it.
    expect(await findGameReport(test.db, await makeUser(test.db, "TEACHER"), gameId)).toBeNull();
    expect(await findGameReport(test.db, await makeUser(test.db, "ADMIN"), gameId)).toBeNull();
    expect(await findGameReport(test.db, ana, gameId)).toBeNull();
  });
});
