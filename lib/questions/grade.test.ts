import { describe, expect, it } from "vitest";

import { generateQuestions } from "@/lib/questions/generate";
import { gradeAnswer } from "@/lib/questions/grade";
import { matchesTypedAnswer } from "@/lib/questions/typed-answer";
import { makeEntity, makeFact, seedInput, generateSeedQuestions } from "@/lib/questions/test-fixtures";
import type { GeneratedQuestion, GradableQuestion } from "@/lib/questions/types";

const seed = seedInput();
const questions = generateSeedQuestions();
const factByKey = new Map(seed.facts.map((f) => [f.key, f]));

/** A generated question as the database would hand it to grading. */
function gradable(question: GeneratedQuestion): GradableQuestion {
  return {
    type: question.type,
    options: question.options.map((option, position) => ({ ...option, position })),
    answerText: question.answerText ?? null,
    answerNumber: question.answerNumber ?? null,
    tolerance: question.tolerance ?? null,
    acceptedAnswers: question.factKeys.flatMap((key) => factByKey.get(key)?.aliases ?? []),
  };
}

const find = (type: string, key: string) =>
  gradable(questions.find((q) => q.type === type && q.factKeys.includes(key))!);
const typed = (question: GradableQuestion, text: string) =>
  gradeAnswer(question, { type: question.type as "FILL_BLANK" | "NUMERIC", text }).isCorrect;

describe("multiple choice and true/false", () => {
  it("grade by option position", () => {
    const mc = find("MULTIPLE_CHOICE", "russian-delegation-head");
    const right = mc.options.find((o) => o.isCorrect)!;
    const wrong = mc.options.find((o) => !o.isCorrect)!;
    expect(gradeAnswer(mc, { type: "MULTIPLE_CHOICE", position: right.position })).toEqual({
      isCorrect: true,
      score: 1,
      expected: "Vladimir Medinsky",
    });
    expect(gradeAnswer(mc, { type: "MULTIPLE_CHOICE", position: wrong.position })).toMatchObject({
      isCorrect: false,
      score: 0,
    });
    expect(gradeAnswer(mc, { type: "MULTIPLE_CHOICE", position: 99 }).isCorrect).toBe(false);
    const tf = gradable(
      questions.find((q) => q.type === "TRUE_FALSE" && q.factKeys[0] === "talks-city" && !q.options[0]?.isCorrect)!,
    );
    expect(gradeAnswer(tf, { type: "TRUE_FALSE", position: 1 })).toEqual({
      isCorrect: true,
      score: 1,
      expected: "False",
    });
  });

  it("refuse an answer of another type", () => {
    expect(() => gradeAnswer(find("MULTIPLE_CHOICE", "talks-city"), { type: "FILL_BLANK", text: "Istanbul" })).toThrow(
      TypeError,
    );
  });
});

describe("fill in the blank", () => {
  it("accepts any case, punctuation, accents and aliases", () => {
    const medinsky = find("FILL_BLANK", "russian-delegation-head");
    for (const text of ["Vladimir Medinsky", "vladimir medinsky", "  VLADIMIR MEDINSKY. ", "Medinsky"])
      expect(typed(medinsky, text), text).toBe(true);
    const palace = find("FILL_BLANK", "talks-palace");
    for (const text of ["Dolmabahçe Palace", "the Dolmabahce Palace", "Dolmabahce"])
      expect(typed(palace, text), text).toBe(true);
    const bbc = find("FILL_BLANK", "no-handshakes-source");
    expect(typed(bbc, "British Broadcasting Corporation")).toBe(true);
  });

  it("forgives small typos, scaled to the answer's length", () => {
    const medinsky = find("FILL_BLANK", "russian-delegation-head");
    expect(typed(medinsky, "Vladimir Medinksy")).toBe(true);
    expect(typed(medinsky, "Vladmir Medinksy")).toBe(true);
    expect(typed(medinsky, "Vladmr Mednksy")).toBe(false);
    const istanbul = find("FILL_BLANK", "talks-city");
    expect(typed(istanbul, "Instanbul")).toBe(true);
    expect(typed(istanbul, "Instanbull")).toBe(false);
    const cnn = find("FILL_BLANK", "meeting-chair-source");
    expect(typed(cnn, "CNN")).toBe(true);
    expect(typed(cnn, "CNB")).toBe(false);
  });

  it("never accepts a typo that turns the answer into another candidate", () => {
    // Two-letter slips are usually forgiven in a ten-letter answer, but "Tass" is a rival
    // outlet one letter from "Taas": short answers get no typo budget at all.
    const tass = find("FILL_BLANK", "table-source");
    expect(tass.tolerance).toBe(0);
    expect(typed(tass, "Tass")).toBe(true);
    expect(typed(tass, "Taas")).toBe(false);
    // The generator caps the tolerance below the distance to the nearest other candidate.
    expect(matchesTypedAnswer("Austria", ["Australia"], 1)).toBe(false);
    expect(matchesTypedAnswer("Sloveniа", ["Slovakia"], 2)).toBe(false);
    const capped = { type: "FILL_BLANK" as const, options: [], answerText: "Mali", acceptedAnswers: [], tolerance: 0 };
    expect(typed(capped, "Bali")).toBe(false);
  });

  it("caps the typo budget below the distance to a look-alike candidate", () => {
    const list = generateQuestions(
      {
        slug: "cap",
        title: "Cap",
        outlet: "Test",
        publishedOn: "2024-01-01",
        body: "The talks were held in Lindmark on Friday.",
      },
      [
        makeFact({
          key: "city",
          subject: "Talks",
          relation: "held in",
          answer: "Lindmark",
          type: "place",
          kind: "city",
          quote: "held in Lindmark",
        }),
      ],
      [
        makeEntity("lindmark", "Lindmark", "place", { kind: "city" }),
        makeEntity("lindmarc", "Lindmarc", "place", { kind: "city" }),
        makeEntity("vessa", "Vessa", "place", { kind: "city" }),
        makeEntity("brenn", "Brenn", "place", { kind: "city" }),
      ],
    );
    const blank = list.find((q) => q.type === "FILL_BLANK")!;
    expect(blank.tolerance).toBe(0);
    const question: GradableQuestion = {
      type: "FILL_BLANK",
      options: [],
      answerText: blank.answerText,
      tolerance: blank.tolerance,
      acceptedAnswers: [],
    };
    expect(typed(question, "Lindmark")).toBe(true);
    expect(typed(question, "Lindmarc")).toBe(false);
    expect(typed(question, "Lindmakr")).toBe(false);
  });

  it("accepts any writing of a number, and no other number", () => {
    const pow = find("FILL_BLANK", "pow-exchange-count");
    for (const text of ["1,000", "1000", "one thousand", "1 000"]) expect(typed(pow, text), text).toBe(true);
    expect(typed(pow, "1,001")).toBe(false);
    const hours = find("FILL_BLANK", "talks-duration");
    expect(typed(hours, "2")).toBe(true);
    expect(typed(hours, "two")).toBe(true);
    expect(typed(hours, "three")).toBe(false);
  });

  it("accepts any writing of a date", () => {
    const date = find("FILL_BLANK", "talks-date");
    for (const text of ["May 16, 2025", "16 May 2025", "2025-05-16", "16/05/2025"])
      expect(typed(date, text), text).toBe(true);
    expect(typed(date, "15 May 2025")).toBe(false);
  });

  it("accepts a list in any order", () => {
    const flags = find("FILL_BLANK", "room-flags");
    expect(typed(flags, "Ukraine, Russia and Turkey")).toBe(true);
    expect(typed(flags, "Russia, Turkey, Ukraine")).toBe(true);
    expect(typed(flags, "Russia, Turkey and Poland")).toBe(false);
  });

  it("rejects an empty answer and reports what was expected", () => {
    const medinsky = find("FILL_BLANK", "russian-delegation-head");
    expect(gradeAnswer(medinsky, { type: "FILL_BLANK", text: "  " })).toEqual({
      isCorrect: false,
      score: 0,
      expected: "Vladimir Medinsky",
    });
  });
});

describe("typed numbers", () => {
  it("are exact without a qualifier", () => {
    const pow = find("NUMERIC", "pow-exchange-count");
    expect(typed(pow, "1000")).toBe(true);
    expect(typed(pow, "one thousand")).toBe(true);
    expect(typed(pow, "1,050")).toBe(false);
    expect(typed(pow, "a lot")).toBe(false);
    expect(gradeAnswer(pow, { type: "NUMERIC", text: "1000" }).expected).toBe("1,000 prisoners of war each");
  });

  it("accept only the figure the article gives for a bound: 'over 1,400' is 1,400, not 1,500", () => {
    const losses = find("NUMERIC", "ukrainian-troop-losses");
    expect(typed(losses, "1,400")).toBe(true);
    expect(typed(losses, "1400")).toBe(true);
    expect(typed(losses, "1,500")).toBe(false);
    expect(typed(losses, "1540")).toBe(false);
    expect(typed(losses, "1,399")).toBe(false);
  });

  it("accept about ±10% for 'about'", () => {
    const about: GradableQuestion = {
      type: "NUMERIC",
      options: [],
      answerNumber: 61,
      tolerance: 6,
      acceptedAnswers: [],
    };
    expect(typed(about, "55")).toBe(true);
    expect(typed(about, "67")).toBe(true);
    expect(typed(about, "68")).toBe(false);
  });
});

describe("matching and ordering", () => {
  it("give part marks for matching: the share of pairs right", () => {
    const matching = find("MATCHING", "fidan-role");
    const right = matching.options.map((o) => o.matchText!);
    expect(gradeAnswer(matching, { type: "MATCHING", matches: right })).toMatchObject({ isCorrect: true, score: 1 });
    const swapped = [right[1]!, right[0]!, ...right.slice(2)];
    const result = gradeAnswer(matching, { type: "MATCHING", matches: swapped });
    expect(result.isCorrect).toBe(false);
    expect(result.score).toBeCloseTo((right.length - 2) / right.length);
    expect(result.expected).toContain("Hakan Fidan → Turkey's Foreign Minister");
  });

  it("give part marks for ordering: the share of events in their place", () => {
    const ordering = find("ORDERING", "talks-date");
    const inOrder = [...ordering.options]
      .sort((a, b) => a.correctPosition! - b.correctPosition!)
      .map((o) => o.position);
    expect(gradeAnswer(ordering, { type: "ORDERING", order: inOrder })).toMatchObject({ isCorrect: true, score: 1 });
    const twoSwapped = [inOrder[1]!, inOrder[0]!, inOrder[2]!];
    expect(gradeAnswer(ordering, { type: "ORDERING", order: twoSwapped })).toMatchObject({
      isCorrect: false,
      score: 1 / 3,
    });
    expect(
      gradeAnswer(ordering, { type: "ORDERING", order: [inOrder[0]!, inOrder[0]!, inOrder[0]!] }).score,
    ).toBeCloseTo(1 / 3);
    expect(gradeAnswer(ordering, { type: "ORDERING", order: [] })).toMatchObject({ isCorrect: false, score: 0 });
  });
});
