import { describe, expect, it } from "vitest";

import { bankQuestionOf, type StoredQuestion } from "@/lib/banks/from-question";

const stored = (over: Partial<StoredQuestion>): StoredQuestion => ({
  type: "FILL_BLANK",
  stem: "The final was held in _____ on Sunday.",
  explanation: "Dorvale hosted it.",
  quote: "The cup final was held at Brackenfield Stadium in Dorvale on Sunday.",
  answerText: "Dorvale",
  answerNumber: null,
  tolerance: 1,
  options: [],
  article: { title: "Cup final report", outlet: "Test Post", source: "CONTENT" },
  facts: [],
  ...over,
});

describe("bankQuestionOf", () => {
  it("gives a fill-in question its facts' aliases as other accepted writings, once each", () => {
    const question = bankQuestionOf(
      stored({
        options: [{ position: 0, text: "Dorvale Town", isCorrect: true, matchText: null, correctPosition: null }],
        facts: [{ fact: { aliases: [{ alias: "dorvale town" }, { alias: "Dorvale-on-Sea" }, { alias: "DORVALE" }] } }],
      }),
    );
    expect(question.answer).toEqual({
      type: "FILL_BLANK",
      answerText: "Dorvale",
      alternatives: "Dorvale Town\nDorvale-on-Sea",
      tolerance: "1",
    });
  });

  it("names the article after an article's source sentence, and keeps a bank's as it came", () => {
    expect(bankQuestionOf(stored({})).source).toBe(
      "The cup final was held at Brackenfield Stadium in Dorvale on Sunday. (Cup final report, Test Post)",
    );
    expect(
      bankQuestionOf(stored({ quote: "Chapter 3", article: { title: "geo.gift", outlet: "geo.gift", source: "BANK" } }))
        .source,
    ).toBe("Chapter 3");
    expect(bankQuestionOf(stored({ quote: "" })).source).toBeUndefined();
  });
});
