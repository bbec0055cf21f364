// A live game's answers as the production server takes them: ahead of Next (scripts/server.mjs
// and lib/fast-routes.ts), through the same wrapper and handler as Next's route. Each case is
// what a phone (or someone who is not one) gets back over HTTP: the session and the guest's
// cookie checked, the role, the body's size and shape, the game's own rules, one stored answer
// per clientId, the security headers every response carries, and the request log's line.
import { randomUUID } from "node:crypto";

import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { joinAsGuest } from "@/lib/live/guests";
import { commandGame, joinGame, removePlayer, REMOVED_MESSAGE } from "@/lib/live/mutations";
import { startAppServers, missingBuild, type AppServer } from "@/tests/support/app-servers";

import { enrol, makeClass, makeLiveGame, makeTrueFalseQuestion, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const skipped = missingBuild();
if (skipped) console.warn(`Live answers through the production server: skipped (${skipped}).`);

const COOKIE = "authjs.session-token";
const SECRET = `live-answers-${randomUUID()}`;

describe.skipIf(skipped)(`a live game's answers through the production server on ${TEST_PROVIDER}`, () => {
  let database: TestDatabase;
  let server: AppServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    [server] = (await startAppServers(1, {
      DATABASE_URL: database.url,
      AUTH_SECRET: SECRET,
      AUTH_TRUST_HOST: "true",
      WEB_CONCURRENCY: "1",
      LOG_REQUESTS: "json",
    })) as [AppServer];
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  const session = (sub: string, role: string) =>
    encode({ token: { sub, role, sv: 0 }, secret: SECRET, salt: COOKIE }).then((token) => `${COOKIE}=${token}`);

  /** A game of two true-or-false questions open to guests, its first open, Ana joined and one guest. */
  async function openGame() {
    const { db } = database;
    const teacher = await makeUser(db, "TEACHER");
    const classroom = await makeClass(db, teacher.id);
    const ana = await makeUser(db, "STUDENT", "Ana");
    await enrol(db, classroom.id, ana.id);
    const tag = randomUUID().slice(0, 8);
    const questions = [await makeTrueFalseQuestion(db, `q1-${tag}`), await makeTrueFalseQuestion(db, `q2-${tag}`)];
    const { gameId, pin } = await makeLiveGame(
      db,
      teacher,
      classroom.id,
      questions.map((q) => q.id),
      { questionSeconds: 120, openToGuests: true },
    );
    await joinGame(db, ana, pin);
    const guest = await joinAsGuest(
      db,
      { pin, nickname: `Visitor ${tag}` },
      { clientIp: "10.9.0.1", tokenFor: () => undefined },
    );
    await commandGame(db, teacher, gameId, "start");
    return {
      gameId,
      teacher,
      ana,
      questionIds: questions.map((q) => q.id),
      anaCookie: await session(ana.id, "STUDENT"),
      teacherCookie: await session(teacher.id, "TEACHER"),
      guestCookie: `quizwire-guest-${gameId}=${guest.token}`,
    };
  }

  const body = (questionId: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      clientId: `answers-${randomUUID()}`,
      position: 0,
      questionId,
      answer: { type: "TRUE_FALSE", position: 0 },
      answeredAt: new Date().toISOString(),
      ...extra,
    });

  const post = (gameId: string, headers: Record<string, string>, text: string | ReadableStream) =>
    fetch(`${server.url}/api/live/games/${gameId}/answers`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: text,
      ...(typeof text === "string" ? {} : { duplex: "half" }),
    } as RequestInit);

  it("stores a student's answer once by its clientId, and replies as every JSON response of the app does", async () => {
    const game = await openGame();
    const sent = body(game.questionIds[0]!);
    const first = await post(game.gameId, { cookie: game.anaCookie }, sent);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "received", duplicate: false });
    const headers = Object.fromEntries(first.headers);
    expect(headers).toMatchObject({
      "content-type": "application/json",
      "cache-control": "no-store, no-transform",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    });
    // Plain http: no HSTS, whatever the client claims.
    expect(headers["strict-transport-security"]).toBeUndefined();
    const claimed = await post(
      game.gameId,
      { cookie: game.anaCookie, "x-forwarded-proto": "https" },
      body(game.questionIds[0]!),
    );
    expect(claimed.headers.get("strict-transport-security")).toBeNull();

    // The phone's retry (the same clientId) is the same answer; the second answer to the question was not stored.
    const again = await post(game.gameId, { cookie: game.anaCookie }, sent);
    expect(await again.json()).toEqual({ status: "received", duplicate: true });
    expect(await claimed.json()).toEqual({ status: "received", duplicate: true });
    expect(
      await database.db.response.count({
        where: { attempt: { userId: game.ana.id }, questionId: game.questionIds[0]! },
      }),
    ).toBe(1);
    // The request log still names the route, not the path with its ids.
    expect(server.output()).toContain('"route":"/api/live/games/[gameId]/answers"');
  }, 60_000);

  it("takes a guest's answer by their cookie for this game, and nobody else's", async () => {
    const game = await openGame();
    const ok = await post(game.gameId, { cookie: game.guestCookie }, body(game.questionIds[0]!));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "received", duplicate: false });
    // The cookie of another game names nobody here.
    const other = await openGame();
    const elsewhere = await post(other.gameId, { cookie: game.guestCookie }, body(other.questionIds[0]!));
    expect(elsewhere.status).toBe(401);
    expect(await elsewhere.json()).toEqual({
      error: "unauthorized",
      message: "Your session has ended: sign in again to carry on playing.",
    });
  }, 60_000);

  it("refuses whoever may not answer, with a message that says why, and stores nothing", async () => {
    const game = await openGame();
    const questionId = game.questionIds[0]!;
    const signedOut = await post(game.gameId, {}, body(questionId));
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).message).toBe("Your session has ended: sign in again to carry on playing.");

    const teacher = await post(game.gameId, { cookie: game.teacherCookie }, body(questionId));
    expect(teacher.status).toBe(403);
    expect(await teacher.json()).toEqual({ error: "forbidden", message: "You may not do that." });

    const crossSite = await post(
      game.gameId,
      { cookie: game.anaCookie, "sec-fetch-site": "cross-site" },
      body(questionId),
    );
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).message).toBe("Cross-site requests are not accepted.");

    // A session signed out since (its version behind the account's) is refused as signed out.
    await database.db.user.update({ where: { id: game.ana.id }, data: { sessionVersion: { increment: 1 } } });
    const stale = await post(game.gameId, { cookie: game.anaCookie }, body(questionId));
    expect(stale.status).toBe(401);
    await database.db.user.update({ where: { id: game.ana.id }, data: { sessionVersion: 0 } });

    expect(await database.db.response.count({ where: { attempt: { userId: game.ana.id } } })).toBe(0);
  }, 60_000);

  it("says what is wrong with a malformed or oversized answer, and stores nothing", async () => {
    const game = await openGame();
    const cookie = { cookie: game.anaCookie };
    const malformed = await post(game.gameId, cookie, body(game.questionIds[0]!, { position: "first", clientId: "x" }));
    expect(malformed.status).toBe(400);
    const refused = await malformed.json();
    expect(refused).toMatchObject({ error: "invalid_input", message: "That answer is malformed." });
    expect(refused.issues).toEqual(
      expect.arrayContaining([expect.stringMatching(/^clientId: /), expect.stringMatching(/^position: /)]),
    );

    const notJson = await post(game.gameId, cookie, "{nope");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "invalid_input", message: "The request body must be JSON." });

    // 20 KB over the JSON cap of 16 KB, declared and chunked (no Content-Length) alike.
    const big = body(game.questionIds[0]!, { pad: "x".repeat(20 * 1024) });
    const declared = await post(game.gameId, cookie, big);
    expect(declared.status).toBe(413);
    expect((await declared.json()).message).toBe("The request body is over the limit of 16 KB.");
    const chunked = new ReadableStream({
      start(controller) {
        const bytes = new TextEncoder().encode(big);
        for (let at = 0; at < bytes.length; at += 4096) controller.enqueue(bytes.subarray(at, at + 4096));
        controller.close();
      },
    });
    expect((await post(game.gameId, cookie, chunked)).status).toBe(413);

    const wrongQuestion = await post(game.gameId, cookie, body(game.questionIds[1]!));
    expect(wrongQuestion.status).toBe(404);
    expect((await wrongQuestion.json()).message).toBe("That question does not exist.");
    const noGame = await post("no-such-game", cookie, body(game.questionIds[0]!));
    expect(noGame.status).toBe(404);

    expect(await database.db.response.count({ where: { attempt: { userId: game.ana.id } } })).toBe(0);
  }, 60_000);

  it("keeps a removed player out, and refuses an answer once the question has closed", async () => {
    const game = await openGame();
    await commandGame(database.db, game.teacher, game.gameId, "close");
    const late = await post(game.gameId, { cookie: game.anaCookie }, body(game.questionIds[0]!));
    expect(late.status).toBe(403);
    expect((await late.json()).error).toBe("forbidden");

    const player = await database.db.gamePlayer.findFirstOrThrow({
      where: { gameId: game.gameId, userId: game.ana.id },
    });
    await removePlayer(database.db, game.teacher, game.gameId, player.id);
    await commandGame(database.db, game.teacher, game.gameId, "next");
    const removed = await post(game.gameId, { cookie: game.anaCookie }, body(game.questionIds[1]!, { position: 1 }));
    expect(removed.status).toBe(403);
    expect((await removed.json()).message).toBe(REMOVED_MESSAGE);
    expect(await database.db.response.count({ where: { attempt: { userId: game.ana.id } } })).toBe(0);
  }, 60_000);
});
