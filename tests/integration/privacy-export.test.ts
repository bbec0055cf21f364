// A student's own copy of their data names every live game they played: the name the projector
// showed, their points and each answer's points; their teacher's copy, the games of that
// teacher's classes only.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { commandGame, joinGame, recordLiveAnswer } from "@/lib/live/mutations";
import { exportStudent } from "@/lib/privacy/export";

import { enrol, makeClass, makeLiveGame, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

interface ExportedGame {
  nickname: string;
  score: number;
  correct: number;
  game: { title: string };
  answers: { position: number; points: number }[];
}

describe(`a student's data export on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
  });
  afterAll(() => test.drop());

  async function gameFor(student: Awaited<ReturnType<typeof makeUser>>, title: string) {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    await enrol(test.db, classroom.id, student.id);
    const question = await test.db.question.findFirstOrThrow({
      where: { status: "SERVED", type: "MULTIPLE_CHOICE" },
      select: { id: true, options: { select: { position: true, isCorrect: true } } },
    });
    const { gameId, pin } = await makeLiveGame(test.db, teacher, classroom.id, [question.id], { setTitle: title });
    await joinGame(test.db, student, pin);
    await commandGame(test.db, teacher, gameId, "start");
    const { openedAt } = await test.db.game.findUniqueOrThrow({ where: { id: gameId } });
    const answeredAt = new Date(openedAt!.getTime() + 1000);
    await recordLiveAnswer(
      test.db,
      student,
      gameId,
      {
        clientId: randomUUID(),
        position: 0,
        questionId: question.id,
        answer: { type: "MULTIPLE_CHOICE", position: question.options.find((o) => o.isCorrect)!.position },
        answeredAt: answeredAt.toISOString(),
      },
      answeredAt,
    );
    await commandGame(test.db, teacher, gameId, "close", new Date(answeredAt.getTime() + 100));
    return teacher;
  }

  it("lists the live games a student played, for them; for a teacher only their own class's", async () => {
    const student = await makeUser(test.db, "STUDENT", "Dana Reyes");
    const first = await gameFor(student, "Friday quiz");
    await gameFor(student, "Another teacher's game");

    const own = JSON.parse(await exportStudent(test.db, student, student.id, "json")) as {
      student: { gamePlayers: ExportedGame[] };
    };
    expect(own.student.gamePlayers.map((g) => g.game.title)).toEqual([
      "Live: Friday quiz",
      "Live: Another teacher's game",
    ]);
    const played = own.student.gamePlayers[0]!;
    expect(played).toMatchObject({ nickname: "Dana Reyes", correct: 1 });
    expect(played.score).toBeGreaterThan(0);
    expect(played.answers).toEqual([expect.objectContaining({ position: 0, points: played.score })]);

    const teachers = JSON.parse(await exportStudent(test.db, first, student.id, "json")) as {
      student: { gamePlayers: ExportedGame[] };
    };
    expect(teachers.student.gamePlayers.map((g) => g.game.title)).toEqual(["Live: Friday quiz"]);
  });
});
