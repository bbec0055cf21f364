import { describe, expect, it } from "vitest";

import { feedbackRuleOf, feedbackVisible, responseFeedback } from "@/lib/attempts/feedback";
import type { StoredQuestion } from "@/lib/attempts/grading";

const question: StoredQuestion = {
  id: "q1",
  type: "FILL_BLANK",
  version: 1,
  stem: "The talks were held in ___.",
  explanation: "They met in Istanbul.",
  quote: "The delegations met in Istanbul.",
  answerText: "Istanbul",
  answerNumber: null,
  tolerance: 1,
  options: [],
  facts: [],
  article: { slug: "talks", body: "The delegations met in Istanbul." },
};
const response = {
  answer: JSON.stringify({ type: "FILL_BLANK", text: "Ankara", display: "Ankara", expected: "Istanbul" }),
  isCorrect: false,
  score: 0,
};
const now = new Date("2026-03-01T12:00:00Z");
const after = { dueAt: new Date("2026-03-02T00:00:00Z"), feedbackPolicy: "AFTER_DUE" };

describe("feedback on a stored response", () => {
  it("shows the right answer, what was given and the source, when there is no assignment", () => {
    expect(responseFeedback(response, question, null, now)).toEqual({
      isCorrect: false,
      score: 0,
      expected: "Istanbul",
      given: "Ankara",
      explanation: "They met in Istanbul.",
      quote: "The delegations met in Istanbul.",
      articleSlug: "talks",
      anchor: expect.any(String) as string,
      inArticle: true,
      answer: { type: "FILL_BLANK", text: "Ankara" },
      marks: null,
    });
  });

  it("links no article for a question bank's question (its bank has no text)", () => {
    const banked: StoredQuestion = { ...question, quote: "", article: { slug: "bank-rivers", body: "" } };
    expect(responseFeedback(response, banked, null, now)).toMatchObject({ quote: "", anchor: null, inArticle: false });
  });

  it("carries the answer as given and where it was right, for the widget to mark in place", () => {
    const choice: StoredQuestion = {
      ...question,
      type: "MULTIPLE_CHOICE",
      answerText: null,
      options: ["Ankara", "Istanbul", "Izmir"].map((text, position) => ({
        position,
        text,
        isCorrect: text === "Istanbul",
        matchText: null,
        correctPosition: null,
      })),
    };
    const chose = (position: number) => ({
      answer: JSON.stringify({ type: "MULTIPLE_CHOICE", position, display: "?", expected: "Istanbul" }),
      isCorrect: position === 1,
      score: position === 1 ? 1 : 0,
    });
    expect(responseFeedback(chose(2), choice, null, now)).toMatchObject({
      answer: { type: "MULTIPLE_CHOICE", position: 2 },
      marks: { rightOptions: [1] },
    });
    // An answer of another kind (a question's type changed since) is not marked.
    expect(responseFeedback(response, choice, null, now)).toMatchObject({ answer: null, marks: null });
  });

  it("is null while an assignment hides results until its due date, and shown from then on", () => {
    expect(feedbackVisible(after, now)).toBe(false);
    expect(responseFeedback(response, question, after, now)).toBeNull();
    expect(responseFeedback(response, question, after, after.dueAt)).toMatchObject({ given: "Ankara" });
    expect(responseFeedback(response, question, { ...after, feedbackPolicy: "IMMEDIATE" }, now)).not.toBeNull();
    // A rule with no due date never shows a hidden result.
    expect(feedbackVisible({ dueAt: null, feedbackPolicy: "AFTER_DUE" }, now)).toBe(false);
  });

  it("reads the rule from a row where no assignment is nulls", () => {
    expect(feedbackRuleOf({ dueAt: null, feedbackPolicy: null })).toBeNull();
    expect(feedbackRuleOf(after)).toEqual(after);
  });
});
