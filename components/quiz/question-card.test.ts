// The answer card draws a question with its kind's widget, from the widget registry: the
// test-only PICK_TWO kind's widget (tests/kinds/) shows once registered, with no change to the card.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";

import { QuestionCard } from "@/components/quiz/question-card";
import { registerWidget } from "@/components/quiz/widgets";
import type { QuestionView } from "@/lib/attempts/view";
import { pickTwoWidget } from "@/tests/kinds/pick-two-widget";

const question: QuestionView = {
  id: "q-pick-two",
  type: "PICK_TWO",
  stem: "Which two cities hosted the talks?",
  asOf: null,
  options: [
    { position: 0, text: "Istanbul" },
    { position: 1, text: "Ankara" },
  ],
  matchTargets: [],
};

const card = (props: Partial<Parameters<typeof QuestionCard>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(QuestionCard, {
      question,
      number: 2,
      total: 5,
      answer: undefined,
      feedbackVisible: true,
      onAnswer: () => undefined,
      onNext: () => undefined,
      isLast: false,
      ...props,
    }),
  );

let unregister: (() => void) | undefined;
afterEach(() => {
  unregister?.();
  unregister = undefined;
});

describe("the answer card", () => {
  it("has no widget for a kind nobody registered", () => {
    expect(() => card()).toThrow(/No answer widget is registered for type PICK_TWO/);
  });

  it("shows a registered kind's widget inside the card, and its feedback once answered", () => {
    unregister = registerWidget("PICK_TWO", pickTwoWidget);
    const before = card();
    expect(before).toContain("Question 2 of 5");
    expect(before).toContain(question.stem);
    expect(before).toContain("Pick two answers");
    expect(before.match(/type="checkbox"/g)).toHaveLength(2);
    expect(before).toMatch(/<button type="submit"[^>]*disabled/);

    const after = card({
      answer: {
        given: "Istanbul and Ankara",
        status: "saved",
        feedback: {
          isCorrect: false,
          score: 0.5,
          expected: "Istanbul and Geneva",
          given: "Istanbul and Ankara",
          explanation: "They met in Istanbul and in Geneva.",
          quote: "The delegations met in Istanbul and later in Geneva.",
          articleSlug: "talks",
          anchor: null,
        },
      },
    });
    expect(after).toContain("Partly right (50%)");
    expect(after).toContain("Istanbul and Geneva");
    expect(after).toMatch(/<fieldset disabled/);
    expect(after).not.toContain("Check answer");
    expect(after).toContain("Next question");
  });
});
