import { describe, expect, it } from "vitest";

import { masteryTimeline, timelineSummary } from "@/lib/learning/timeline";

describe("masteryTimeline", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 2, day, hour));

  it("counts answers per day and shows mastery rising with right answers, then fading", () => {
    const timeline = masteryTimeline(
      [
        { answeredAt: at(2), score: 1, isCorrect: true, responseMs: 4000, factIds: ["a"] },
        { answeredAt: at(2, 10), score: 0, isCorrect: false, responseMs: 9000, factIds: ["b"] },
        { answeredAt: at(5), score: 1, isCorrect: true, responseMs: 9000, factIds: ["b"] },
      ],
      { now, days: 10 },
    );
    expect(timeline).toHaveLength(10);
    expect(timeline[0]).toMatchObject({ day: "2026-03-01", answers: 0, mastery: 0 });
    expect(timeline[1]).toMatchObject({ day: "2026-03-02", answers: 2, right: 1 });
    expect(timeline[4]).toMatchObject({ day: "2026-03-05", answers: 1, right: 1 });
    expect(timeline[4]!.mastery).toBeGreaterThan(timeline[3]!.mastery);
    expect(timeline[9]!.mastery).toBeLessThan(timeline[4]!.mastery);
  });

  it("ignores nothing before the window: earlier answers still shape the memory", () => {
    const early = masteryTimeline(
      [{ answeredAt: new Date("2026-02-01T09:00:00Z"), score: 1, isCorrect: true, responseMs: 3000, factIds: ["a"] }],
      { now, days: 3 },
    );
    expect(early.every((d) => d.answers === 0)).toBe(true);
    expect(early[0]!.mastery).toBeGreaterThan(0);
  });

  it("says in words what the chart shows", () => {
    const timeline = masteryTimeline(
      [
        { answeredAt: at(2), score: 1, isCorrect: true, responseMs: 4000, factIds: ["a"] },
        { answeredAt: at(2, 10), score: 0, isCorrect: false, responseMs: 9000, factIds: ["b"] },
        { answeredAt: at(5), score: 1, isCorrect: true, responseMs: 9000, factIds: ["b"] },
      ],
      { now, days: 10 },
    );
    const summary = timelineSummary(timeline);
    expect(summary).toMatch(/^From 1 Mar to 10 Mar you answered 3 questions, 2 right \(67%\), on 2 days\. /);
    expect(summary).toMatch(/Your mastery went from 0% to \d+%\.$/);
    expect(timelineSummary(masteryTimeline([], { now, days: 3 }))).toBe(
      "From 8 Mar to 10 Mar you answered no questions. Your mastery is 0%.",
    );
  });
});
