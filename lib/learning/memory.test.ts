import { Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";

import {
  isDue,
  knowledgeSpread,
  knowsNow,
  mastery,
  newMemory,
  ratingFor,
  recallProbability,
  review,
} from "@/lib/learning/memory";

const DAY = 24 * 60 * 60 * 1000;
const start = new Date("2026-03-02T09:00:00Z");

describe("ratingFor", () => {
  it("rates a wrong answer Again, whatever its speed", () => {
    expect(ratingFor({ score: 0, responseMs: 2_000 })).toBe(Rating.Again);
  });

  it("rates a right answer by how long it took", () => {
    expect(ratingFor({ score: 1, responseMs: 3_000 })).toBe(Rating.Easy);
    expect(ratingFor({ score: 1, responseMs: 12_000 })).toBe(Rating.Good);
    expect(ratingFor({ score: 1, responseMs: 40_000 })).toBe(Rating.Hard);
    expect(ratingFor({ score: 1, responseMs: null })).toBe(Rating.Good);
  });

  it("rates part marks Hard from half right, Again below", () => {
    expect(ratingFor({ score: 0.75, responseMs: 3_000 })).toBe(Rating.Hard);
    expect(ratingFor({ score: 0.25, responseMs: 3_000 })).toBe(Rating.Again);
  });
});

describe("review and recall", () => {
  it("a fact never answered is not known and not due", () => {
    const memory = newMemory(start);
    expect(recallProbability(memory, start)).toBe(0);
    expect(isDue(memory, start)).toBe(false);
  });

  it("a right answer is recalled well at first and forgotten over time", () => {
    const memory = review(newMemory(start), Rating.Good, start);
    const soon = recallProbability(memory, new Date(start.getTime() + DAY));
    const later = recallProbability(memory, new Date(start.getTime() + 60 * DAY));
    expect(soon).toBeGreaterThan(0.8);
    expect(later).toBeLessThan(soon);
    expect(isDue(memory, new Date(start.getTime() + 60 * DAY))).toBe(true);
  });

  it("schedules a wrong answer sooner than a right one", () => {
    const wrong = review(newMemory(start), Rating.Again, start);
    const right = review(newMemory(start), Rating.Easy, start);
    expect(wrong.due.getTime()).toBeLessThan(right.due.getTime());
    expect(wrong.reps).toBe(1);
  });

  it("is deterministic", () => {
    const a = review(review(newMemory(start), Rating.Good, start), Rating.Hard, new Date(start.getTime() + 3 * DAY));
    const b = review(review(newMemory(start), Rating.Good, start), Rating.Hard, new Date(start.getTime() + 3 * DAY));
    expect(a).toEqual(b);
  });

  it("never moves a memory back in time when an old answer arrives late", () => {
    const recent = review(newMemory(start), Rating.Good, new Date(start.getTime() + 2 * DAY));
    const replayed = review(recent, Rating.Good, start);
    expect(replayed.lastReview!.getTime()).toBeGreaterThanOrEqual(recent.lastReview!.getTime());
  });
});

describe("mastery", () => {
  it("is the mean recall probability, with unanswered facts at 0", () => {
    const known = review(newMemory(start), Rating.Easy, start);
    const now = new Date(start.getTime() + DAY);
    expect(mastery([known, null], now)).toBeCloseTo(recallProbability(known, now) / 2, 10);
    expect(mastery([], now)).toBe(0);
  });
});

describe("knowsNow: does the student know the fact now", () => {
  const later = (days: number) => new Date(start.getTime() + days * DAY);

  it("wrong answers only: not known, even just after answering (recall probability is near 1 then)", () => {
    const once = review(newMemory(start), Rating.Again, start);
    const twice = review(once, Rating.Again, later(1));
    expect(recallProbability(twice, later(1))).toBeGreaterThan(0.5);
    expect(knowsNow(once, start)).toBe(0);
    expect(knowsNow(twice, later(1))).toBe(0);
    expect(mastery([once, twice], later(1))).toBe(0);
  });

  it("right answers only: known, fading as time passes", () => {
    const right = review(review(newMemory(start), Rating.Good, start), Rating.Good, later(2));
    const soon = knowsNow(right, later(2));
    const inAMonth = knowsNow(right, later(32));
    expect(soon).toBeGreaterThan(0.9);
    expect(inAMonth).toBeLessThan(soon);
    expect(inAMonth).toBeGreaterThan(0);
  });

  it("mixed: the latest answer decides whether it is known", () => {
    const rightThenWrong = review(review(newMemory(start), Rating.Good, start), Rating.Again, later(3));
    const wrongThenRight = review(review(newMemory(start), Rating.Again, start), Rating.Good, later(3));
    expect(knowsNow(rightThenWrong, later(3))).toBe(0);
    expect(knowsNow(wrongThenRight, later(3))).toBeGreaterThan(0.9);
  });

  it("an older wrong answer sent late from the offline queue does not undo a newer right one", () => {
    const right = review(newMemory(start), Rating.Good, later(1));
    const replayed = review(right, Rating.Again, start);
    expect(knowsNow(replayed, later(1))).toBeGreaterThan(0);
  });

  it("a fact never answered is not known", () => {
    expect(knowsNow(null, start)).toBe(0);
    expect(knowsNow(newMemory(start), start)).toBe(0);
  });
});

describe("knowledgeSpread: where each student stands on a fact", () => {
  const later = (days: number) => new Date(start.getTime() + days * DAY);

  it("puts each student in one group: know it, fading, wrong, not answered", () => {
    const right = review(newMemory(start), Rating.Good, start);
    const wrong = review(newMemory(start), Rating.Again, start);
    expect(knowledgeSpread([right, right, wrong, null, newMemory(start)], start)).toEqual({
      know: 2,
      fading: 0,
      wrong: 1,
      unanswered: 2,
    });
  });

  it("a right answer fades as time passes; a wrong one never becomes known", () => {
    const right = review(newMemory(start), Rating.Good, start);
    const wrong = review(newMemory(start), Rating.Again, start);
    expect(knowledgeSpread([right, wrong], later(60))).toEqual({ know: 0, fading: 1, wrong: 1, unanswered: 0 });
  });
});
