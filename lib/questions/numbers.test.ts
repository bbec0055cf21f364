import { describe, expect, it } from "vitest";

import {
  acceptedBand,
  distractorStep,
  formatNumberLike,
  isNumberText,
  numberToWords,
  parseNumber,
  qualifierFollows,
  qualifierSense,
  roundingUnit,
} from "@/lib/questions/numbers";

describe("parseNumber", () => {
  it("reads digits, separators and decimals", () => {
    expect(parseNumber("1,000")).toBe(1000);
    expect(parseNumber("1000")).toBe(1000);
    expect(parseNumber("2.5")).toBe(2.5);
    expect(parseNumber("-3")).toBe(-3);
  });

  it("reads numbers written in words", () => {
    expect(parseNumber("one thousand")).toBe(1000);
    expect(parseNumber("two")).toBe(2);
    expect(parseNumber("forty-seven")).toBe(47);
    expect(parseNumber("one thousand four hundred")).toBe(1400);
    expect(parseNumber("a hundred and twenty")).toBe(120);
    expect(parseNumber("three million")).toBe(3e6);
  });

  it("reads scales, currency, qualifiers and trailing units", () => {
    expect(parseNumber("$300 billion")).toBe(300e9);
    expect(parseNumber("2.5m")).toBe(2.5e6);
    expect(parseNumber("about 1,400 troops")).toBe(1400);
    expect(parseNumber("over 1,400")).toBe(1400);
  });

  it("refuses what is not a number", () => {
    expect(parseNumber("Istanbul")).toBeUndefined();
    expect(parseNumber("2021-2025")).toBeUndefined();
    expect(parseNumber("")).toBeUndefined();
  });

  it("tells a whole number from a number with words after it", () => {
    expect(isNumberText("1,000")).toBe(true);
    expect(isNumberText("forty-seven")).toBe(true);
    expect(isNumberText("1,000 each")).toBe(false);
    expect(isNumberText("half")).toBe(false);
  });
});

describe("formatNumberLike", () => {
  it("writes a number the way the model is written", () => {
    expect(formatNumberLike(1500, "1,000")).toBe("1,500");
    expect(formatNumberLike(1500, "1000")).toBe("1500");
    expect(formatNumberLike(3, "two")).toBe("three");
    expect(formatNumberLike(42, "forty-seven")).toBe("forty-two");
    expect(formatNumberLike(2.7, "2.5")).toBe("2.7");
    expect(formatNumberLike(12000, "500")).toBe("12,000");
  });

  it("spells numbers in words", () => {
    expect(numberToWords(0)).toBe("zero");
    expect(numberToWords(47)).toBe("forty-seven");
    expect(numberToWords(1400)).toBe("one thousand four hundred");
    expect(numberToWords(1005)).toBe("one thousand and five");
    expect(numberToWords(2.5)).toBeUndefined();
  });
});

describe("distractor steps", () => {
  it("keep the answer's rounding", () => {
    expect(roundingUnit(1000)).toBe(1000);
    expect(roundingUnit(1400)).toBe(100);
    expect(roundingUnit(47)).toBe(1);
    expect(distractorStep(1000)).toBe(500);
    expect(distractorStep(1400)).toBe(200);
    expect(distractorStep(30)).toBe(10);
    expect(distractorStep(47)).toBe(5);
    expect(distractorStep(2)).toBe(1);
  });
});

describe("qualifiers", () => {
  it("say how exact a figure is", () => {
    expect(qualifierSense(undefined)).toBe("exact");
    expect(qualifierSense("each")).toBe("exact");
    expect(qualifierSense("over")).toBe("at-least");
    expect(qualifierSense("more than")).toBe("at-least");
    expect(qualifierSense("under")).toBe("at-most");
    expect(qualifierSense("about")).toBe("approximate");
    expect(qualifierSense("nearly")).toBe("approximate");
    expect(qualifierSense("well under")).toBe("vague");
    expect(qualifierFollows("each")).toBe(true);
    expect(qualifierFollows("over")).toBe(false);
  });

  it("give the band a typed answer may fall in", () => {
    expect(acceptedBand(1000, "each")).toEqual([1000, 1000]);
    // A bound is graded as the figure the article gives: "at least 1,000" is not 1,050.
    expect(acceptedBand(1400, "over")).toEqual([1400, 1400]);
    expect(acceptedBand(1000, "at least")).toEqual([1000, 1000]);
    expect(acceptedBand(1400, "under")).toEqual([1400, 1400]);
    expect(acceptedBand(61, "about")).toEqual([55, 67]);
    expect(acceptedBand(2.5, "about", 1)).toEqual([2.3, 2.7]);
    expect(acceptedBand(2, "well under")).toBeUndefined();
  });
});
