import { describe, expect, it } from "vitest";

import { givesAway } from "@/lib/questions/gates";
import { generateQuestions } from "@/lib/questions/generate";
import { DEFAULT_QUIZ_SIZE, selectQuiz, shortQuizReason } from "@/lib/questions/select";
import { makeFact, generateSeedQuestions, generateElectionQuestions } from "@/lib/questions/test-fixtures";
import type { GeneratedQuestion } from "@/lib/questions/types";

const seedQuestions = generateSeedQuestions();
const electionQuestions = generateElectionQuestions();

function expectGoodQuiz(quiz: GeneratedQuestion[], pool: GeneratedQuestion[]) {
  expect(quiz.length).toBeGreaterThanOrEqual(10);
  expect(quiz.length).toBeLessThanOrEqual(15);
  for (const q of quiz) {
    expect(q.heldBackReason).toBeUndefined();
    expect(pool).toContain(q);
  }
  // One question per fact; matching and ordering count for all their facts.
  const facts = quiz.flatMap((q) => q.factKeys);
  expect(new Set(facts).size).toBe(facts.length);
  // Mixed types: none over 40%, at least four.
  const counts = new Map<string, number>();
  for (const q of quiz) counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
  for (const [type, count] of counts) expect(count, type).toBeLessThanOrEqual(Math.floor(quiz.length * 0.4));
  expect(counts.size).toBeGreaterThanOrEqual(4);
  // No question gives another's answer away.
  for (const a of quiz) for (const b of quiz) if (a !== b) expect(givesAway(a, b), `${a.stem} / ${b.stem}`).toBe(false);
}

describe("the default quiz", () => {
  it("draws 10 to 15 served questions from the seed article, one per fact, mixed, none giving another away", () => {
    const quiz = selectQuiz(seedQuestions);
    expect(quiz).toHaveLength(DEFAULT_QUIZ_SIZE);
    expectGoodQuiz(quiz, seedQuestions);
    expect(new Set(quiz.map((q) => q.type)).size).toBe(6);
  });

  it("honours the size asked for, within 10 to 15", () => {
    expect(selectQuiz(seedQuestions, { size: 10 })).toHaveLength(10);
    expect(selectQuiz(seedQuestions, { size: 15 })).toHaveLength(15);
    expect(selectQuiz(seedQuestions, { size: 3 })).toHaveLength(10);
    expect(selectQuiz(seedQuestions, { size: 40 })).toHaveLength(15);
    for (const size of [10, 11, 13, 15]) expectGoodQuiz(selectQuiz(seedQuestions, { size }), seedQuestions);
  });

  it("is the same every time", () => {
    expect(selectQuiz(seedQuestions).map((q) => q.key)).toEqual(selectQuiz([...seedQuestions]).map((q) => q.key));
  });

  it("mixes true and false statements", () => {
    const statements = selectQuiz(seedQuestions, { size: 15 }).filter((q) => q.type === "TRUE_FALSE");
    expect(new Set(statements.map((q) => q.options[0]?.isCorrect)).size).toBe(2);
  });

  it("works for another article", () => {
    expectGoodQuiz(selectQuiz(electionQuestions), electionQuestions);
  });

  it("never serves a held-back question, and returns fewer when the article has too few facts", () => {
    const tiny = generateQuestions(
      {
        slug: "tiny",
        title: "Tiny",
        outlet: "Test",
        publishedOn: "2024-01-01",
        body: "The match was won by Ada Byrne.",
      },
      [
        makeFact({
          key: "winner",
          subject: "Match",
          relation: "won by",
          answer: "Ada Byrne",
          quote: "won by Ada Byrne",
        }),
      ],
      [],
    );
    const quiz = selectQuiz(tiny);
    expect(quiz.length).toBe(1);
    expect(quiz.every((q) => !q.heldBackReason)).toBe(true);
  });
});

/** A served question of one fact that gives nothing away: its answer is written nowhere else. */
function plain(fact: string, type: GeneratedQuestion["type"], truth = true): GeneratedQuestion {
  const answer = `answer of ${fact}`;
  return {
    key: `${type}-${fact}`,
    type,
    factKeys: [fact],
    stem: type === "FILL_BLANK" ? `Fill in the blank: “The ${fact} was _____.”` : `What was the ${fact}?`,
    explanation: `The ${fact} was ${type === "TRUE_FALSE" ? "as stated" : "that"}.`,
    quote: `The ${fact} sentence.`,
    options:
      type === "TRUE_FALSE"
        ? [
            { text: "True", isCorrect: truth },
            { text: "False", isCorrect: !truth },
          ]
        : [],
    answerForms: [answer],
  };
}

describe("the default quiz when taking questions in turn falls short", () => {
  it("finds the quiz of 10 that one question per fact allows, however the facts are ordered", () => {
    // The first facts can be asked two ways, the later ones only by multiple choice: taking the
    // first facts' multiple choice first would leave no room for the later ones.
    const pool = [
      ...["e", "f", "g", "h"].flatMap((f) => [plain(f, "MULTIPLE_CHOICE"), plain(f, "FILL_BLANK")]),
      ...["a", "b", "c", "d"].map((f) => plain(f, "MULTIPLE_CHOICE")),
      plain("i", "TRUE_FALSE", true),
      plain("j", "TRUE_FALSE", false),
    ];
    const quiz = selectQuiz(pool, { size: 10 });
    expect(quiz).toHaveLength(10);
    const facts = quiz.flatMap((q) => q.factKeys);
    expect(new Set(facts).size).toBe(10);
    const counts = new Map<string, number>();
    for (const q of quiz) counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
    for (const count of counts.values()) expect(count).toBeLessThanOrEqual(4);
  });
});

describe("shortQuizReason", () => {
  it("says nothing of a quiz of 10 or more, and why a shorter one is short", () => {
    expect(shortQuizReason(10, 10)).toBeUndefined();
    expect(shortQuizReason(12, 30)).toBeUndefined();
    expect(shortQuizReason(4, 4)).toMatch(/^Its quiz has 4 questions, not 10-15: .*only 4 facts have a question/);
    expect(shortQuizReason(1, 1)).toMatch(/1 question, .*only 1 fact has a question/);
    expect(shortQuizReason(7, 14)).toMatch(/give away.*share a sentence/);
  });
});

describe("what the give-away rule costs", () => {
  it("measures the quiz without it: still one question per fact, but answers may be given away", () => {
    // Two facts told in one sentence: every question on one quotes the other's answer.
    const body = "The ferry carried 40 cars and 310 passengers across the strait.";
    const fact = (key: string, subject: string, answer: string, unit: string) =>
      makeFact({ key, type: "number", subject, relation: "number", answer, unit, quote: body });
    const questions = generateQuestions(
      { slug: "ferry", title: "Ferry", outlet: "Test Post", publishedOn: "2026-02-01", body },
      [
        fact("cars", "Cars the ferry carried across the strait", "40", "cars"),
        fact("people", "Passengers the ferry carried across the strait", "310", "passengers"),
      ],
      [],
    ).filter((q) => !q.heldBackReason);
    expect(new Set(selectQuiz(questions).flatMap((q) => q.factKeys))).toHaveProperty("size", 1);
    const without = selectQuiz(questions, { giveaways: false });
    expect(new Set(without.flatMap((q) => q.factKeys))).toHaveProperty("size", 2);
    expect(without).toHaveLength(2);
  });
});
