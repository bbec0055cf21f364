// Joining a live game as the join forms do once their script has loaded: POST /api/live/join
// through the production server (answered ahead of Next: scripts/server.mjs, lib/fast-routes.ts;
// FAST_ROUTES=off sends it through Next's route, and the same cases pass). Each case is what a
// phone gets back over HTTP: where its game is, or a refusal with the form's own message by
// its field, and nothing made; a guest's cookie as the server action sets it; the rate limit
// on wrong PINs by the address the server saw.
import { randomUUID } from "node:crypto";

import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TOO_MANY_PINS, WRONG_GUEST_PIN } from "@/lib/live/guests";
import {
  SIGNED_IN_GUEST_MESSAGE,
  SIGNED_OUT_JOIN_MESSAGE,
  STUDENTS_ONLY_MESSAGE,
  INVALID_JOIN_MESSAGE,
} from "@/lib/live/join-route";
import { commandGame, joinGame, removePlayer, REMOVED_MESSAGE } from "@/lib/live/mutations";
import { NICKNAME_MESSAGES } from "@/lib/live/nickname";
import { startAppServers, missingBuild, type AppServer } from "@/tests/support/app-servers";

import { enrol, makeClass, makeLiveGame, makeTrueFalseQuestion, makeUser } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const skipped = missingBuild();
if (skipped) console.warn(`Live joins through the production server: skipped (${skipped}).`);

const COOKIE = "authjs.session-token";
const SECRET = `live-join-${randomUUID()}`;

describe.skipIf(skipped)(`joining a live game through the production server on ${TEST_PROVIDER}`, () => {
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

  /** A game of one question for a class with Ana on its roster; open to guests or not, late joining or not. */
  async function lobby({ openToGuests = true, allowLateJoin = true } = {}) {
    const { db } = database;
    const teacher = await makeUser(db, "TEACHER");
    const classroom = await makeClass(db, teacher.id);
    const ana = await makeUser(db, "STUDENT", "Ana");
    await enrol(db, classroom.id, ana.id);
    const outsider = await makeUser(db, "STUDENT", "Olek");
    const question = await makeTrueFalseQuestion(db, `join-${randomUUID().slice(0, 8)}`);
    const { gameId, pin } = await makeLiveGame(db, teacher, classroom.id, [question.id], {
      openToGuests,
      allowLateJoin,
    });
    return {
      gameId,
      pin,
      teacher,
      ana,
      anaCookie: await session(ana.id, "STUDENT"),
      outsiderCookie: await session(outsider.id, "STUDENT"),
      teacherCookie: await session(teacher.id, "TEACHER"),
    };
  }

  const join = (fields: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/live/join`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof fields === "string" ? fields : JSON.stringify(fields),
    });

  const players = (gameId: string) => database.db.gamePlayer.count({ where: { gameId } });

  it("joins a student of the class with the PIN and says where the game is, once however often they join", async () => {
    const game = await lobby();
    const spaced = `${game.pin.slice(0, 3)} ${game.pin.slice(3)}`;
    const first = await join({ pin: spaced }, { cookie: game.anaCookie });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ gameId: game.gameId, to: `/play/${game.gameId}` });
    expect(first.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("set-cookie")).toBeNull();
    // Another tab, or the form pressed again: the same player.
    const again = await join({ pin: game.pin }, { cookie: game.anaCookie });
    expect(await again.json()).toEqual({ gameId: game.gameId, to: `/play/${game.gameId}` });
    const player = await database.db.gamePlayer.findMany({ where: { gameId: game.gameId } });
    expect(player.map((p) => [p.userId, p.nickname])).toEqual([[game.ana.id, "Ana"]]);
    // The page it is sent to is the player's.
    const page = await fetch(`${server.url}/play/${game.gameId}`, { headers: { cookie: game.anaCookie } });
    expect(page.status).toBe(200);
    // The request log names the route.
    expect(server.output()).toContain('"route":"/api/live/join"');
  }, 60_000);

  it("refuses a student with the form's message by its field, and makes nothing", async () => {
    const game = await lobby({ allowLateJoin: false });
    const malformed = await join({ pin: "12 34" }, { cookie: game.anaCookie });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: "invalid_input",
      message: INVALID_JOIN_MESSAGE,
      fieldErrors: { pin: "A game PIN is six digits." },
    });
    // Another class's game: as if there were none.
    const outsider = await join({ pin: game.pin }, { cookie: game.outsiderCookie });
    expect(outsider.status).toBe(404);
    expect(await outsider.json()).toEqual({
      error: "not_found",
      message: "No game of your classes has that PIN. Check the PIN on the screen.",
      fieldErrors: { pin: "No game of your classes has that PIN." },
    });
    const teacher = await join({ pin: game.pin }, { cookie: game.teacherCookie });
    expect(teacher.status).toBe(403);
    expect((await teacher.json()).message).toBe(STUDENTS_ONLY_MESSAGE);
    // Signed out on the students' form: sent to sign in, and back to the join page.
    const signedOut = await join({ pin: game.pin });
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({
      error: "unauthorized",
      message: SIGNED_OUT_JOIN_MESSAGE,
      to: "/sign-in?next=%2Fplay",
    });
    // Signed in on the guests' form.
    const asGuest = await join({ pin: game.pin, nickname: "Ana again" }, { cookie: game.anaCookie });
    expect(asGuest.status).toBe(403);
    expect((await asGuest.json()).message).toBe(SIGNED_IN_GUEST_MESSAGE);
    // Started, and late joining is off.
    await commandGame(database.db, game.teacher, game.gameId, "start");
    const late = await join({ pin: game.pin }, { cookie: game.anaCookie });
    expect(late.status).toBe(403);
    expect((await late.json()).message).toMatch(/started/i);
    expect(await players(game.gameId)).toBe(0);

    const crossSite = await join({ pin: game.pin }, { cookie: game.anaCookie, "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).message).toBe("Cross-site requests are not accepted.");
    const notJson = await join("pin=123456", { cookie: game.anaCookie });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).message).toBe("The request body must be JSON.");
    const big = await join({ pin: game.pin, pad: "x".repeat(4096) }, { cookie: game.anaCookie });
    expect(big.status).toBe(413);
    expect(await players(game.gameId)).toBe(0);
  }, 60_000);

  it("keeps a removed student out", async () => {
    const game = await lobby();
    await joinGame(database.db, game.ana, game.pin);
    const player = await database.db.gamePlayer.findFirstOrThrow({ where: { gameId: game.gameId } });
    await removePlayer(database.db, game.teacher, game.gameId, player.id);
    const back = await join({ pin: game.pin }, { cookie: game.anaCookie });
    expect(back.status).toBe(403);
    expect((await back.json()).message).toBe(REMOVED_MESSAGE);
  }, 60_000);

  it("joins a guest with the PIN and a nickname, sets their cookie for the game, and knows the phone again by it", async () => {
    const game = await lobby();
    const joined = await join({ pin: game.pin, nickname: "Kit" });
    expect(joined.status).toBe(200);
    expect(await joined.json()).toEqual({ gameId: game.gameId, to: `/play/${game.gameId}` });
    const setCookie = joined.headers.get("set-cookie")!;
    const name = `quizwire-guest-${game.gameId}`;
    expect(setCookie).toMatch(new RegExp(`^${name}=[A-Za-z0-9_-]{43}; `));
    const attributes = setCookie.split("; ").slice(1);
    expect(attributes).toEqual(expect.arrayContaining(["Path=/", "Max-Age=43200", "HttpOnly", "SameSite=lax"]));
    // Plain http: not Secure.
    expect(attributes).not.toContain("Secure");
    const cookie = setCookie.split("; ")[0]!;
    // The game's page knows the guest by it.
    const page = await fetch(`${server.url}/play/${game.gameId}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Kit");
    // The QR code scanned again from the same phone: the same player, no new cookie.
    const again = await join({ pin: game.pin, nickname: "Someone else" }, { cookie });
    expect(again.status).toBe(200);
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(await players(game.gameId)).toBe(1);
    // Over https (as a proxy says): Secure.
    const secure = await join({ pin: game.pin, nickname: "Lou" }, { "x-forwarded-proto": "https" });
    expect(secure.headers.get("set-cookie")!.split("; ")).toContain("Secure");
    expect(await players(game.gameId)).toBe(2);
  }, 60_000);

  it("refuses a guest by the field that is wrong: the PIN, a filtered, taken or missing nickname; and a removed guest under any name", async () => {
    const game = await lobby();
    const closed = await lobby({ openToGuests: false });
    const notOpen = await join({ pin: closed.pin, nickname: "Kit" });
    expect(notOpen.status).toBe(404);
    expect(await notOpen.json()).toEqual({
      error: "not_found",
      message: WRONG_GUEST_PIN,
      fieldErrors: { pin: WRONG_GUEST_PIN },
    });
    const invisible = await join({ pin: game.pin, nickname: "Ki\u200bt" });
    expect(invisible.status).toBe(400);
    expect((await invisible.json()).fieldErrors).toEqual({ nickname: NICKNAME_MESSAGES.invisible });
    const first = await join({ pin: game.pin, nickname: "Kit" });
    const cookie = first.headers.get("set-cookie")!.split("; ")[0]!;
    const taken = await join({ pin: game.pin, nickname: "KIT" });
    expect(taken.status).toBe(409);
    expect((await taken.json()).fieldErrors).toEqual({ nickname: NICKNAME_MESSAGES.taken });
    const missing = await join({ pin: game.pin, nickname: 7 });
    expect(missing.status).toBe(400);
    expect((await missing.json()).fieldErrors).toHaveProperty("nickname");
    expect(await players(game.gameId)).toBe(1);

    const player = await database.db.gamePlayer.findFirstOrThrow({ where: { gameId: game.gameId } });
    await removePlayer(database.db, game.teacher, game.gameId, player.id);
    const back = await join({ pin: game.pin, nickname: "Not Kit" }, { cookie });
    expect(back.status).toBe(403);
    expect((await back.json()).message).toBe(REMOVED_MESSAGE);
    expect(await players(game.gameId)).toBe(1);
  }, 60_000);

  // Last: it uses up this address's allowance of wrong PINs.
  it("counts a guest's wrong PINs against the address the server saw, and says so by the PIN", async () => {
    const game = await lobby();
    let refused: Response | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const response = await join({ pin: "000000", nickname: "Guess" });
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(404);
    }
    expect(refused).toBeDefined();
    expect(await refused!.json()).toEqual({
      error: "rate_limited",
      message: TOO_MANY_PINS,
      fieldErrors: { pin: TOO_MANY_PINS },
    });
    // Even the right PIN, from there, for now.
    const right = await join({ pin: game.pin, nickname: "Kit" });
    expect(right.status).toBe(429);
    expect(await players(game.gameId)).toBe(0);
  }, 60_000);
});
