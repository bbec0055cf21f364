// A class larger than one of scoring's statements (lib/live/store.ts writes a question's points
// in statements of up to 256 rows): when the question closes every player gets their own
// points and streak, once, as the scoring formula says, whichever chunk their row fell in.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { commandGame, joinGame, recordLiveAnswer } from "@/lib/live/mutations";
import { scoreAnswer } from "@/lib/live/scoring";
import { inChunks } from "@/lib/live/store";

import { enrol, makeClass, makeLiveGame, makeTrueFalseQuestion, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const PLAYERS = 300;

describe(`scoring a class of ${PLAYERS} on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
  });

  afterAll(async () => {
    await test?.drop();
  });

  it("chunks rows by 256, then by halves, so that a statement's text is one of a few", () => {
    const sizes = (n: number) => inChunks(Array.from({ length: n }, (_, i) => i)).map((chunk) => chunk.length);
    expect(sizes(0)).toEqual([]);
    expect(sizes(1)).toEqual([1]);
    expect(sizes(300)).toEqual([256, 32, 8, 4]);
    expect(sizes(2000)).toEqual([256, 256, 256, 256, 256, 256, 256, 128, 64, 16]);
    expect(inChunks(Array.from({ length: 2000 }, (_, i) => i)).flat()).toEqual(
      Array.from({ length: 2000 }, (_, i) => i),
    );
  });

  it("gives each player their own points and streak when the question closes, once", async () => {
    const { db } = test;
    const teacher = await makeUser(db, "TEACHER");
    const classroom = await makeClass(db, teacher.id);
    const tag = randomUUID().slice(0, 8);
    const questions = [
      await makeTrueFalseQuestion(db, `many1-${tag}`),
      await makeTrueFalseQuestion(db, `many2-${tag}`),
    ];
    const { gameId, pin } = await makeLiveGame(
      db,
      teacher,
      classroom.id,
      questions.map((q) => q.id),
      { questionSeconds: 20 },
    );
    const students = [];
    for (let i = 0; i < PLAYERS; i++) {
      const student = await makeUser(db, "STUDENT", `Player ${i}`);
      await enrol(db, classroom.id, student.id);
      await joinGame(db, student, pin);
      students.push(student);
    }
    // Question 1: every third player does not answer, every other one answering is wrong, each
    // at their own speed. Question 2: everyone answers right, so streaks carry on or start.
    const expected = new Map<string, { score: number; streak: number; correct: number }>();
    for (const [position, question] of questions.entries()) {
      await commandGame(db, teacher, gameId, position === 0 ? "start" : "next");
      const { openedAt } = await db.game.findUniqueOrThrow({ where: { id: gameId }, select: { openedAt: true } });
      for (const [i, student] of students.entries()) {
        const answers = position === 1 || i % 3 !== 0;
        const right = position === 1 || i % 2 === 0;
        const before = expected.get(student.id) ?? { score: 0, streak: 0, correct: 0 };
        const elapsedMs = 1000 + i * 37;
        if (answers) {
          const at = new Date(openedAt!.getTime() + elapsedMs);
          await recordLiveAnswer(
            db,
            student,
            gameId,
            {
              clientId: `many-${position}-${i}-${tag}`,
              position,
              questionId: question.id,
              answer: { type: "TRUE_FALSE", position: right ? 0 : 1 },
              answeredAt: at.toISOString(),
            },
            at,
          );
        }
        const result = scoreAnswer(
          answers ? { isCorrect: right, score: right ? 1 : 0, elapsedMs } : null,
          20_000,
          before.streak,
        );
        expected.set(student.id, {
          score: before.score + result.points,
          streak: result.streak,
          correct: before.correct + (answers && right ? 1 : 0),
        });
      }
      await commandGame(db, teacher, gameId, "close");
    }

    const players = await db.gamePlayer.findMany({
      where: { gameId },
      select: { userId: true, score: true, streak: true, correct: true },
    });
    expect(players).toHaveLength(PLAYERS);
    for (const player of players) expect(player, player.userId).toMatchObject(expected.get(player.userId)!);
    const answered = PLAYERS + students.filter((_, i) => i % 3 !== 0).length;
    expect(await db.gameAnswer.count({ where: { gameId } })).toBe(answered);
  }, 120_000);
});
