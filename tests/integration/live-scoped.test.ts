// A phone's page and the first view of its stream are read for that player alone (their row, their
// rank and the number of players counted by the database), so that a class joining at once does
// not read the whole class per phone. What the phone is shown must be what the whole game's
// snapshot gives it: rank with every tie-break, the count of players, a removed player, the
// answer flag, and after the close the reveal. A class of namesakes still joins as "(2)", "(3)".
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CurrentUser } from "@/lib/auth/session";
import { commandGame, joinGame, recordLiveAnswer, removePlayer } from "@/lib/live/mutations";
import { loadPlayerViewUnscoped, loadSnapshotUnscoped } from "@/lib/live/queries";
import { playerView } from "@/lib/live/views";

import { enrol, makeClass, makeLiveGame, makeTrueFalseQuestion, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

describe(`a player's own view on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  /** Every player's own view equals their view from the whole game's snapshot. */
  async function expectSameViews(gameId: string, players: readonly Pick<CurrentUser, "id">[], now: Date) {
    const snapshot = (await loadSnapshotUnscoped(test.db, gameId))!;
    for (const player of players) {
      const own = await loadPlayerViewUnscoped(test.db, gameId, player.id, now);
      expect(own).toEqual(playerView(snapshot, player.id, now));
    }
    return snapshot;
  }

  it("ranks, counts and flags each player as the whole game's snapshot does, ties and removals included", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const students: Awaited<ReturnType<typeof makeUser>>[] = [];
    for (let i = 0; i < 7; i++) {
      const student = await makeUser(test.db, "STUDENT", `Player ${i + 1}`);
      await enrol(test.db, classroom.id, student.id);
      students.push(student);
    }
    const stranger = await makeUser(test.db, "STUDENT", "Stranger");
    const questions = [
      await makeTrueFalseQuestion(test.db, `scoped-${classroom.id}-1`),
      await makeTrueFalseQuestion(test.db, `scoped-${classroom.id}-2`),
    ];
    const { gameId, pin } = await makeLiveGame(
      test.db,
      teacher,
      classroom.id,
      questions.map((q) => q.id),
      { questionSeconds: 30 },
    );
    for (const student of students) await joinGame(test.db, student, pin);
    // Three joined in the same millisecond: the players' ids break their tie.
    const players = await test.db.gamePlayer.findMany({ where: { gameId }, orderBy: { joinedAt: "asc" } });
    const sameMoment = players[2]!.joinedAt;
    await test.db.gamePlayer.updateMany({
      where: { id: { in: [players[3]!.id, players[4]!.id] } },
      data: { joinedAt: sameMoment },
    });
    const now = new Date();

    // The lobby: ranked by arrival.
    const lobby = await expectSameViews(gameId, students, now);
    expect(lobby.players).toHaveLength(7);
    expect(await loadPlayerViewUnscoped(test.db, gameId, stranger.id, now)).toBeNull();
    expect(await loadPlayerViewUnscoped(test.db, gameId, students[0]!.id, now)).toMatchObject({
      state: "LOBBY",
      you: { rank: 1, players: 7, answered: false },
    });

    // The first question: some answer (right or wrong), one is removed.
    await commandGame(test.db, teacher, gameId, "start");
    const openedAt = (await test.db.game.findUniqueOrThrow({ where: { id: gameId } })).openedAt!;
    const answer = (student: Pick<CurrentUser, "id" | "role">, position: 0 | 1, at: number) =>
      recordLiveAnswer(
        test.db,
        student,
        gameId,
        {
          clientId: randomUUID(),
          position: 0,
          questionId: questions[0]!.id,
          answer: { type: "TRUE_FALSE", position },
          answeredAt: new Date(openedAt.getTime() + at).toISOString(),
        },
        new Date(openedAt.getTime() + at + 50),
      );
    await answer(students[0]!, 0, 4000);
    await answer(students[1]!, 1, 2000);
    await answer(students[3]!, 0, 4000);
    await answer(students[4]!, 0, 4000);
    await answer(students[5]!, 0, 1000);
    await removePlayer(test.db, teacher, gameId, players[6]!.id);
    const open = await expectSameViews(gameId, students, now);
    expect(open.state).toBe("QUESTION");
    const removed = students.find((s) => s.id === players[6]!.userId)!;
    expect(await loadPlayerViewUnscoped(test.db, gameId, removed.id, now)).toMatchObject({
      you: { removed: true, rank: 7, players: 6 },
    });
    const own = (await loadPlayerViewUnscoped(test.db, gameId, students[0]!.id, now))!;
    expect(own).toMatchObject({ reveal: null, you: { answered: true, last: null } });
    expect(JSON.stringify(own)).not.toMatch(/isCorrect|expected|quote/);

    // Closed and scored: points, ties on score broken by time, then arrival, then id; the reveal.
    await commandGame(test.db, teacher, gameId, "close", new Date(openedAt.getTime() + 6000));
    const revealed = await expectSameViews(gameId, students, now);
    expect(revealed.state).toBe("REVEAL");
    expect((await loadPlayerViewUnscoped(test.db, gameId, students[5]!.id, now))!.you).toMatchObject({ rank: 1 });

    // The next question, read for each player alone again, with the scores standing.
    await commandGame(test.db, teacher, gameId, "next");
    const second = await expectSameViews(gameId, students, now);
    expect(second.state).toBe("QUESTION");
    const ranks = await Promise.all(
      students.map(async (s) => (await loadPlayerViewUnscoped(test.db, gameId, s.id, now))!.you.rank),
    );
    expect(new Set(ranks).size).toBe(7);
  });

  it("names namesakes '(2)' and '(3)' as they join, reading only the players of that name", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const names = ["Sam Student", "Sam Student", "SAM STUDENT", "Sam Students", "Sam Student"];
    const students = [];
    for (const name of names) {
      const student = await makeUser(test.db, "STUDENT", name);
      await enrol(test.db, classroom.id, student.id);
      students.push(student);
    }
    const question = await makeTrueFalseQuestion(test.db, `namesakes-${classroom.id}`);
    const { gameId, pin } = await makeLiveGame(test.db, teacher, classroom.id, [question.id]);
    for (const student of students) await joinGame(test.db, student, pin);
    const joined = await test.db.gamePlayer.findMany({ where: { gameId }, select: { userId: true, nickname: true } });
    expect(students.map((s) => joined.find((p) => p.userId === s.id)?.nickname)).toEqual([
      "Sam Student",
      "Sam Student (2)",
      "SAM STUDENT (3)",
      "Sam Students",
      "Sam Student (4)",
    ]);
  });
});
