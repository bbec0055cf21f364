// A kind plugs in through its module alone: the test-only PICK_TWO kind (tests/kinds/), which
// the app's registry does not ship, is validated, shown, graded, described and given feedback
// by the answer path's shared code once it is registered.
import { afterEach, describe, expect, it } from "vitest";

import { responseFeedback, type StoredAnswer } from "@/lib/attempts/feedback";
import { toGradable, type StoredQuestion } from "@/lib/attempts/grading";
import { AnswerRequestSchema } from "@/lib/attempts/schemas";
import { describeAnswer, toQuestionView } from "@/lib/attempts/view";
import { gradeAnswer } from "@/lib/questions/grade";
import { findKind, registerKind, SHIPPED_KINDS } from "@/lib/questions/kinds";
import { pickTwo } from "@/tests/kinds/pick-two";

const question: StoredQuestion = {
  id: "q-pick-two",
  type: "PICK_TWO",
  version: 1,
  stem: "Which two cities hosted the talks?",
  explanation: "The delegations met in Istanbul and in Geneva.",
  quote: "The delegations met in Istanbul and later in Geneva.",
  answerText: null,
  answerNumber: null,
  tolerance: null,
  options: [
    { position: 0, text: "Istanbul", isCorrect: true, matchText: null, correctPosition: null },
    { position: 1, text: "Ankara", isCorrect: false, matchText: null, correctPosition: null },
    { position: 2, text: "Geneva", isCorrect: true, matchText: null, correctPosition: null },
    { position: 3, text: "Vienna", isCorrect: false, matchText: null, correctPosition: null },
  ],
  facts: [],
  article: { slug: "talks", body: "The delegations met in Istanbul and later in Geneva." },
};

const request = (answer: unknown) => ({
  clientId: "client-0001",
  attemptId: "attempt-1",
  questionId: question.id,
  answer,
  answeredAt: "2026-01-05T10:00:00Z",
});

let unregister: (() => void) | undefined;
afterEach(() => {
  unregister?.();
  unregister = undefined;
});

describe("a question kind registered from a test", () => {
  it("is not one the app ships, and its answers are refused until it is registered", () => {
    expect(SHIPPED_KINDS.map((k) => k.type)).not.toContain("PICK_TWO");
    expect(findKind("PICK_TWO")).toBeUndefined();
    const parsed = AnswerRequestSchema.safeParse(request({ type: "PICK_TWO", positions: [0, 2] }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "answer.type: Unknown question type.",
    ]);
  });

  it("is served, validated, graded, described and given feedback through its module", () => {
    unregister = registerKind(pickTwo);

    // What the student sees: the choices, never which are right.
    const view = toQuestionView({ ...question, asOf: null });
    expect(view).toEqual({
      id: question.id,
      type: "PICK_TWO",
      stem: question.stem,
      asOf: null,
      options: question.options.map(({ position, text }) => ({ position, text })),
      matchTargets: [],
    });
    expect(JSON.stringify(view)).not.toMatch(/isCorrect/);

    // The answer API checks the kind's own answer shape, with its own messages.
    const bad = AnswerRequestSchema.safeParse(request({ type: "PICK_TWO", positions: [0] }));
    expect(bad.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "answer.positions: Pick exactly two.",
    ]);
    const parsed = AnswerRequestSchema.parse(request({ type: "PICK_TWO", positions: [2, 1], extra: "dropped" }));
    expect(parsed.answer).toEqual({ type: "PICK_TWO", positions: [2, 1] });

    // Graded (part marks) and described by the kind, through the shared answer path.
    const result = gradeAnswer(toGradable(question), parsed.answer);
    expect(result).toEqual({ isCorrect: false, score: 0.5, expected: "Istanbul and Geneva" });
    expect(gradeAnswer(toGradable(question), { type: "PICK_TWO", positions: [2, 0] } as never)).toMatchObject({
      isCorrect: true,
      score: 1,
    });
    const given = describeAnswer(parsed.answer, question.options);
    expect(given).toBe("Geneva and Ankara");

    // Feedback from the stored response, as recordAnswer and a reloaded quiz build it.
    const stored: StoredAnswer = { ...parsed.answer, display: given, expected: result.expected };
    const feedback = responseFeedback(
      { answer: JSON.stringify(stored), isCorrect: result.isCorrect, score: result.score },
      question,
      null,
      new Date(),
    );
    expect(feedback).toMatchObject({
      isCorrect: false,
      score: 0.5,
      expected: "Istanbul and Geneva",
      given: "Geneva and Ankara",
      explanation: question.explanation,
      quote: question.quote,
      articleSlug: "talks",
    });
  });

  it("cannot take the type of a shipped kind", () => {
    expect(() => registerKind({ ...pickTwo, type: "MATCHING" } as never)).toThrow(/already registered/);
  });
});
