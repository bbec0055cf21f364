// The answer card draws a question with its kind's widget, from the widget registry: the
// test-only PICK_TWO kind's widget (tests/kinds/) shows once registered, with no change to the card.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";

import { QuestionCard } from "@/components/quiz/question-card";
import { registerWidget } from "@/components/quiz/widgets";
import type { Feedback } from "@/lib/attempts/feedback";
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
          inArticle: true,
          answer: null,
          marks: null,
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

describe("feedback in place, where the student is looking", () => {
  const base: Omit<Feedback, "isCorrect" | "score" | "answer" | "marks"> = {
    expected: "",
    given: "",
    explanation: "Because the article says so.",
    quote: "The sentence.",
    articleSlug: "talks",
    anchor: null,
    inArticle: true,
  };
  const answered = (q: QuestionView, feedback: Omit<Feedback, keyof typeof base>) =>
    card({ question: q, answer: { given: "", status: "saved", feedback: { ...base, ...feedback } } });
  /** Each option's or row's mark, in display order: "right", "wrong" or "-" for none. */
  const marks = (html: string) =>
    [...html.matchAll(/<(?:label|li)([^>]*)>/g)].map((m) => /data-mark="(\w+)"/.exec(m[1]!)?.[1] ?? "-");

  const choice: QuestionView = {
    id: "q-mc",
    type: "MULTIPLE_CHOICE",
    stem: "Who chaired the talks?",
    asOf: null,
    options: ["Fidan", "Umerov", "Medinsky", "Erdogan"].map((text, position) => ({ position, text })),
    matchTargets: [],
  };

  it("a wrong choice turns red and the right option is marked; a right one turns green", () => {
    const wrong = answered(choice, {
      isCorrect: false,
      score: 0,
      answer: { type: "MULTIPLE_CHOICE", position: 2 } as Feedback["answer"],
      marks: { rightOptions: [0] },
    });
    expect(marks(wrong)).toEqual(["right", "-", "wrong", "-"]);
    expect(wrong).toContain("Right answer");
    expect(wrong).toContain("Your answer: wrong");
    // The choice is shown checked even after a reload (it comes with the feedback).
    expect(wrong).toMatch(/checked="" value="2"/);

    const right = answered(choice, {
      isCorrect: true,
      score: 1,
      answer: { type: "MULTIPLE_CHOICE", position: 0 } as Feedback["answer"],
      marks: { rightOptions: [0] },
    });
    expect(marks(right)).toEqual(["right", "-", "-", "-"]);
    expect(right).toContain("Your answer: right");
    expect(right).not.toContain("Right answer<");
  });

  it("matching and ordering mark each row right or wrong", () => {
    const matching: QuestionView = {
      ...choice,
      id: "q-match",
      type: "MATCHING",
      options: ["Fidan", "Umerov", "Medinsky"].map((text, position) => ({ position, text })),
      matchTargets: ["adviser", "defence minister", "foreign minister"],
    };
    const matched = answered(matching, {
      isCorrect: false,
      score: 1 / 3,
      answer: { type: "MATCHING", matches: ["foreign minister", "adviser", "defence minister"] } as Feedback["answer"],
      marks: { rows: [true, false, false] },
    });
    expect(marks(matched)).toEqual(["right", "wrong", "wrong"]);
    expect(matched).toMatch(/<option value="adviser" selected/);

    const ordering: QuestionView = {
      ...choice,
      id: "q-order",
      type: "ORDERING",
      options: ["talks", "exchange", "ceasefire"].map((text, position) => ({ position, text })),
    };
    const ordered = answered(ordering, {
      isCorrect: false,
      score: 1 / 3,
      answer: { type: "ORDERING", order: [0, 2, 1] } as Feedback["answer"],
      marks: { rows: [true, false, false] },
    });
    expect(marks(ordered)).toEqual(["right", "wrong", "wrong"]);
    expect(ordered.indexOf("ceasefire")).toBeLessThan(ordered.indexOf("exchange"));
  });
});
