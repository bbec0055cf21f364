// A change to a live game reaches the screens of every server process: here, hubs that stand in
// for other processes (they do not hear this process's announcements) on the same database,
// through the poll of revisions (SQLite) or PostgreSQL's NOTIFY alone (their poll set to a minute).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, type Db } from "@/lib/db/client";
import { createLiveHub, type LiveHub } from "@/lib/live/hub";
import { commandGame, joinGame, tickGame } from "@/lib/live/mutations";
import type { GameSnapshot } from "@/lib/live/views";

import { enrol, makeClass, makeLiveGame, makeTrueFalseQuestion, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

describe(`live events across processes on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let other: Db;
  const hubs: LiveHub[] = [];

  beforeAll(async () => {
    test = await createTestDatabase();
    other = createDb(test.url);
  });
  afterAll(async () => {
    for (const hub of hubs) await hub.stop();
    await other.$disconnect();
    await test.drop();
  });

  async function makeGame(questionSeconds = 20) {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT", "Ana");
    await enrol(test.db, classroom.id, student.id);
    const question = await makeTrueFalseQuestion(test.db, `q-${classroom.id}`);
    const { gameId, pin } = await makeLiveGame(test.db, teacher, classroom.id, [question.id], {
      setTitle: "Set",
      questionSeconds,
    });
    await joinGame(test.db, student, pin);
    return { teacher, gameId };
  }

  /** A hub as another process has it (its own database client), and what its viewer has been sent. */
  function otherProcess(pollMs: number) {
    const hub = createLiveHub({
      db: other,
      databaseUrl: test.url,
      pollMs,
      heartbeatMs: 60_000,
      tick: (gameId) => tickGame(other, gameId),
      inProcess: false,
    });
    hubs.push(hub);
    const seen: GameSnapshot[] = [];
    return {
      hub,
      seen,
      watch: (gameId: string) => hub.watch(gameId, { update: (s) => seen.push(s), drain: () => undefined }),
    };
  }

  async function until(check: () => boolean, ms: number): Promise<number> {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > ms) throw new Error(`Not within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return Date.now() - started;
  }

  it(`delivers a change made by another process (${TEST_PROVIDER === "postgres" ? "NOTIFY, no poll" : "the poll"})`, async () => {
    const { teacher, gameId } = await makeGame();
    // On PostgreSQL the poll is a minute away: only NOTIFY can deliver in time.
    const remote = otherProcess(TEST_PROVIDER === "postgres" ? 60_000 : 150);
    remote.watch(gameId);
    await until(() => remote.seen.length > 0, 5_000);
    expect(remote.seen.at(-1)).toMatchObject({ state: "LOBBY" });
    if (TEST_PROVIDER === "postgres") await new Promise((resolve) => setTimeout(resolve, 300)); // LISTEN is up
    const started = Date.now();
    await commandGame(test.db, teacher, gameId, "start");
    const ms = await until(() => remote.seen.at(-1)?.state === "QUESTION", 3_000);
    console.log(
      `Live: a change reached another process's viewers in ${ms} ms (${Date.now() - started} ms after the command began).`,
    );
    expect(remote.seen.at(-1)).toMatchObject({ state: "QUESTION", position: 0 });
  });

  it("closes a question when its time runs out, with no command, once for all processes", async () => {
    const { teacher, gameId } = await makeGame(5);
    const first = otherProcess(150);
    const second = otherProcess(150);
    first.watch(gameId);
    second.watch(gameId);
    await commandGame(test.db, teacher, gameId, "start");
    await until(() => first.seen.at(-1)?.state === "QUESTION", 3_000);
    // 5 s and the 2 s grace: both hubs' timers try; the revision lets one change it.
    await until(() => first.seen.at(-1)?.state === "REVEAL" && second.seen.at(-1)?.state === "REVEAL", 12_000);
    const game = await test.db.game.findUniqueOrThrow({ where: { id: gameId } });
    expect(game.state).toBe("REVEAL");
    expect(await test.db.gameQuestion.count({ where: { gameId, scoredAt: { not: null } } })).toBe(1);
  });
});
