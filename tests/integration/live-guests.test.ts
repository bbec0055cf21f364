// Guests of a live game (decision 0008, "Guests"): join by PIN and nickname, rejoin by their
// cookie's token, removal, no memory of facts, not in the class's results, deleted with the game.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CLOSED_MESSAGE } from "@/lib/attempts/target";
import { setClassArchived } from "@/lib/classes/mutations";
import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import { AppError } from "@/lib/errors";
import {
  findGuest,
  findOwnGuestPlayer,
  joinAsGuest,
  TOO_MANY_GUESTS,
  TOO_MANY_PINS,
  WRONG_GUEST_PIN,
} from "@/lib/live/guests";
import { commandGame, joinGame, recordLiveAnswer, removePlayer, REMOVED_MESSAGE } from "@/lib/live/mutations";
import { GUESTS_CLOSED_MESSAGE } from "@/lib/live/machine";
import { NICKNAME_MESSAGES } from "@/lib/live/nickname";
import { findGameViewer, loadSnapshotUnscoped } from "@/lib/live/queries";
import { hostView, playerView } from "@/lib/live/views";
import { applyRetention } from "@/lib/privacy/retention";
import { assignmentCsvRows, findAssignmentResults } from "@/lib/results/queries";

import { enrol, makeClass, makeLiveGame, makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

type Choice = { id: string; type: "MULTIPLE_CHOICE" | "TRUE_FALSE"; right: number; wrong: number };

describe(`live game guests on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let choices: Choice[];
  let ipCounter = 0;

  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
    const questions = await test.db.question.findMany({
      where: { status: "SERVED", type: { in: ["MULTIPLE_CHOICE", "TRUE_FALSE"] }, setItems: { some: {} } },
      orderBy: { key: "asc" },
      take: 2,
      select: { id: true, type: true, options: { select: { position: true, isCorrect: true } } },
    });
    choices = questions.map((q) => ({
      id: q.id,
      type: q.type as Choice["type"],
      right: q.options.find((o) => o.isCorrect)!.position,
      wrong: q.options.find((o) => !o.isCorrect)!.position,
    }));
    expect(choices).toHaveLength(2);
  });
  afterAll(() => test.drop());

  /** A teacher, a class of one student, a set of two questions and a game of it, open to guests or not. */
  async function setUp({ openToGuests = true, allowLateJoin = true } = {}) {
    const teacher = await makeUser(test.db, "TEACHER");
    const classroom = await makeClass(test.db, teacher.id);
    const student = await makeUser(test.db, "STUDENT", "Sam Student");
    await enrol(test.db, classroom.id, student.id);
    const { gameId, game, pin } = await makeLiveGame(
      test.db,
      teacher,
      classroom.id,
      choices.map((c) => c.id),
      { setTitle: "Two questions", allowLateJoin, openToGuests },
    );
    return { teacher, classroom, student, gameId, game, pin };
  }

  /** A phone: its cookie jar of guest tokens, by game, and its own address. */
  function phone() {
    const tokens = new Map<string, string>();
    const clientIp = `10.0.0.${++ipCounter}`;
    return {
      tokens,
      async join(pin: string, nickname: string) {
        const joined = await joinAsGuest(test.db, { pin, nickname }, { clientIp, tokenFor: (id) => tokens.get(id) });
        if (joined.token) tokens.set(joined.gameId, joined.token);
        return joined;
      },
      guest(gameId: string) {
        return findGuest(test.db, gameId, tokens.get(gameId));
      },
    };
  }

  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  const answer = (position: number, pick: "right" | "wrong", answeredAt: Date) => ({
    clientId: randomUUID(),
    position,
    questionId: choices[position]!.id,
    answer: { type: choices[position]!.type, position: choices[position]![pick] },
    answeredAt: answeredAt.toISOString(),
  });

  it("lets a guest join a game open to guests with its PIN and a nickname, and finds them again by their token", async () => {
    const { gameId, pin, game } = await setUp();
    const ana = phone();
    const joined = await ana.join(pin, "  Ana  ");
    expect(joined).toMatchObject({ gameId, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const guest = (await ana.guest(gameId))!;
    expect(guest).toMatchObject({ role: "GUEST", displayName: "Ana", email: null, username: null });
    // The token itself is not stored, only its hash.
    const player = await test.db.gamePlayer.findFirstOrThrow({ where: { gameId, userId: guest.id } });
    expect(player).toMatchObject({ nickname: "Ana", nicknameKey: "ana" });
    expect(player.guestTokenHash).not.toContain(joined.token);
    expect(player.guestTokenHash).toMatch(/^[0-9a-f]{64}$/);
    // Not on the class's roster; their attempt is the game's.
    expect(await test.db.enrolment.count({ where: { studentId: guest.id } })).toBe(0);
    expect(await test.db.attempt.findUniqueOrThrow({ where: { id: player.attemptId } })).toMatchObject({
      assignmentId: game.assignmentId,
    });
    expect(await findGameViewer(test.db, guest, gameId)).toEqual({ kind: "player", userId: guest.id });

    // Again from the same phone (a reload of the join page, the QR code scanned twice): the same
    // player, whatever nickname is typed, and no new token.
    expect(await ana.join(pin, "Someone else")).toEqual({ gameId, token: null });
    // The join page offers that phone its game back; to another phone it offers nothing.
    expect(await findOwnGuestPlayer(test.db, pin, (id) => ana.tokens.get(id))).toEqual({ gameId, nickname: "Ana" });
    expect(await findOwnGuestPlayer(test.db, pin, () => undefined)).toBeNull();
    expect(await test.db.gamePlayer.count({ where: { gameId } })).toBe(1);

    // A token is no use for another game, nor a made-up one.
    const other = await setUp();
    expect(await findGuest(test.db, other.gameId, ana.tokens.get(gameId))).toBeNull();
    expect(await findGuest(test.db, gameId, "x".repeat(43))).toBeNull();
    expect(await findGuest(test.db, gameId, undefined)).toBeNull();
  });

  it("gives a student whose name a guest already holds in the game a distinguishing suffix", async () => {
    const { classroom, pin, gameId, student } = await setUp();
    const namesake = await makeUser(test.db, "STUDENT", "SAM STUDENT");
    await enrol(test.db, classroom.id, namesake.id);
    // A guest takes the student's name, in full-width letters, before the student joins.
    await phone().join(pin, "Ｓａｍ Student");
    await joinGame(test.db, student, pin);
    await joinGame(test.db, namesake, pin);
    await joinGame(test.db, student, pin); // again, from another tab: the same player
    const players = await test.db.gamePlayer.findMany({
      where: { gameId },
      select: { userId: true, nickname: true, nicknameKey: true },
    });
    const byUser = new Map(players.map((p) => [p.userId, [p.nickname, p.nicknameKey]]));
    expect(players).toHaveLength(3);
    expect(byUser.get(student.id)).toEqual(["Sam Student (2)", "sam student (2)"]);
    expect(byUser.get(namesake.id)).toEqual(["SAM STUDENT (3)", "sam student (3)"]);
    // The host's screen tells the three apart.
    const names = hostView((await loadSnapshotUnscoped(test.db, gameId))!, new Date()).playerNames;
    expect([...names].sort()).toEqual(["SAM STUDENT (3)", "Sam Student (2)", "Ｓａｍ Student"]);
  });

  it("refuses a wrong PIN, a game not open to guests, and nicknames filtered, taken or malformed, by their field", async () => {
    const { pin, gameId, student } = await setUp();
    const closed = await setUp({ openToGuests: false });
    const ben = phone();
    for (const wrong of [closed.pin, pin === "000000" ? "000001" : "000000"]) {
      const error = await refusal(ben.join(wrong, "Ben"));
      expect(error).toMatchObject({ code: "not_found", message: WRONG_GUEST_PIN });
      expect(error.fieldErrors).toEqual({ pin: WRONG_GUEST_PIN });
    }
    await phone().join(pin, "Ana");
    await joinGame(test.db, student, pin);
    const cases: [string, string][] = [
      ["ANA", NICKNAME_MESSAGES.taken],
      ["sam student", NICKNAME_MESSAGES.taken],
      ["Ｓａｍ Ｓｔｕｄｅｎｔ", NICKNAME_MESSAGES.taken], // full-width
      ["ЅАМ STUDENT", NICKNAME_MESSAGES.taken], // Cyrillic look-alikes
      ["Ѕam Student", NICKNAME_MESSAGES.mixed],
      ["5h1t head", NICKNAME_MESSAGES.refused],
      ["x", NICKNAME_MESSAGES.short],
      ["<b>Ben</b>", "A nickname may use letters, digits, spaces and . _ ' - only (not “<”)."],
    ];
    for (const [nickname, message] of cases) {
      const error = await refusal(ben.join(pin, nickname));
      expect(error.fieldErrors, nickname).toEqual({ nickname: message });
    }
    // Nothing was made by the refusals.
    expect(await test.db.gamePlayer.count({ where: { gameId } })).toBe(2);
    expect(await test.db.user.count({ where: { role: "GUEST", gamePlayers: { none: {} } } })).toBe(0);
    expect(await ben.join(pin, "Ben")).toMatchObject({ gameId });
  });

  it("keeps guests out once the game has started when late joining is off, and after the end", async () => {
    const { teacher, gameId, pin } = await setUp({ allowLateJoin: false });
    await commandGame(test.db, teacher, gameId, "start");
    await rejectsWith(phone().join(pin, "Late"), "forbidden");
    await commandGame(test.db, teacher, gameId, "end");
    // The PIN is freed at the end: it names no game any more.
    await rejectsWith(phone().join(pin, "Later"), "not_found");
  });

  it("counts wrong PINs from one address with the join codes' limit", async () => {
    const { pin } = await setUp();
    const guesser = phone();
    const wrong = pin === "999999" ? "999998" : "999999";
    for (let i = 0; i < 30; i++) await rejectsWith(guesser.join(wrong, "Guesser"), "not_found");
    const error = await refusal(guesser.join(wrong, "Guesser"));
    expect(error).toMatchObject({ code: "rate_limited", message: TOO_MANY_PINS });
    // Another address is not held up.
    expect(await phone().join(pin, "Honest")).toMatchObject({ token: expect.any(String) });
  });

  it("limits new guests per game from one address, and says so", async () => {
    const { pin, gameId } = await setUp();
    const clientIp = `10.1.0.${++ipCounter}`;
    const join = (nickname: string) => joinAsGuest(test.db, { pin, nickname }, { clientIp, tokenFor: () => undefined });
    for (let i = 0; i < 100; i++) await join(`Visitor ${i}`);
    const error = await refusal(join("Visitor 100"));
    expect(error).toMatchObject({ code: "rate_limited", message: TOO_MANY_GUESTS });
    expect(await test.db.gamePlayer.count({ where: { gameId } })).toBe(100);
    // Another address is not held up.
    expect(await phone().join(pin, "From elsewhere")).toMatchObject({ gameId });
  });

  it("counts nicknames refused as taken against the address's limit, saying the same for a student's and a guest's", async () => {
    const { pin, gameId, student } = await setUp();
    await phone().join(pin, "Ana");
    await joinGame(test.db, student, pin);
    const clientIp = `10.2.0.${++ipCounter}`;
    const join = (nickname: string) => joinAsGuest(test.db, { pin, nickname }, { clientIp, tokenFor: () => undefined });
    const asked = [] as string[];
    for (let i = 0; i < 100; i++) {
      const error = await refusal(join(i % 2 ? "Sam Student" : "ana"));
      asked.push(error.message);
    }
    expect(new Set(asked)).toEqual(new Set([NICKNAME_MESSAGES.taken]));
    expect(NICKNAME_MESSAGES.taken).toBe("That nickname is taken. Choose another.");
    // The prober is now held up, even for a free name, and is told nothing more.
    for (const nickname of ["Sam Student", "Somebody new"]) {
      const error = await refusal(join(nickname));
      expect(error).toMatchObject({ code: "rate_limited", message: TOO_MANY_GUESTS });
    }
    expect(await test.db.gamePlayer.count({ where: { gameId } })).toBe(2);
    // The refusals did not count against the game's total, which only Ana's join did.
    const total = await test.db.rateLimitCounter.findMany({ where: { key: `guest:game:${gameId}` } });
    expect(total.reduce((sum, row) => sum + row.count, 0)).toBe(1);
    // Another address is not held up.
    expect(await phone().join(pin, "From elsewhere")).toMatchObject({ gameId });
  });

  it("keeps a removed guest out, also under a new nickname from the same phone, and takes no more answers from them", async () => {
    const { teacher, gameId, pin } = await setUp();
    const cal = phone();
    await cal.join(pin, "Cal");
    const guest = (await cal.guest(gameId))!;
    const player = await test.db.gamePlayer.findFirstOrThrow({ where: { gameId, userId: guest.id } });
    await commandGame(test.db, teacher, gameId, "start");
    await removePlayer(test.db, teacher, gameId, player.id);
    for (const nickname of ["Cal", "Totally New"]) {
      const error = await refusal(cal.join(pin, nickname));
      expect(error).toMatchObject({ code: "forbidden", message: REMOVED_MESSAGE });
    }
    await rejectsWith(recordLiveAnswer(test.db, guest, gameId, answer(0, "right", new Date())), "forbidden");
    expect(await findOwnGuestPlayer(test.db, pin, (id) => cal.tokens.get(id))).toBeNull();
    // Their phone still finds them, to say they were removed.
    const snapshot = (await loadSnapshotUnscoped(test.db, gameId))!;
    expect(playerView(snapshot, guest.id, new Date())!.you.removed).toBe(true);
    expect(hostView(snapshot, new Date()).playerCount).toBe(0);
    expect(await test.db.gamePlayer.count({ where: { gameId } })).toBe(1);
  });

  it("scores a guest's answers like anyone's, keeps no memory of facts for them, and leaves them out of the class's results", async () => {
    const { teacher, student, gameId, pin, game } = await setUp();
    const dee = phone();
    await dee.join(pin, "Dee");
    await joinGame(test.db, student, pin);
    const guest = (await dee.guest(gameId))!;
    await commandGame(test.db, teacher, gameId, "start");
    const q0 = (await test.db.game.findUniqueOrThrow({ where: { id: gameId } })).openedAt!;
    const at = (ms: number) => new Date(q0.getTime() + ms);
    expect(await recordLiveAnswer(test.db, guest, gameId, answer(0, "right", at(1000)), at(1100))).toEqual({
      status: "received",
      duplicate: false,
    });
    await recordLiveAnswer(test.db, student, gameId, answer(0, "right", at(4000)), at(4100));
    await commandGame(test.db, teacher, gameId, "close", at(5000));
    const revealed = (await loadSnapshotUnscoped(test.db, gameId))!;
    expect(playerView(revealed, guest.id, new Date())!.you).toMatchObject({ score: 975, streak: 1, rank: 1 });
    expect(hostView(revealed, new Date()).leaderboard.map((r) => r.name)).toEqual(["Dee", "Sam Student"]);
    await commandGame(test.db, teacher, gameId, "end", at(6000));

    // The student's answer reached their memory at the end; the guest's reached none, and waits for none.
    expect(await test.db.reviewState.count({ where: { userId: student.id } })).toBeGreaterThan(0);
    expect(await test.db.reviewState.count({ where: { userId: guest.id } })).toBe(0);
    expect(await test.db.response.count({ where: { attempt: { userId: guest.id }, memoryPending: true } })).toBe(0);
    expect(await test.db.response.count({ where: { attempt: { userId: guest.id } } })).toBe(1);

    // The class's results and CSV are its roster's: the guest is not there.
    const results = (await findAssignmentResults(test.db, teacher, game.assignmentId))!;
    expect(results.students.map((s) => s.displayName)).toEqual(["Sam Student"]);
    const csv = (await assignmentCsvRows(test.db, teacher, game.assignmentId, "answers"))!;
    expect(csv.rows.join("\n")).not.toContain("Dee");
  });

  it("deletes guests with the game's players, and at the latest the retention period after their game ended", async () => {
    const first = await setUp();
    const second = await setUp();
    const a = phone();
    const b = phone();
    await a.join(first.pin, "Eve");
    await b.join(second.pin, "Fay");
    await joinGame(test.db, first.student, first.pin);
    const eve = (await a.guest(first.gameId))!;
    const fay = (await b.guest(second.gameId))!;

    // The first game goes (its assignment deleted, and the game with it): its guest goes too.
    await test.db.assignment.delete({ where: { id: first.game.assignmentId } });
    const now = new Date();
    expect(await applyRetention(test.db, { now, days: 365 })).toMatchObject({ guests: 1 });
    expect(await test.db.user.findUnique({ where: { id: eve.id } })).toBeNull();
    expect(await test.db.attempt.count({ where: { userId: eve.id } })).toBe(0);
    expect(await test.db.user.findUnique({ where: { id: first.student.id } })).not.toBeNull();

    // The second game ended: its guest stays for its report until the retention period is over.
    await commandGame(test.db, second.teacher, second.gameId, "end", now);
    expect(await applyRetention(test.db, { now, days: 365 })).toMatchObject({ guests: 0 });
    expect(await test.db.user.findUnique({ where: { id: fay.id } })).not.toBeNull();
    const later = new Date(now.getTime() + 366 * 24 * 60 * 60 * 1000);
    // (Every guest of this file's ended games goes then, Fay among them.)
    expect((await applyRetention(test.db, { now: later, days: 365 })).guests).toBeGreaterThanOrEqual(1);
    expect(await test.db.user.findUnique({ where: { id: fay.id } })).toBeNull();
    expect(await test.db.gamePlayer.count({ where: { gameId: second.gameId } })).toBe(0);
    expect(await findGuest(test.db, second.gameId, b.tokens.get(second.gameId))).toBeNull();
  });

  it("takes no new guests once a game never ended is 12 hours old, and deletes its guests as if it ended then", async () => {
    const { pin, gameId, game } = await setUp();
    const made = game.createdAt;
    const hours = (h: number) => new Date(made.getTime() + h * 60 * 60 * 1000);
    const tokens = new Map<string, string>();
    const join = async (nickname: string, now: Date, clientIp = "10.3.0.1") => {
      const joined = await joinAsGuest(test.db, { pin, nickname }, { clientIp, tokenFor: (id) => tokens.get(id), now });
      if (joined.token) tokens.set(joined.gameId, joined.token);
      return joined;
    };
    await join("Gil", hours(11.9));
    const gil = (await findGuest(test.db, gameId, tokens.get(gameId)))!;
    const error = await refusal(
      joinAsGuest(
        test.db,
        { pin, nickname: "Hal" },
        { clientIp: "10.3.0.2", tokenFor: () => undefined, now: hours(12) },
      ),
    );
    expect(error).toMatchObject({ code: "forbidden", message: GUESTS_CLOSED_MESSAGE });
    expect(await test.db.gamePlayer.count({ where: { gameId } })).toBe(1);
    // Gil's phone still finds its player again.
    expect(await join("Gil", hours(12.5))).toEqual({ gameId, token: null });

    // Never ended: its guests go the retention period after the game stopped taking guests.
    const day = 24;
    expect(await applyRetention(test.db, { now: hours(365 * day + 11), days: 365 })).toBeDefined();
    expect(await test.db.user.findUnique({ where: { id: gil.id } })).not.toBeNull();
    await applyRetention(test.db, { now: hours(365 * day + 12.1), days: 365 });
    expect(await test.db.user.findUnique({ where: { id: gil.id } })).toBeNull();
    expect(await test.db.gamePlayer.count({ where: { gameId } })).toBe(0);
  });

  it("takes no more answers from guests, as from students, once the game's class is archived", async () => {
    const { teacher, classroom, student, gameId, pin } = await setUp();
    const ida = phone();
    await ida.join(pin, "Ida");
    await joinGame(test.db, student, pin);
    const guest = (await ida.guest(gameId))!;
    await commandGame(test.db, teacher, gameId, "start");
    const opened = (await test.db.game.findUniqueOrThrow({ where: { id: gameId } })).openedAt!;
    const at = new Date(opened.getTime() + 1000);
    await setClassArchived(test.db, teacher, classroom.id, true);
    for (const player of [student, guest]) {
      const error = await refusal(recordLiveAnswer(test.db, player, gameId, answer(0, "right", at), at));
      expect(error, player.role).toMatchObject({ code: "forbidden", message: CLOSED_MESSAGE });
    }
    expect(await test.db.response.count({ where: { attempt: { userId: { in: [student.id, guest.id] } } } })).toBe(0);
    // Unarchived, the class's game takes them again.
    await setClassArchived(test.db, teacher, classroom.id, false);
    expect(await recordLiveAnswer(test.db, guest, gameId, answer(0, "right", at), at)).toMatchObject({
      status: "received",
    });
  });
});
