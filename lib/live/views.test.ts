import { describe, expect, it } from "vitest";

import { hostView, playerView, playerViewText, type GameSnapshot, type SnapshotPlayer } from "./views";

const now = new Date("2026-03-02T09:00:10Z");
const player = (id: string, nickname: string, score: number, extra: Partial<SnapshotPlayer> = {}): SnapshotPlayer => ({
  id,
  userId: `user-${id}`,
  nickname,
  score,
  streak: 0,
  correct: score > 0 ? 1 : 0,
  rightMs: 1000,
  joinedAt: new Date("2026-03-02T08:59:00Z"),
  removed: false,
  answered: true,
  last: { isCorrect: score > 0, points: score },
  ...extra,
});

const snapshot: GameSnapshot = {
  id: "g1",
  title: "Live: Talks",
  pin: "123456",
  state: "QUESTION",
  revision: 7,
  position: 0,
  questionCount: 3,
  questionSeconds: 20,
  openedAt: new Date("2026-03-02T09:00:00Z"),
  closesAt: new Date("2026-03-02T09:00:20Z"),
  pausedAt: null,
  hideNames: false,
  allowLateJoin: true,
  openToGuests: false,
  question: { id: "q1", type: "MULTIPLE_CHOICE", stem: "Who?", asOf: null, options: [], matchTargets: [] },
  skipped: false,
  reveal: { expected: "Rome", explanation: "x", quote: "It was held in Rome.", articleSlug: "a", distribution: [] },
  players: [
    player("a", "Ana", 950),
    player("b", "Ben", 0),
    player("c", "Cat", 2000, { removed: true }),
    player("d", "Dan", 0, { answered: false, last: null }),
  ],
};

describe("playerView", () => {
  it("tells a phone nothing about right or wrong while the question is open", () => {
    const view = playerView(snapshot, "user-a", now)!;
    expect(view.reveal).toBeNull();
    expect(view.you.last).toBeNull();
    expect(view.you).toMatchObject({ answered: true, score: 950, rank: 1, players: 3 });
  });

  it("tells it once the question has closed, with its rank among the players still in", () => {
    const view = playerView({ ...snapshot, state: "REVEAL" }, "user-b", now)!;
    expect(view.reveal?.expected).toBe("Rome");
    expect(view.you).toMatchObject({ last: { isCorrect: false, points: 0 }, rank: 2 });
  });

  it("is null for someone not in the game", () => {
    expect(playerView(snapshot, "user-z", now)).toBeNull();
    expect(playerViewText(snapshot, "user-z", now)).toBeNull();
  });
});

describe("playerViewText", () => {
  it("sends each phone its own view, whatever the game's state, with the time it was sent", () => {
    const later = new Date(now.getTime() + 1234);
    for (const state of ["LOBBY", "QUESTION", "REVEAL", "LEADERBOARD", "ENDED"] as const) {
      const paused = { ...snapshot, state, pausedAt: new Date("2026-03-02T09:00:05Z"), revision: 9 };
      for (const game of [{ ...snapshot, state }, paused])
        for (const p of game.players)
          for (const at of [now, later])
            expect(JSON.parse(playerViewText(game, p.userId, at)!), `${state} ${p.nickname}`).toEqual(
              playerView(game, p.userId, at),
            );
    }
  });

  it("carries nothing about right or wrong to a phone while the question is open", () => {
    const text = playerViewText(snapshot, "user-a", now)!;
    expect(text).not.toContain("Rome");
    expect(text).not.toContain("isCorrect");
  });
});

describe("hostView", () => {
  it("lists the players still in, and counts their answers", () => {
    const view = hostView(snapshot, now);
    expect(view).toMatchObject({ playerCount: 3, answeredCount: 2, playerNames: ["Ana", "Ben", "Dan"] });
    expect(view.leaderboard.map((r) => r.name)).toEqual(["Ana", "Ben", "Dan"]);
  });

  it("shows no name on the projector while names are off", () => {
    const view = hostView({ ...snapshot, hideNames: true, state: "LEADERBOARD" }, now);
    expect(view.playerNames).toEqual([]);
    expect(view.leaderboard.every((row) => row.name === null)).toBe(true);
    // The teacher's player list sits on the projected page too: players are numbered there.
    const projected = JSON.stringify(view);
    for (const name of ["Ana", "Ben", "Cat", "Dan"]) expect(projected).not.toContain(name);
    expect(view.roster.map((p) => p.name)).toEqual(["Player 1", "Player 2", "Player 3", "Player 4"]);
    expect(hostView(snapshot, now).roster.map((p) => p.name)).toEqual(["Ana", "Ben", "Cat", "Dan"]);
  });

  it("counts down from the server's clock, and holds the time left while paused", () => {
    expect(hostView(snapshot, now)).toMatchObject({ serverNow: now.getTime(), pausedLeftMs: null });
    const paused = hostView({ ...snapshot, pausedAt: new Date("2026-03-02T09:00:05Z") }, now);
    expect(paused).toMatchObject({ paused: true, pausedLeftMs: 15_000 });
  });
});
