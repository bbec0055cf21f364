import { describe, expect, it } from "vitest";

import { draftPreviewOf } from "@/lib/imports/preview";
import type { GeneratedQuestion } from "@/lib/questions/types";

function question(over: Partial<GeneratedQuestion> & Pick<GeneratedQuestion, "key" | "factKeys">): GeneratedQuestion {
  return {
    type: "MULTIPLE_CHOICE",
    stem: `Stem of ${over.key}?`,
    explanation: "",
    quote: "A quote.",
    options: [
      { text: "Nine", isCorrect: false },
      { text: "Eleven", isCorrect: true },
      { text: "Twelve", isCorrect: false },
      { text: "Ten", isCorrect: false },
    ],
    answerForms: ["eleven"],
    ...over,
  };
}

describe("draftPreviewOf", () => {
  it("lists each fact's questions beside it, with the right answer and what is held back", () => {
    const preview = draftPreviewOf(
      ["players", "coach"],
      [
        question({ key: "q1", factKeys: ["players"] }),
        question({ key: "q2", factKeys: ["players"], heldBackReason: "stem contains the answer" }),
        question({
          key: "q3",
          factKeys: ["players"],
          type: "NUMERIC",
          options: [],
          answerText: "11 players",
          answerNumber: 11,
          tolerance: 1,
        }),
        question({
          key: "q4",
          factKeys: ["coach"],
          type: "FILL_BLANK",
          stem: "Fill in the blank: “_____ coached the team.”",
          options: [],
          answerText: "Ana Ruiz",
        }),
        question({
          key: "q5",
          factKeys: ["coach"],
          type: "TRUE_FALSE",
          options: [
            { text: "True", isCorrect: false },
            { text: "False", isCorrect: true },
          ],
        }),
      ],
      new Map(),
    );
    const [players, coach] = preview.facts;
    expect(players).toMatchObject({ factId: "players", served: 2, heldBack: 1 });
    expect(players!.noneServed).toBeUndefined();
    expect(players!.questions.map((q) => [q.key, q.answer, q.heldBackReason])).toEqual([
      ["q1", "Eleven", null],
      ["q2", "Eleven", "stem contains the answer"],
      ["q3", "11 players (±1)", null],
    ]);
    expect(players!.questions[0]!.options).toEqual(["Nine", "Eleven", "Twelve", "Ten"]);
    expect(coach!.questions.map((q) => q.answer)).toEqual(["Ana Ruiz", "False"]);
    // Nothing of the server-only answer forms reaches the page.
    expect(JSON.stringify(preview)).not.toContain("answerForms");
  });

  it("flags a fact none of whose questions would be served, with the reason", () => {
    const preview = draftPreviewOf(
      ["fragment", "empty", "broken"],
      [
        question({ key: "q1", factKeys: ["fragment"], heldBackReason: "the stem does not read as a question" }),
        question({ key: "q2", factKeys: ["fragment"], heldBackReason: "the stem does not read as a question" }),
        question({ key: "q3", factKeys: ["fragment"], heldBackReason: "has 3 options instead of 4" }),
      ],
      new Map([["broken", "answer: a number fact needs a number"]]),
    );
    const [fragment, empty, broken] = preview.facts;
    expect(fragment).toMatchObject({ served: 0, heldBack: 3, noneServed: "the stem does not read as a question" });
    expect(empty!.noneServed).toMatch(/no question/i);
    expect(broken).toMatchObject({ problem: "answer: a number fact needs a number" });
    expect(broken!.noneServed).toBe("answer: a number fact needs a number");
  });

  it("shows a question across facts once, in the summary, not under each fact", () => {
    const preview = draftPreviewOf(
      ["a", "b", "c"],
      [
        question({ key: "qa", factKeys: ["a"] }),
        question({
          key: "order",
          factKeys: ["a", "b", "c"],
          type: "ORDERING",
          options: [
            { text: "Second", isCorrect: true, correctPosition: 1 },
            { text: "First", isCorrect: true, correctPosition: 0 },
            { text: "Third", isCorrect: true, correctPosition: 2 },
          ],
        }),
        question({
          key: "match",
          factKeys: ["a", "b"],
          type: "MATCHING",
          options: [
            { text: "Ana Ruiz", isCorrect: true, matchText: "coach" },
            { text: "Li Wei", isCorrect: true, matchText: "captain" },
          ],
        }),
      ],
      new Map(),
    );
    expect(preview.facts.map((f) => f.questions.map((q) => q.key))).toEqual([["qa"], [], []]);
    expect(preview.across.map((q) => [q.key, q.answer])).toEqual([
      ["order", "First → Second → Third"],
      ["match", "Ana Ruiz: coach; Li Wei: captain"],
    ]);
    // A fact asked about only across facts is not flagged as giving nothing.
    expect(preview.facts[1]!.noneServed).toBeUndefined();
  });
});
