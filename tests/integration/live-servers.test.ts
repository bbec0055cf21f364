// A live game on two app servers (separate processes on separate ports, the production build)
// sharing one database, as a deployment behind a load balancer runs it. The host's clicks go to
// one server and the phones' streams to the other: on PostgreSQL the change travels by NOTIFY
// (the servers' poll is set to a minute, so nothing else could bring it in time). And a server
// stopped with phones streaming from it (SIGTERM, as a deploy stops it) tells each phone to
// reconnect and closes their streams well within its 10-second deadline; the phones carry on
// through the other server with their points. (Hubs standing in for processes are
// live-hub.test.ts; a killed cluster process under phones in a browser is
// e2e/ops/live-cluster.spec.ts.)
import { randomUUID } from "node:crypto";

import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { commandGame, joinGame } from "@/lib/live/mutations";
import type { PlayerView } from "@/lib/live/views";
import { actionForm, actionHeaders, serverActionId } from "@/scripts/lib/server-actions";
import { startAppServers, missingBuild, type AppServer } from "@/tests/support/app-servers";

import { enrol, makeClass, makeLiveGame, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const skipped = missingBuild();
if (skipped) console.warn(`Live game on two app servers: skipped (${skipped}).`);

const COOKIE = "authjs.session-token";
const SECRET = `live-servers-${randomUUID()}`;

/** A phone's event stream: every view it was sent, whether it was told to reconnect, when it ended. */
function openStream(base: string, gameId: string, cookie: string) {
  const views: PlayerView[] = [];
  let reconnect = false;
  const controller = new AbortController();
  const ended = (async () => {
    const response = await fetch(`${base}/api/live/games/${gameId}/events`, {
      headers: { cookie, accept: "text/event-stream" },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (message.startsWith("event: reconnect")) reconnect = true;
          const data = message.split("\n").find((line) => line.startsWith("data: "));
          if (data && !message.startsWith("event:")) views.push(JSON.parse(data.slice(6)) as PlayerView);
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
    return Date.now();
  })();
  return {
    views,
    last: () => views.at(-1),
    reconnected: () => reconnect,
    ended,
    close: () => controller.abort(),
  };
}

async function until(check: () => boolean, ms: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`Not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe.skipIf(skipped)(`a live game on two app servers on one ${TEST_PROVIDER} database`, () => {
  let database: TestDatabase;
  let a: AppServer;
  let b: AppServer;
  let commandId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    commandId = serverActionId("app/(teacher)/teacher/live/actions.ts", "hostCommandAction");
    // One process each; the poll a minute apart, so that on PostgreSQL only NOTIFY is in time.
    [a, b] = (await startAppServers(2, {
      DATABASE_URL: database.url,
      AUTH_SECRET: SECRET,
      AUTH_TRUST_HOST: "true",
      WEB_CONCURRENCY: "1",
      LOG_REQUESTS: "off",
      ...(TEST_PROVIDER === "postgres" ? { LIVE_POLL_MS: "60000" } : {}),
    })) as [AppServer, AppServer];
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  const session = (sub: string, role: string) =>
    encode({ token: { sub, role, sv: 0 }, secret: SECRET, salt: COOKIE }).then((token) => `${COOKIE}=${token}`);

  /** A game of two true-or-false questions for Ana and Ben, both joined; the right answer of each. */
  async function makeGame() {
    const { db } = database;
    const teacher = await makeUser(db, "TEACHER");
    const classroom = await makeClass(db, teacher.id);
    const students = [await makeUser(db, "STUDENT", "Ana"), await makeUser(db, "STUDENT", "Ben")];
    for (const student of students) await enrol(db, classroom.id, student.id);
    const article = await db.article.create({
      data: { slug: `a-${classroom.id}`, title: "A", outlet: "O", publishedOn: new Date("2025-05-16"), body: "x" },
    });
    const questions = [];
    for (const [n, stem] of ["Ada spoke first.", "The talks ended on Friday."].entries())
      questions.push(
        await db.question.create({
          data: {
            articleId: article.id,
            type: "TRUE_FALSE",
            key: `q${n}-${classroom.id}`,
            generatorVersion: 1,
            stem,
            explanation: "x",
            quote: stem,
            options: {
              create: [
                { position: 0, text: "True", isCorrect: true },
                { position: 1, text: "False" },
              ],
            },
          },
        }),
      );
    const { gameId, pin } = await makeLiveGame(
      db,
      teacher,
      classroom.id,
      questions.map((q) => q.id),
      { setTitle: "Set", questionSeconds: 120, allowLateJoin: false },
    );
    for (const student of students) await joinGame(db, student, pin);
    return {
      gameId,
      teacher,
      teacherCookie: await session(teacher.id, "TEACHER"),
      cookies: await Promise.all(students.map((s) => session(s.id, "STUDENT"))),
    };
  }

  /** The host's button on the projector, through `server`. */
  async function host(server: AppServer, gameId: string, cookie: string, command: string) {
    const response = await fetch(`${server.url}/present/live/${gameId}`, {
      method: "POST",
      headers: actionHeaders(commandId, cookie),
      body: actionForm({ gameId, command }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"ok":true');
  }

  async function answer(server: AppServer, gameId: string, cookie: string, view: PlayerView, position: number) {
    return fetch(`${server.url}/api/live/games/${gameId}/answers`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({
        clientId: `live-servers-${randomUUID()}`,
        position: view.position,
        questionId: view.question!.id,
        answer: { type: "TRUE_FALSE", position },
        answeredAt: new Date().toISOString(),
      }),
    });
  }

  it.skipIf(TEST_PROVIDER !== "postgres")(
    "the host's click on one server reaches a phone streaming from the other (NOTIFY, the poll a minute away)",
    async () => {
      const game = await makeGame();
      const phone = openStream(b.url, game.gameId, game.cookies[0]!);
      try {
        await until(() => phone.last()?.state === "LOBBY", 10_000, "the lobby on the phone");
        // LISTEN is set up when the server's first viewer of a game arrives.
        await new Promise((resolve) => setTimeout(resolve, 500));
        const started = Date.now();
        await host(a, game.gameId, game.teacherCookie, "start");
        const ms = await until(() => phone.last()?.state === "QUESTION", 10_000, "the question on the phone");
        console.log(
          `Live, two app servers: the host's "start" on one reached a phone on the other in ${Date.now() - started} ms.`,
        );
        expect(phone.last()).toMatchObject({ state: "QUESTION", position: 0, question: { stem: "Ada spoke first." } });
        expect(ms).toBeLessThan(10_000);
        await host(a, game.gameId, game.teacherCookie, "close");
        await until(() => phone.last()?.state === "REVEAL", 10_000, "the close on the phone");
      } finally {
        phone.close();
        await phone.ended;
      }
    },
    60_000,
  );

  it("a server stopped with phones on it tells them to reconnect, and they carry on through the other with their points", async () => {
    const game = await makeGame();
    const [ana, ben] = game.cookies as [string, string];
    const phones = [openStream(b.url, game.gameId, ana), openStream(b.url, game.gameId, ben)];
    await until(() => phones.every((p) => p.last()?.state === "LOBBY"), 10_000, "the lobby on both phones");
    await commandGame(database.db, game.teacher, game.gameId, "start");
    await until(() => phones.every((p) => p.last()?.state === "QUESTION"), 10_000, "question 1 on both phones");
    const answered = await answer(b, game.gameId, ana, phones[0]!.last()!, 0);
    expect(answered.status).toBe(200);
    await host(a, game.gameId, game.teacherCookie, "close");
    await until(() => phones[0]!.last()?.you.last !== null, 10_000, "Ana's result");
    const before = phones[0]!.last()!.you;
    expect(before).toMatchObject({ score: expect.any(Number), streak: 1, last: { isCorrect: true } });
    expect(before.score).toBeGreaterThan(0);

    // A deploy stops server B: its phones are told to reconnect and their streams end at once,
    // and B exits within its 10-second deadline instead of waiting on them.
    const stopped = Date.now();
    const exited = b.stop().then(() => Date.now());
    const endedAt = await Promise.all(phones.map((p) => p.ended));
    for (const phone of phones) expect(phone.reconnected()).toBe(true);
    for (const at of endedAt) expect(at - stopped).toBeLessThan(5_000);
    expect((await exited) - stopped).toBeLessThan(10_000);
    console.log(
      `Live drain: streams closed ${Math.max(...endedAt) - stopped} ms and the server exited ${(await exited) - stopped} ms after SIGTERM.`,
    );

    // They reconnect to A (the load balancer's other server): the same points, and the game goes on.
    const again = [openStream(a.url, game.gameId, ana), openStream(a.url, game.gameId, ben)];
    try {
      await until(() => again.every((p) => p.last() !== undefined), 10_000, "the view on reconnecting");
      expect(again[0]!.last()).toMatchObject({ state: "REVEAL", position: 0, you: { score: before.score, streak: 1 } });
      expect(again[1]!.last()).toMatchObject({ state: "REVEAL", position: 0, you: { score: 0 } });
      await host(a, game.gameId, game.teacherCookie, "next");
      await until(() => again.every((p) => p.last()?.state === "QUESTION"), 10_000, "question 2 on both phones");
      for (const [i, phone] of again.entries())
        expect((await answer(a, game.gameId, game.cookies[i]!, phone.last()!, 0)).status).toBe(200);
      await host(a, game.gameId, game.teacherCookie, "close");
      await until(() => again.every((p) => p.last()?.you.last !== null), 10_000, "both results");
      expect(again[0]!.last()!.you).toMatchObject({ streak: 2, last: { isCorrect: true } });
      expect(again[0]!.last()!.you.score).toBeGreaterThan(before.score);
      expect(again[1]!.last()!.you.score).toBeGreaterThan(0);
      expect(await database.db.gameAnswer.count({ where: { gameId: game.gameId } })).toBe(3);
    } finally {
      for (const phone of again) phone.close();
      await Promise.all(again.map((p) => p.ended));
    }
  }, 90_000);
});
