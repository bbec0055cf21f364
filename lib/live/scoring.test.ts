import { describe, expect, it } from "vitest";

import { rankStandings, scoreAnswer } from "./scoring";

const LIMIT = 20_000;

describe("scoreAnswer", () => {
  it("gives a right answer 1000 points at once, falling to 500 at the last moment", () => {
    expect(scoreAnswer({ isCorrect: true, score: 1, elapsedMs: 0 }, LIMIT, 0)).toEqual({ points: 1000, streak: 1 });
    expect(scoreAnswer({ isCorrect: true, score: 1, elapsedMs: 10_000 }, LIMIT, 0)).toEqual({ points: 750, streak: 1 });
    expect(scoreAnswer({ isCorrect: true, score: 1, elapsedMs: LIMIT }, LIMIT, 0)).toEqual({ points: 500, streak: 1 });
    // A time past the limit (a clock error) scores as the limit.
    expect(scoreAnswer({ isCorrect: true, score: 1, elapsedMs: 99_000 }, LIMIT, 0).points).toBe(500);
  });

  it("adds 100 per right answer in a row before this one, up to 500", () => {
    const right = { isCorrect: true, score: 1, elapsedMs: 0 };
    expect(scoreAnswer(right, LIMIT, 1)).toEqual({ points: 1100, streak: 2 });
    expect(scoreAnswer(right, LIMIT, 4)).toEqual({ points: 1400, streak: 5 });
    expect(scoreAnswer(right, LIMIT, 5)).toEqual({ points: 1500, streak: 6 });
    expect(scoreAnswer(right, LIMIT, 12)).toEqual({ points: 1500, streak: 13 });
  });

  it("gives nothing for a wrong answer or none, and ends the streak", () => {
    expect(scoreAnswer({ isCorrect: false, score: 0, elapsedMs: 1000 }, LIMIT, 7)).toEqual({ points: 0, streak: 0 });
    expect(scoreAnswer(null, LIMIT, 7)).toEqual({ points: 0, streak: 0 });
  });

  it("scales a partly right answer's speed points, with no streak", () => {
    expect(scoreAnswer({ isCorrect: false, score: 0.5, elapsedMs: 0 }, LIMIT, 3)).toEqual({ points: 500, streak: 0 });
  });
});

describe("rankStandings", () => {
  const joined = (s: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, s));
  it("ranks by points, then right answers, then time on them, then joining order, then id", () => {
    const ranked = rankStandings([
      { id: "e", score: 900, correct: 1, rightMs: 100, joinedAt: joined(0) },
      { id: "d", score: 1500, correct: 2, rightMs: 9000, joinedAt: joined(5) },
      { id: "c", score: 1500, correct: 2, rightMs: 9000, joinedAt: joined(5) },
      { id: "b", score: 1500, correct: 2, rightMs: 8000, joinedAt: joined(9) },
      { id: "a", score: 1500, correct: 3, rightMs: 20000, joinedAt: joined(9) },
      { id: "f", score: 1500, correct: 2, rightMs: 9000, joinedAt: joined(1) },
    ]);
    expect(ranked.map((p) => [p.id, p.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["f", 3],
      ["c", 4],
      ["d", 5],
      ["e", 6],
    ]);
  });

  it("gives the same order whatever order the players come in", () => {
    const players = ["p", "q", "r", "s"].map((id) => ({
      id,
      score: 100,
      correct: 1,
      rightMs: 10,
      joinedAt: joined(0),
    }));
    expect(rankStandings([...players].reverse()).map((p) => p.id)).toEqual(rankStandings(players).map((p) => p.id));
  });
});
