import { describe, expect, it } from "vitest";

import { generateQuestions } from "@/lib/questions/generate";
import { referentProblem, resolvedSubject, vagueReferent } from "@/lib/questions/referents";
import { makeFact } from "@/lib/questions/test-fixtures";
import type { GeneratorArticle } from "@/lib/questions/types";

const ARTICLE: GeneratorArticle = {
  slug: "orvania-vote-2026-04-12",
  title: "Orvania's exports slip as vote nears",
  outlet: "Test Post",
  publishedOn: "2026-04-12",
  body: [
    "Orvania's exports fell for a third month in March, the statistics office said.",
    "Exports dropped 4.1 percent to 2.3 billion crowns. The election will be held on May 3.",
    "Ana Lee's share of the vote in the first round was 41 percent, and the Estonian-Latvian ferry deal was signed on Friday.",
    "Another 12 people were hurt in other districts.",
  ].join("\n\n"),
};

describe("subjects that point back into the article", () => {
  it("finds the word that leaves the subject unresolved", () => {
    expect(vagueReferent("The election")).toBe("election");
    expect(vagueReferent("Non-food prices before the change")).toBe("change");
    expect(vagueReferent("People hurt in other districts")).toBe("other districts");
    expect(vagueReferent("Cases reported in the four provinces")).toBe("the four provinces");
    // Things news reports many of: which contract, which event, which team?
    expect(vagueReferent("The contract")).toBe("contract");
    expect(vagueReferent("The event")).toBe("event");
    expect(vagueReferent("The research team")).toBe("team");
    expect(vagueReferent("The second increase")).toBe("increase");
  });

  it("leaves a subject that a name, a figure, a time or a complement pins down", () => {
    expect(vagueReferent("Ana Lee's share of the vote")).toBeUndefined();
    expect(vagueReferent("The 2026 election")).toBeUndefined();
    expect(vagueReferent("The first round of the presidential election")).toBeUndefined();
    expect(vagueReferent("The rise in the lending rate")).toBeUndefined();
    expect(vagueReferent("Deaths confirmed by the authorities")).toBe("authorities");
    expect(vagueReferent("Economic growth")).toBe("growth");
    expect(vagueReferent("Share of the vote")).toBe("share");
    expect(vagueReferent("Exports in March")).toBeUndefined();
    expect(vagueReferent("The agreement to reopen the border crossing")).toBeUndefined();
    expect(vagueReferent("The new deal")).toBe("deal");
    expect(vagueReferent("Estonian-Latvian ferry deal", ARTICLE.body)).toBeUndefined();
    // Which two sides, a student who has not read the article cannot tell.
    expect(vagueReferent("The two sides' talks")).toBe("The two sides");
    // A word capitalised mid-sentence once ("the Union of Port Workers") but also written in lower
    // case ("port workers") is no name.
    expect(vagueReferent("Workers the reopening affects", "the Union of Port Workers said workers")).toBe("reopening");
    expect(vagueReferent("Exports", "Orvania's Exports Slip. Exports fell, and exports of cars rose.")).toBe("exports");
  });

  it("gives the subject its owner from the sentence, the headline or the opening", () => {
    const exports = makeFact({
      key: "x",
      type: "number",
      subject: "Exports",
      relation: "worth",
      answer: "2.3",
      unit: "billion crowns",
      quote: "Exports dropped 4.1 percent to 2.3 billion crowns.",
    });
    expect(resolvedSubject(exports, ARTICLE)).toBe("Orvania's exports");
    const election = makeFact({
      key: "e",
      type: "date",
      subject: "The election",
      relation: "scheduled for",
      answer: "2026-05-03",
      quote: "The election will be held on May 3.",
    });
    expect(resolvedSubject(election, ARTICLE)).toBeUndefined();
    expect(referentProblem(election, ARTICLE.body)).toMatch(/does not say which “election”/);
  });

  it("asks about the owner's exports, and holds back all but the fill-in on the election", () => {
    const facts = [
      makeFact({
        key: "x",
        type: "number",
        subject: "Exports",
        relation: "worth",
        answer: "2.3",
        unit: "billion crowns",
        quote: "Exports dropped 4.1 percent to 2.3 billion crowns.",
      }),
      makeFact({
        key: "e",
        type: "date",
        subject: "The election",
        relation: "scheduled for",
        answer: "2026-05-03",
        quote: "The election will be held on May 3.",
      }),
    ];
    const qs = generateQuestions(ARTICLE, facts, []);
    const exportStems = qs.filter((q) => q.factKeys.includes("x") && q.type !== "FILL_BLANK").map((q) => q.stem);
    expect(exportStems.length).toBeGreaterThan(0);
    for (const stem of exportStems) expect(stem).toMatch(/Orvania's exports/);
    const election = qs.filter((q) => q.factKeys.includes("e"));
    for (const q of election.filter((q) => q.type !== "FILL_BLANK")) expect(q.heldBackReason).toMatch(/points back/);
  });
});
