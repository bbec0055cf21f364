import { describe, expect, it } from "vitest";

import { pickReviewQuestions, type ReviewCandidate } from "@/lib/learning/review";

const q = (id: string, type: ReviewCandidate["type"], factId: string): ReviewCandidate => ({
  id,
  type,
  factIds: [factId],
});
const day = (n: number) => new Date(Date.UTC(2026, 2, n));

describe("pickReviewQuestions", () => {
  const candidates: ReviewCandidate[] = [
    q("a1", "MULTIPLE_CHOICE", "A"),
    q("a2", "FILL_BLANK", "A"),
    q("b1", "MULTIPLE_CHOICE", "B"),
    q("b2", "TRUE_FALSE", "B"),
    q("c1", "MULTIPLE_CHOICE", "C"),
    q("c2", "NUMERIC", "C"),
    { id: "m", type: "MATCHING" as const, factIds: ["A", "B"] },
  ];

  it("serves the most overdue facts first, one question per fact", () => {
    const picked = pickReviewQuestions(
      [
        { factId: "C", due: day(3) },
        { factId: "A", due: day(1) },
        { factId: "B", due: day(2) },
      ],
      candidates,
    );
    expect(picked.map((p) => p.factIds[0])).toEqual(["A", "B", "C"]);
  });

  it("mixes question types and never serves the question just seen", () => {
    const picked = pickReviewQuestions(
      [
        { factId: "A", due: day(1), lastQuestionId: "a2" },
        { factId: "B", due: day(2) },
        { factId: "C", due: day(3) },
      ],
      candidates,
    );
    expect(picked.map((p) => p.id)).toEqual(["a1", "b2", "c2"]);
    expect(new Set(picked.map((p) => p.type)).size).toBe(3);
  });

  it("asks a fact's only question again, leaves out facts with no question, and never puts two on one fact in a row", () => {
    // Home counts fact A as due: its one question comes back, as a flashcard does.
    const picked = pickReviewQuestions(
      [
        { factId: "A", due: day(1), lastQuestionId: "a1" },
        { factId: "Z", due: day(1) },
      ],
      [q("a1", "MULTIPLE_CHOICE", "A")],
    );
    expect(picked.map((p) => p.id)).toEqual(["a1"]);
    const many = pickReviewQuestions(
      [
        { factId: "A", due: day(1) },
        { factId: "B", due: day(1) },
      ],
      candidates,
    );
    for (let i = 1; i < many.length; i++) expect(many[i]!.factIds[0]).not.toBe(many[i - 1]!.factIds[0]);
  });
});

describe("pickReviewQuestions and give-aways", () => {
  const withText = (id: string, factId: string, stem: string, right: string, quote: string): ReviewCandidate => ({
    id,
    type: "MULTIPLE_CHOICE",
    factIds: [factId],
    content: {
      stem,
      explanation: quote,
      quote,
      answerText: null,
      options: [
        { text: right, isCorrect: true, matchText: null },
        { text: "Someone Else", isCorrect: false, matchText: null },
      ],
    },
  });

  it("never serves two questions where one's feedback gives the other's answer away", () => {
    // The source sentence of the first names the answer of the second.
    const chair = withText(
      "chair",
      "A",
      "Who chaired the meeting?",
      "Hakan Fidan",
      "Turkish Foreign Minister Hakan Fidan chaired the meeting at Dolmabahce Palace.",
    );
    const venue = withText(
      "venue",
      "B",
      "Where was the meeting held?",
      "Dolmabahce Palace",
      "The talks took place in Istanbul.",
    );
    const other = withText("other", "C", "Who led Ukraine's delegation?", "Rustem Umerov", "Rustem Umerov led it.");
    const picked = pickReviewQuestions(
      [
        { factId: "A", due: day(1) },
        { factId: "B", due: day(2) },
        { factId: "C", due: day(3) },
      ],
      [chair, venue, other],
    );
    expect(picked.map((p) => p.id)).toEqual(["chair", "other"]);
  });
});
