// The teacher's close against answers still arriving, on PostgreSQL (lib/live/store.ts's
// gameLock): the close waits for the answers being written, and answers that come after it wait
// behind it and are refused, so a class answering from several servers cannot hold the close
// back for as long as its answers keep coming. (SQLite writes one transaction at a time.)
import { randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CLOSED_QUESTION_MESSAGE } from "@/lib/live/machine";
import { commandGame, joinGame, recordLiveAnswer } from "@/lib/live/mutations";

import { enrol, makeClass, makeLiveGame, makeTrueFalseQuestion, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(TEST_PROVIDER !== "postgres")(
  "a live question's close against answers in flight, on PostgreSQL",
  () => {
    let test: TestDatabase;

    beforeAll(async () => {
      test = await createTestDatabase();
    });

    afterAll(async () => {
      await test?.drop();
    });

    it("waits for the answer being written, and refuses the one that comes after it", async () => {
      const { db } = test;
      const teacher = await makeUser(db, "TEACHER");
      const classroom = await makeClass(db, teacher.id);
      const ben = await makeUser(db, "STUDENT", "Ben");
      await enrol(db, classroom.id, ben.id);
      const question = await makeTrueFalseQuestion(db, `lock-${randomUUID().slice(0, 8)}`);
      const { gameId, pin } = await makeLiveGame(db, teacher, classroom.id, [question.id], { questionSeconds: 60 });
      await joinGame(db, ben, pin);
      await commandGame(db, teacher, gameId, "start");

      // An answer being written on another server: its transaction holds the game's lock, shared.
      const inFlight = new pg.Client({ connectionString: test.url });
      await inFlight.connect();
      try {
        await inFlight.query("BEGIN");
        await inFlight.query("SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))", [
          `quizwire-game:${gameId}`,
        ]);
        let closed = false;
        const closing = commandGame(db, teacher, gameId, "close").then(() => (closed = true));
        await sleep(300);
        expect(closed).toBe(false);

        // Ben answers now: the question still reads as open, but his write waits behind the close.
        const now = new Date();
        const late = recordLiveAnswer(
          db,
          ben,
          gameId,
          {
            clientId: `lock-${randomUUID()}`,
            position: 0,
            questionId: question.id,
            answer: { type: "TRUE_FALSE", position: 0 },
            answeredAt: now.toISOString(),
          },
          now,
        ).then(
          () => "stored",
          (error: Error) => error.message,
        );
        await sleep(300);
        expect(closed).toBe(false);

        await inFlight.query("COMMIT");
        await closing;
        expect(await late).toBe(CLOSED_QUESTION_MESSAGE);
        expect(await db.response.count({ where: { attempt: { userId: ben.id } } })).toBe(0);
      } finally {
        await inFlight.end();
      }
    }, 60_000);
  },
);
