import { describe, expect, it } from "vitest";

import { markOf, percent, roundedScore } from "@/lib/attempts/mark";

describe("marks", () => {
  it("names part marks as partly right, not wrong", () => {
    expect(markOf({ isCorrect: true, score: 1 })).toBe("right");
    expect(markOf({ isCorrect: false, score: 1 / 3 })).toBe("partly right");
    expect(markOf({ isCorrect: false, score: 0 })).toBe("wrong");
  });

  it("rounds scores for people and for spreadsheets", () => {
    expect(percent(1 / 3)).toBe("33%");
    expect(roundedScore(1 / 3)).toBe("0.33");
    expect(roundedScore(2 / 3)).toBe("0.67");
    expect(roundedScore(1)).toBe("1");
  });
});
