// How much a process sends when a big class plays (the live bench's 2,000 phones): a phone that
// connects is sent its view without every other screen being sent one again; players arriving
// in the lobby reach the projector at once and the phones at most once a second; the question
// reaches everyone at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, type Db } from "@/lib/db/client";
import { createLiveHub, MINOR_CHANGE_MS, type LiveHub } from "@/lib/live/hub";
import { commandGame, joinGame, tickGame } from "@/lib/live/mutations";
import type { GameSnapshot } from "@/lib/live/views";

import { enrol, makeClass, makeLiveGame, makeTrueFalseQuestion, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

describe(`live events to many screens on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let other: Db;
  let hub: LiveHub;

  beforeAll(async () => {
    test = await createTestDatabase();
    other = createDb(test.url);
    // As another process has it: it hears of changes by its poll (or NOTIFY); no heartbeat.
    hub = createLiveHub({
      db: other,
      databaseUrl: test.url,
      pollMs: 50,
      heartbeatMs: 60_000,
      tick: (gameId) => tickGame(other, gameId),
      inProcess: false,
    });
  });
  afterAll(async () => {
    await hub.stop();
    await other.$disconnect();
    await test.drop();
  });

  async function until(check: () => boolean, ms: number, what: string) {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > ms) throw new Error(`Not within ${ms} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** A question for the game: any there is, or one made for it. */
  function aQuestion() {
    return test.db.question
      .findFirstOrThrow({ select: { id: true } })
      .catch(() => makeTrueFalseQuestion(test.db, "fanout"));
  }

  it("sends a new screen its view alone, the lobby's arrivals to phones once a second, and the question at once", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const students = [];
    for (let i = 0; i < 7; i++) {
      const student = await makeUser(test.db, "STUDENT", `Player ${i + 1}`);
      await enrol(test.db, classroom.id, student.id);
      students.push(student);
    }
    const question = await aQuestion();
    const { gameId, pin } = await makeLiveGame(test.db, teacher, classroom.id, [question.id], {
      setTitle: "Set",
      questionSeconds: 60,
    });
    for (const student of students.slice(0, 2)) await joinGame(test.db, student, pin);

    const seen = { host: [] as GameSnapshot[], phone: [] as GameSnapshot[], late: [] as GameSnapshot[] };
    hub.watch(gameId, { host: true, update: (s) => seen.host.push(s), drain: () => undefined });
    hub.watch(gameId, { update: (s) => seen.phone.push(s), drain: () => undefined });
    await until(() => seen.host.length > 0 && seen.phone.length > 0, 5_000, "the first views");
    if (TEST_PROVIDER === "postgres") await new Promise((resolve) => setTimeout(resolve, 300)); // LISTEN is up
    await new Promise((resolve) => setTimeout(resolve, MINOR_CHANGE_MS));

    // A screen that connects is sent its view; the others are not sent theirs again.
    const before = { host: seen.host.length, phone: seen.phone.length };
    hub.watch(gameId, { update: (s) => seen.late.push(s), drain: () => undefined });
    await until(() => seen.late.length > 0, 5_000, "the new screen's view");
    expect(seen.phone.length).toBe(before.phone);

    // Five arrive within a moment: the projector shows each as it comes, the phones one update for them all.
    const arrivalsFrom = Date.now();
    for (const student of students.slice(2)) {
      await joinGame(test.db, student, pin);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    await until(() => seen.host.at(-1)?.players.length === 7, 5_000, "all seven on the projector");
    await until(() => seen.phone.at(-1)?.players.length === 7, MINOR_CHANGE_MS + 3_000, "all seven on the phone");
    const phoneUpdates = seen.phone.length - before.phone;
    expect(phoneUpdates).toBeLessThanOrEqual(Math.ceil((Date.now() - arrivalsFrom) / MINOR_CHANGE_MS) + 1);
    expect(seen.host.length - before.host).toBeGreaterThan(phoneUpdates);

    // The question moves every phone on at once, whenever the last update was.
    const started = Date.now();
    await commandGame(test.db, teacher, gameId, "start");
    await until(
      () => [seen.host, seen.phone, seen.late].every((list) => list.at(-1)?.state === "QUESTION"),
      MINOR_CHANGE_MS - 100,
      "the question on every screen, sooner than a minor change's wait",
    );
    console.log(`Live fan-out: the question reached every screen in ${Date.now() - started} ms.`);
  });
  it("sends the projector alone its heartbeat (the count of answers), and phones a keep-alive comment", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT", "Ana");
    await enrol(test.db, classroom.id, student.id);
    const question = await aQuestion();
    const { gameId, pin } = await makeLiveGame(test.db, teacher, classroom.id, [question.id], { questionSeconds: 60 });
    await joinGame(test.db, student, pin);
    const beating = createLiveHub({
      db: other,
      databaseUrl: test.url,
      pollMs: 50,
      heartbeatMs: 300,
      keepAliveMs: 500,
      tick: (id) => tickGame(other, id),
      inProcess: false,
    });
    try {
      const seen = { host: 0, phone: 0, pings: 0 };
      beating.watch(gameId, { host: true, update: () => seen.host++, drain: () => undefined });
      beating.watch(gameId, { update: () => seen.phone++, ping: () => seen.pings++, drain: () => undefined });
      await until(() => seen.host > 0 && seen.phone > 0, 5_000, "the first views");
      const before = { ...seen };
      // Nothing changes for 1.5 s: the projector is sent its view on each heartbeat, the phone nothing.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(seen.host - before.host).toBeGreaterThanOrEqual(2);
      expect(seen.phone).toBe(before.phone);
      expect(seen.pings).toBeGreaterThanOrEqual(2);
    } finally {
      await beating.stop();
    }
  });
});
