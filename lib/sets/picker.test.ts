import { describe, expect, it } from "vitest";

import {
  difficultyOf,
  groupByFact,
  matchesFilter,
  pickedAfter,
  type PickerFact,
  type PickerQuestion,
  previewOf,
  searchTextOf,
} from "@/lib/sets/picker";

const option = (text: string, isCorrect = false, extra: { matchText?: string; correctPosition?: number } = {}) => ({
  text,
  isCorrect,
  matchText: extra.matchText ?? null,
  correctPosition: extra.correctPosition ?? null,
});

const fact: PickerFact = {
  id: "f1",
  articleSlug: "a",
  subject: "the talks",
  relation: "held in",
  answer: "Istanbul",
  quote: "The talks were held at Dolmabahçe Palace in Istanbul.",
};

function question(over: Partial<PickerQuestion> = {}): PickerQuestion {
  return {
    id: "q1",
    articleSlug: "a",
    type: "MULTIPLE_CHOICE",
    stem: "Where were the talks held?",
    options: [
      { text: "Ankara", right: false },
      { text: "Istanbul", right: true },
    ],
    answer: "Istanbul",
    factIds: ["f1"],
    answered: 0,
    shareRight: null,
    difficulty: "unanswered",
    ...over,
  };
}

describe("difficultyOf", () => {
  it("is not yet answered under five answers, then easy from 80% right and hard under 50%", () => {
    expect(difficultyOf(0, null)).toBe("unanswered");
    expect(difficultyOf(4, 0)).toBe("unanswered");
    expect(difficultyOf(5, 0.8)).toBe("easy");
    expect(difficultyOf(5, 0.79)).toBe("medium");
    expect(difficultyOf(5, 0.5)).toBe("medium");
    expect(difficultyOf(5, 0.49)).toBe("hard");
  });
});

describe("previewOf", () => {
  it("marks the right choice, and shows typed answers without the rejected writings", () => {
    expect(
      previewOf({ type: "MULTIPLE_CHOICE", answerText: null, options: [option("Ankara"), option("Istanbul", true)] }),
    ).toEqual({
      options: [
        { text: "Ankara", right: false },
        { text: "Istanbul", right: true },
      ],
      answer: "Istanbul",
    });
    expect(previewOf({ type: "FILL_BLANK", answerText: "Istanbul", options: [option("Ankara")] })).toEqual({
      options: [],
      answer: "Istanbul",
    });
    expect(previewOf({ type: "NUMERIC", answerText: "3", answerNumber: 3, tolerance: 0.5, options: [] }).answer).toBe(
      "3 (± 0.5)",
    );
  });

  it("shows matching pairs and the right order", () => {
    const pairs = previewOf({
      type: "MATCHING",
      answerText: null,
      options: [
        option("Fidan", true, { matchText: "foreign minister" }),
        option("Umerov", true, { matchText: "defence minister" }),
      ],
    });
    expect(pairs).toEqual({ options: [], answer: "Fidan → foreign minister; Umerov → defence minister" });
    const order = previewOf({
      type: "ORDERING",
      answerText: null,
      options: [option("second", false, { correctPosition: 1 }), option("first", false, { correctPosition: 0 })],
    });
    expect(order).toEqual({
      options: [
        { text: "second", right: false },
        { text: "first", right: false },
      ],
      answer: "first → second",
    });
  });
});

describe("matchesFilter", () => {
  const facts = new Map([[fact.id, fact]]);
  const q = question();
  const text = searchTextOf(q, facts);

  it("finds every word anywhere in the stem, options, answer or fact, without case or accents", () => {
    expect(matchesFilter(q, text, { q: "TALKS istanbul" })).toBe(true);
    expect(matchesFilter(q, text, { q: "ankara" })).toBe(true);
    expect(matchesFilter(q, text, { q: "dolmabahce" })).toBe(true);
    expect(matchesFilter(q, text, { q: "talks paris" })).toBe(false);
    expect(matchesFilter(q, text, { q: "  " })).toBe(true);
  });

  it("filters by type, fact and difficulty together", () => {
    expect(matchesFilter(q, text, { type: "MULTIPLE_CHOICE", fact: "f1", difficulty: "unanswered" })).toBe(true);
    expect(matchesFilter(q, text, { type: "TRUE_FALSE" })).toBe(false);
    expect(matchesFilter(q, text, { fact: "f2" })).toBe(false);
    expect(matchesFilter(q, text, { difficulty: "easy" })).toBe(false);
  });
});

describe("groupByFact", () => {
  it("groups by fact in the facts' order, with questions on several facts last", () => {
    const second: PickerFact = { ...fact, id: "f2" };
    const groups = groupByFact(
      [second, fact],
      [question({ id: "a" }), question({ id: "b", factIds: ["f2"] }), question({ id: "c", factIds: ["f1", "f2"] })],
    );
    expect(groups.map((g) => [g.fact?.id ?? null, g.questions.map((q) => q.id)])).toEqual([
      ["f2", ["b"]],
      ["f1", ["a"]],
      [null, ["c"]],
    ]);
  });
});

describe("pickedAfter", () => {
  const questions = [
    question({ id: "a" }),
    question({ id: "b", type: "TRUE_FALSE" }),
    question({ id: "c", factIds: ["f2"] }),
    question({ id: "d", factIds: ["f1", "f2"] }),
  ];
  it("keeps what was picked, adds the fact's questions that match the filter, never one already in the set", () => {
    expect(pickedAfter(questions, [fact], {}, { picked: ["c", "gone"] })).toEqual(["c"]);
    expect(pickedAfter(questions, [fact], { type: "TRUE_FALSE" }, { picked: ["c"], selectFact: "f1" })).toEqual([
      "c",
      "b",
    ]);
    expect(pickedAfter(questions, [fact], {}, { picked: [], selectFact: "f1", exclude: new Set(["a"]) })).toEqual([
      "b",
    ]);
    expect(pickedAfter(questions, [fact], {}, { picked: [], selectFact: "several:a" })).toEqual(["d"]);
  });
});
