// Feedback quotes only the clauses of a sentence that say the fact asked about, so that two
// facts of one sentence can share a quiz. Sentences written for this test.
import { describe, expect, it } from "vitest";

import { generateQuestions } from "@/lib/questions/generate";
import { selectQuiz } from "@/lib/questions/select";
import { makeFact } from "@/lib/questions/test-fixtures";
import type { GeneratorArticle } from "@/lib/questions/types";

const RATES =
  "The Orvel Reserve said it was raising the lending rate, which it charges banks overnight, to 6.5 per cent, and raising the deposit rate, which it pays on reserves, to 4.25 per cent.";
const WAGES = "Average wages in Orvel rose by 3.1 per cent in March.";

const ARTICLE: GeneratorArticle = {
  slug: "orvel-rates-2026-04-02",
  title: "Orvel Reserve raises rates",
  outlet: "Harbour Ledger",
  publishedOn: "2026-04-02",
  body: [RATES, WAGES].join("\n\n"),
};

const FACTS = [
  makeFact({
    key: "lending",
    type: "number",
    subject: "The Orvel Reserve's new lending rate",
    relation: "was",
    answer: "6.5",
    unit: "per cent",
    quote: RATES,
  }),
  makeFact({
    key: "deposit",
    type: "number",
    subject: "The Orvel Reserve's new deposit rate",
    relation: "was",
    answer: "4.25",
    unit: "per cent",
    quote: RATES,
  }),
  makeFact({
    key: "wages",
    type: "number",
    subject: "The rise in average wages in Orvel in March",
    relation: "was",
    answer: "3.1",
    unit: "per cent",
    quote: WAGES,
  }),
];

describe("the quote shown as feedback", () => {
  const questions = generateQuestions(ARTICLE, FACTS, []);
  const served = questions.filter((q) => !q.heldBackReason);
  const quotesOf = (key: string) => new Set(served.filter((q) => q.factKeys[0] === key).map((q) => q.quote));

  it("keeps only the clauses on the fact asked about when its sentence gives another fact's answer", () => {
    expect([...quotesOf("lending")]).toEqual([
      "The Orvel Reserve said it was raising the lending rate, which it charges banks overnight, to 6.5 per cent",
    ]);
    expect([...quotesOf("deposit")]).toEqual([
      "raising the deposit rate, which it pays on reserves, to 4.25 per cent.",
    ]);
    // Still the article's own words, so the link to the article finds them.
    for (const q of served) expect(ARTICLE.body).toContain(q.quote);
  });

  it("quotes a sentence that holds only its own fact whole", () => {
    expect([...quotesOf("wages")]).toEqual([WAGES]);
  });

  it("lets two facts of one sentence share a quiz when no stem names the other's answer", () => {
    for (const q of served.filter((q) => q.factKeys[0] === "lending")) expect(q.quote).not.toContain("4.25");
    for (const q of served.filter((q) => q.factKeys[0] === "deposit")) expect(q.quote).not.toContain("6.5");
    const quiz = selectQuiz(served);
    expect(new Set(quiz.flatMap((q) => q.factKeys))).toEqual(new Set(["lending", "deposit", "wages"]));
  });
});
