import { describe, expect, it } from "vitest";

import {
  buildGameReport,
  distributionCell,
  gameReportPlayerRows,
  gameReportQuestionRows,
  type GameReportInput,
  type ReportAnswer,
} from "./report";

const joined = (s: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, s));

const choice = (position: number, questionId: string, opened = true, skipped = false) => ({
  position,
  questionId,
  type: "MULTIPLE_CHOICE" as const,
  stem: `Where (${questionId})?`,
  opened,
  skipped,
  options: [
    { position: 0, text: "Rome", isCorrect: true },
    { position: 1, text: "Paris", isCorrect: false },
    { position: 2, text: "Oslo", isCorrect: false },
  ],
});

const answer = (playerId: string, questionId: string, extra: Partial<ReportAnswer>): ReportAnswer => ({
  playerId,
  questionId,
  display: "Rome",
  choice: 0,
  isCorrect: true,
  mark: 1,
  points: 900,
  elapsedMs: 4000,
  ...extra,
});

const input: GameReportInput = {
  questions: [
    // Out of order on purpose: the report follows the game's positions.
    {
      position: 1,
      questionId: "q2",
      type: "FILL_BLANK",
      stem: "Who chaired?",
      opened: true,
      skipped: false,
      options: [],
    },
    choice(0, "q1"),
    choice(2, "q3", true, true),
    choice(3, "q4", false),
  ],
  players: [
    { id: "b", nickname: "Ben", score: 1750, correct: 2, rightMs: 13000, joinedAt: joined(2), removed: false },
    { id: "d", nickname: "Dan", score: 900, correct: 1, rightMs: 5000, joinedAt: joined(0), removed: false },
    { id: "a", nickname: "Ana", score: 1850, correct: 2, rightMs: 6000, joinedAt: joined(1), removed: false },
    { id: "c", nickname: "Cat", score: 900, correct: 1, rightMs: 3000, joinedAt: joined(3), removed: false },
    { id: "z", nickname: "Zed", score: 0, correct: 0, rightMs: 0, joinedAt: joined(4), removed: true },
  ],
  answers: [
    answer("a", "q1", { points: 900, elapsedMs: 4000 }),
    answer("a", "q2", { display: "Hakan Fidan", choice: null, points: 950, elapsedMs: 2000 }),
    answer("b", "q1", { points: 900, elapsedMs: 4000 }),
    answer("b", "q2", { display: "  hakan  FIDAN", choice: null, points: 850, elapsedMs: 9000 }),
    answer("d", "q1", { points: 900, elapsedMs: 5000 }),
    answer("c", "q1", { display: "Paris", choice: 1, isCorrect: false, mark: 0, points: 0, elapsedMs: 1000 }),
    answer("c", "q2", { display: "Erdogan", choice: null, points: 900, elapsedMs: 3000 }),
    // Given before the teacher skipped: kept, but it scored nothing.
    answer("c", "q3", { points: null, elapsedMs: null }),
    // A removed player's answer counts in no figure.
    answer("z", "q1", { display: "Oslo", choice: 2, isCorrect: false, mark: 0, points: 0, elapsedMs: 500 }),
  ],
};

describe("buildGameReport", () => {
  const report = buildGameReport(input);

  it("ranks players as the leaderboard does, removed players last without a rank", () => {
    expect(report.players.map((p) => [p.rank, p.nickname, p.points])).toEqual([
      [1, "Ana", 1850],
      [2, "Ben", 1750],
      // Cat and Dan tie on points and right answers: Cat spent less time on hers (Dan joined first).
      [3, "Cat", 900],
      [4, "Dan", 900],
      [null, "Zed", 0],
    ]);
  });

  it("gives each player's answer, mark, points and time per question, in the game's order", () => {
    const cat = report.players.find((p) => p.nickname === "Cat")!;
    expect(cat.cells).toEqual([
      { answer: "Paris", mark: "wrong", points: 0, elapsedMs: 1000 },
      { answer: "Erdogan", mark: "right", points: 900, elapsedMs: 3000 },
      { answer: "Rome", mark: "right", points: null, elapsedMs: null },
      null,
    ]);
    expect(cat.answered).toBe(3);
    expect(cat.timeMs).toBe(4000);
  });

  it("sums to each player's points: the report agrees with the leaderboard", () => {
    for (const player of report.players.filter((p) => !p.removed))
      expect(player.cells.reduce((sum, c) => sum + (c?.points ?? 0), 0)).toBe(player.points);
  });

  it("gives per question the share right, the distribution and the average time, without removed players", () => {
    const [q1, q2, q3, q4] = report.questions;
    expect(q1).toMatchObject({ number: 1, status: "played", players: 4, answered: 4, right: 3, noAnswer: 0 });
    expect(q1!.shareRight).toBe(0.75);
    expect(q1!.averageMs).toBe(3500);
    expect(q1!.distribution).toEqual([
      { label: "Rome", count: 3, right: true },
      { label: "Paris", count: 1, right: false },
      { label: "Oslo", count: 0, right: false },
    ]);
    // Typed answers are grouped as the class results group them: case and spaces aside.
    expect(q2!.distribution).toEqual([
      { label: "Hakan Fidan", count: 2, right: true },
      { label: "Erdogan", count: 1, right: true },
    ]);
    expect(q2).toMatchObject({ answered: 3, right: 3, noAnswer: 1 });
    expect(q2!.averageMs).toBeCloseTo(14000 / 3);
    expect(q3).toMatchObject({ status: "skipped", answered: 1, averageMs: null, noAnswer: 3 });
    expect(q4).toMatchObject({ status: "not reached", answered: 0, shareRight: null, noAnswer: 0 });
  });
});

describe("the report's CSV rows", () => {
  const report = buildGameReport(input);

  it("has one row per player per question, with totals, answer, points and seconds", () => {
    const rows = gameReportPlayerRows(report);
    expect(rows[0]).toEqual([
      "rank",
      "nickname",
      "total points",
      "right answers",
      "question",
      "question text",
      "answer",
      "correct",
      "points",
      "time (s)",
    ]);
    expect(rows).toHaveLength(1 + 5 * 4);
    expect(rows[1]).toEqual(["1", "Ana", "1850", "2", "1", "Where (q1)?", "Rome", "yes", "900", "4.0"]);
    expect(rows[9]).toEqual(["3", "Cat", "900", "1", "1", "Where (q1)?", "Paris", "no", "0", "1.0"]);
    expect(rows[10]).toEqual(["3", "Cat", "900", "1", "2", "Who chaired?", "Erdogan", "yes", "900", "3.0"]);
    expect(rows[11]).toEqual(["3", "Cat", "900", "1", "3", "Where (q3)?", "Rome", "yes", "skipped", ""]);
    expect(rows[12]).toEqual(["3", "Cat", "900", "1", "4", "Where (q4)?", "", "", "", ""]);
    expect(rows[17]![0]).toBe("removed");
  });

  it("has one row per question with its share right and distribution", () => {
    const rows = gameReportQuestionRows(report);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual([
      "1",
      "Where (q1)?",
      "played",
      "4",
      "4",
      "3",
      "75%",
      "3.5",
      "Rome (right): 3; Paris: 1; Oslo: 0",
    ]);
    expect(distributionCell(report.questions[2]!)).toBe("Rome (right): 1; Paris: 0; Oslo: 0; no answer: 3");
  });
});
