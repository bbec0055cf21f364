import { describe, expect, it } from "vitest";

import {
  ANSWER_CLAIM_BACK_MS,
  ANSWER_GRACE_MS,
  applyCommand,
  CLOSED_QUESTION_MESSAGE,
  dueTransition,
  type GameClock,
  joinRefusal,
  judgeLiveAnswer,
  nextDueAt,
  PAUSED_MESSAGE,
  TIME_UP_MESSAGE,
} from "./machine";

const t0 = new Date("2026-03-02T09:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const lobby: GameClock = {
  state: "LOBBY",
  position: -1,
  questionCount: 3,
  questionSeconds: 20,
  openedAt: null,
  closesAt: null,
  pausedAt: null,
  pausedMs: 0,
};

/** Applies a command that must be allowed, and returns the game after it. */
function run(game: GameClock, command: Parameters<typeof applyCommand>[1], now: Date): GameClock {
  const result = applyCommand(game, command, now);
  if (!result.ok) throw new Error(result.message);
  return { ...game, ...result.transition.change } as GameClock;
}

describe("the host's commands", () => {
  it("play a game through: lobby, each question, its reveal, the leaderboard, the end", () => {
    const open = run(lobby, "start", at(0));
    expect(open).toMatchObject({ state: "QUESTION", position: 0, openedAt: at(0), closesAt: at(20) });
    const revealed = run(open, "close", at(12));
    expect(revealed).toMatchObject({ state: "REVEAL", position: 0, closesAt: at(12) });
    const board = run(revealed, "leaderboard", at(15));
    expect(board.state).toBe("LEADERBOARD");
    expect(run(board, "leaderboard", at(16)).state).toBe("REVEAL");
    const second = run(board, "next", at(20));
    expect(second).toMatchObject({ state: "QUESTION", position: 1, openedAt: at(20), closesAt: at(40) });
    const third = run(run(second, "close", at(25)), "next", at(30));
    expect(third.position).toBe(2);
    // After the last question, "next" ends the game.
    expect(run(run(third, "close", at(35)), "next", at(40))).toMatchObject({ state: "ENDED", endedAt: at(40) });
  });

  it("say what closes and what opens, for the store to score and record", () => {
    const open = run(lobby, "start", at(0));
    const skip = applyCommand(open, "skip", at(3));
    expect(skip).toMatchObject({
      ok: true,
      transition: { closes: { position: 0, skipped: true }, opens: { position: 1 }, change: { state: "QUESTION" } },
    });
    const end = applyCommand(open, "end", at(3));
    expect(end).toMatchObject({
      ok: true,
      transition: { closes: { position: 0, skipped: false }, change: { state: "ENDED" } },
    });
  });

  it("refuse what does not fit the state, saying why", () => {
    expect(applyCommand(lobby, "close", at(0))).toEqual({ ok: false, message: "No question is open." });
    expect(applyCommand(lobby, "pause", at(0))).toEqual({ ok: false, message: "Only an open question can be paused." });
    expect(applyCommand({ ...lobby, questionCount: 0 }, "start", at(0))).toEqual({
      ok: false,
      message: "This game has no questions.",
    });
    const open = run(lobby, "start", at(0));
    expect(applyCommand(open, "next", at(1))).toEqual({ ok: false, message: "Close the question first." });
    expect(applyCommand(open, "start", at(1))).toEqual({ ok: false, message: "The game has already started." });
    const ended = run(open, "end", at(2));
    expect(applyCommand(ended, "end", at(3))).toEqual({ ok: false, message: "The game has already ended." });
  });

  it("stop the countdown while paused and move the close on by the pause", () => {
    const open = run(lobby, "start", at(0));
    const paused = run(open, "pause", at(5));
    expect(nextDueAt(paused)).toBeNull();
    expect(dueTransition(paused, at(100))).toBeNull();
    const resumed = run(paused, "resume", at(35));
    expect(resumed).toMatchObject({ pausedAt: null, pausedMs: 30_000, closesAt: at(50) });
    expect(nextDueAt(resumed)).toEqual(new Date(at(50).getTime() + ANSWER_GRACE_MS));
  });

  it("close a question whose time ran out before the command came, then apply it", () => {
    const open = run(lobby, "start", at(0));
    const late = applyCommand(open, "next", at(30));
    expect(late).toMatchObject({
      ok: true,
      transition: { closes: { position: 0, skipped: false, at: at(20) }, opens: { position: 1 } },
    });
  });
});

describe("the clock", () => {
  it("closes an open question once its time and the grace for answers in flight are over", () => {
    const open = run(lobby, "start", at(0));
    expect(dueTransition(open, at(21))).toBeNull();
    expect(dueTransition(open, new Date(at(20).getTime() + ANSWER_GRACE_MS))).toMatchObject({
      change: { state: "REVEAL" },
      closes: { position: 0, skipped: false, at: at(20) },
    });
  });
});

describe("judgeLiveAnswer", () => {
  const open = run(lobby, "start", at(0));
  const answer = (claimed: Date | string, received: Date, position = 0) =>
    judgeLiveAnswer(open, {
      position,
      claimedAt: typeof claimed === "string" ? claimed : claimed.toISOString(),
      receivedAt: received,
    });

  it("takes the phone's time of answering, and times it from the question opening", () => {
    expect(answer(at(4), at(4.2))).toEqual({ ok: true, answeredAt: at(4), elapsedMs: 4000 });
  });

  it("believes the phone no further back than the claim-back window, nor before the question opened", () => {
    expect(answer(at(1), at(15))).toEqual({
      ok: true,
      answeredAt: at(15 - ANSWER_CLAIM_BACK_MS / 1000),
      elapsedMs: 10_000,
    });
    expect(answer(at(-50), at(2))).toEqual({ ok: true, answeredAt: at(0), elapsedMs: 0 });
    expect(answer("not a time", at(3))).toEqual({ ok: true, answeredAt: at(0), elapsedMs: 0 });
    // A clock ahead of the server's is believed no later than the answer arrived.
    expect(answer(at(60), at(3))).toEqual({ ok: true, answeredAt: at(3), elapsedMs: 3000 });
  });

  it("counts an answer given in time that arrives within the grace after the close", () => {
    expect(answer(at(19.5), at(21))).toMatchObject({ ok: true, answeredAt: at(19.5) });
  });

  it("refuses an answer given after the time ran out, or arriving after the question closed", () => {
    expect(answer(at(20.5), at(21))).toEqual({ ok: false, message: TIME_UP_MESSAGE });
    expect(answer(at(19.5), new Date(at(20).getTime() + ANSWER_GRACE_MS))).toEqual({
      ok: false,
      message: CLOSED_QUESTION_MESSAGE,
    });
    expect(answer(at(3), at(4), 1)).toEqual({ ok: false, message: CLOSED_QUESTION_MESSAGE });
    const closed = run(open, "close", at(10));
    expect(judgeLiveAnswer(closed, { position: 0, claimedAt: at(5).toISOString(), receivedAt: at(10.5) })).toEqual({
      ok: false,
      message: CLOSED_QUESTION_MESSAGE,
    });
  });

  it("while paused, takes an answer given before the pause and refuses one given during it", () => {
    const paused = run(open, "pause", at(10));
    expect(judgeLiveAnswer(paused, { position: 0, claimedAt: at(9).toISOString(), receivedAt: at(12) })).toMatchObject({
      ok: true,
      elapsedMs: 9000,
    });
    expect(judgeLiveAnswer(paused, { position: 0, claimedAt: at(11).toISOString(), receivedAt: at(12) })).toEqual({
      ok: false,
      message: PAUSED_MESSAGE,
    });
    // After the pause, time on the question leaves the pause out.
    const resumed = run(paused, "resume", at(40));
    expect(judgeLiveAnswer(resumed, { position: 0, claimedAt: at(45).toISOString(), receivedAt: at(45) })).toEqual({
      ok: true,
      answeredAt: at(45),
      elapsedMs: 15_000,
    });
  });
});

describe("joinRefusal", () => {
  it("lets students in before the start, and after it only when late joining is allowed", () => {
    expect(joinRefusal({ state: "LOBBY", allowLateJoin: false })).toBeNull();
    expect(joinRefusal({ state: "QUESTION", allowLateJoin: true })).toBeNull();
    expect(joinRefusal({ state: "QUESTION", allowLateJoin: false })).toMatch(/not letting anyone else in/);
    expect(joinRefusal({ state: "ENDED", allowLateJoin: true })).toBe("This game has ended.");
  });
});
