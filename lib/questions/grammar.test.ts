// Stems read word by word, not trusted because a template wrote them, and places offered only
// beside places of the answer's kind. Every sentence here was written for these tests.
import { describe, expect, it } from "vitest";

import { generateQuestions } from "@/lib/questions/generate";
import { makeEntity, makeFact } from "@/lib/questions/test-fixtures";
import type { GeneratorArticle } from "@/lib/questions/types";
import { grammarProblem, stemProblem, subjectProblem } from "@/lib/questions/wellformed";

describe("a stem's grammar", () => {
  it("holds back a second verb after 'did'", () => {
    expect(grammarProblem("On what date did the ferry strike began at the north quay happen?")).toMatch(
      /second verb \(“began”\)/,
    );
    expect(grammarProblem("Who did the boats were towed by?")).toMatch(/second verb \(“were”\)/);
    expect(grammarProblem("How many seats did the Harbour Party won?")).toMatch(/second verb \(“won”\)/);
    // One verb in its base form, and a reduced relative before it, are English.
    expect(grammarProblem("How many seats did the Harbour Party win?")).toBeUndefined();
    expect(grammarProblem("On what date did the talks held in Kestrel Bay end?")).toBeUndefined();
  });

  it("holds back a pronoun or 'this' that nothing in the stem names", () => {
    expect(grammarProblem("What post did she hold?")).toMatch(/“she” without saying who/);
    expect(grammarProblem("What was the number of them?")).toMatch(/“them” without saying who/);
    expect(grammarProblem("True or false? This was 12 percent.")).toMatch(/“This” without saying what/);
    // After a name, a pronoun has something to point back to.
    expect(grammarProblem("How many boats did Ana Brightwater say she had lost?")).toBeUndefined();
    expect(grammarProblem("True or false? This report was filed from Kestrel Bay.")).toBeUndefined();
  });

  it("holds back a relative pronoun with no clause, a figure of one before a plural, and a word said twice", () => {
    expect(grammarProblem("What was the number of boats which in the harbour?")).toMatch(/“which” opens no clause/);
    expect(grammarProblem("True or false? One boats sank in the storm.")).toMatch(/“One boats”/);
    expect(grammarProblem("True or false? 1 people lost power.")).toMatch(/“1 people”/);
    expect(grammarProblem("Where was the the quay?")).toMatch(/“the” twice/);
    expect(grammarProblem("True or false? One boat sank in the storm.")).toBeUndefined();
  });

  it("holds back a count of a bare noun, a possessive with no 'the', and 'Where ... at?'", () => {
    expect(grammarProblem("What figure did the article give for the number of hours?")).toMatch(/which hours/);
    expect(grammarProblem("Where were harbour's cranes?")).toMatch(/whose harbour/);
    expect(grammarProblem("Where was the vote held at?")).toMatch(/ends on “at”/);
    expect(grammarProblem("What was the number of boats lost in the storm?")).toBeUndefined();
  });

  it("is part of the stem check", () => {
    expect(stemProblem("What post did he hold?")).toBeDefined();
  });
});

describe("a subject that is a clause", () => {
  it("holds back a clause opened by a pronoun or a verb that takes an object", () => {
    expect(subjectProblem("It emerged on Monday that the quay had cracked")).toMatch(/is a clause/);
    expect(subjectProblem("Waves wrecked 12 boats")).toMatch(/whole clause/);
    expect(subjectProblem("harbour's cranes")).toMatch(/does not say whose/);
    // A passive that keeps its object is still a noun phrase.
    expect(subjectProblem("Residents issued an evacuation order")).toBeUndefined();
  });
});

const ARTICLE: GeneratorArticle = {
  slug: "coast-storm-2026-03-09",
  title: "Storm floods the coast",
  outlet: "Coastal Courier",
  publishedOn: "2026-03-09",
  body: [
    "The worst flooding was in Alder County, where the river rose three metres overnight.",
    "Rescue teams were sent to the Glen district of Marrow, the regional council said.",
  ].join("\n\n"),
};

describe("where something was", () => {
  const bank = [
    makeEntity("alder-county", "Alder County", "place", { kind: "county" }),
    makeEntity("birch-county", "Birch County", "place", { kind: "county" }),
    makeEntity("cedar-county", "Cedar County", "place", { kind: "county" }),
    makeEntity("dune-county", "Dune County", "place", { kind: "county" }),
    makeEntity("port-elm", "Port Elm", "place", { kind: "city" }),
    makeEntity("fernley", "Fernley", "place", { kind: "city" }),
    makeEntity("marrow", "Marrow", "place", { kind: "city" }),
  ];
  const flooding = makeFact({
    key: "flooding",
    type: "place",
    subject: "The worst flooding",
    relation: "in",
    answer: "Alder County",
    quote: "The worst flooding was in Alder County",
  });
  const teams = makeFact({
    key: "teams",
    type: "place",
    subject: "The Glen district",
    relation: "in",
    answer: "Glen district",
    quote: "Rescue teams were sent to the Glen district of Marrow",
  });
  const questions = generateQuestions(ARTICLE, [flooding, teams], bank);

  it("asks 'Where was ...?' of a place drafted with a bare 'in', with places of the answer's kind", () => {
    const choice = questions.find((q) => q.factKeys[0] === "flooding" && q.type === "MULTIPLE_CHOICE")!;
    expect(choice.heldBackReason).toBeUndefined();
    expect(choice.stem).toBe("Where was the worst flooding?");
    expect(choice.options.map((o) => o.text).sort()).toEqual([
      "Alder County",
      "Birch County",
      "Cedar County",
      "Dune County",
    ]);
    const statement = questions.find((q) => q.factKeys[0] === "flooding" && q.type === "TRUE_FALSE")!;
    expect(statement.stem).toBe("True or false? The worst flooding was in Alder County.");
  });

  it("never offers a place the fact's own sentence names beside the answer", () => {
    const served = questions.filter((q) => q.factKeys[0] === "teams" && !q.heldBackReason);
    for (const q of served) {
      expect(q.options.map((o) => o.text)).not.toContain("Marrow");
      if (q.type === "TRUE_FALSE") expect(q.stem).not.toMatch(/Marrow/);
    }
  });
});

describe("the voice and the date a stem is told in", () => {
  const article: GeneratorArticle = {
    slug: "coast-gale-2026-03-10",
    title: "Gale hits Kestrel Bay",
    outlet: "Coastal Courier",
    publishedOn: "2026-03-10",
    body: [
      "The gale tore through Kestrel Bay on Monday night.",
      "Harbour master Joel Penn will meet the mayor on 2 April.",
    ].join("\n\n"),
  };
  const bank = ["Kestrel Bay", "Port Elm", "Fernley", "Gullhaven", "Marrow"].map((name) =>
    makeEntity(name.toLowerCase().replace(/\s+/g, "-"), name, "place", { kind: "town" }),
  );

  it("keeps a verb that is only a past tense active: the gale tore through the town, nothing 'was torn through'", () => {
    const fact = makeFact({
      key: "gale",
      type: "place",
      subject: "The gale",
      relation: "tore through",
      answer: "Kestrel Bay",
      quote: "The gale tore through Kestrel Bay on Monday night.",
    });
    const questions = generateQuestions(article, [fact], bank).filter((q) => q.type !== "FILL_BLANK");
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(q.stem).not.toMatch(/was torn/);
    expect(questions.find((q) => q.type === "MULTIPLE_CHOICE")?.stem).toBe("What did the gale tear through?");
  });

  it("dates a post no later than the article", () => {
    const fact = makeFact({
      key: "penn",
      type: "role",
      subject: "Joel Penn",
      relation: "role",
      answer: "Harbour master",
      quote: "Harbour master Joel Penn will meet the mayor on 2 April.",
      asOf: "2026-04-02",
    });
    const statement = generateQuestions(article, [fact], []).find((q) => q.type === "TRUE_FALSE")!;
    expect(statement.stem).toMatch(/^True or false\? As of 10 March 2026, Joel Penn was/);
  });
});

describe("a head of government's wrong options", () => {
  const article: GeneratorArticle = {
    slug: "valdoria-budget-2026-03-11",
    title: "Valdoria's budget passes",
    outlet: "Northern Ledger",
    publishedOn: "2026-03-11",
    body: "Prime Minister Ilse Varga said the budget would cut the deficit by half.",
  };
  const fact = makeFact({
    key: "varga",
    type: "role",
    subject: "Ilse Varga",
    relation: "role",
    answer: "Prime Minister",
    quote: "Prime Minister Ilse Varga said the budget would cut the deficit by half.",
    asOf: "2026-03-11",
  });
  const bank = [
    makeEntity("role-pm", "Prime Minister", "role", { kind: "political title" }),
    makeEntity("role-president", "President", "role", { kind: "political title" }),
    makeEntity("role-chancellor", "Chancellor", "role", { kind: "political title" }),
    makeEntity("role-premier", "Premier", "role", { kind: "political title" }),
    makeEntity("role-foreign", "Foreign Minister", "role", { kind: "political title" }),
    makeEntity("role-health", "Health Minister", "role", { kind: "political title" }),
    makeEntity("role-defence", "Defence Minister", "role", { kind: "political title" }),
  ];

  it("are other heads of government or state, never a minister's post from the bank", () => {
    const served = generateQuestions(article, [fact], bank).filter((q) => !q.heldBackReason && q.type !== "FILL_BLANK");
    expect(served.length).toBeGreaterThan(0);
    for (const q of served) {
      expect(q.stem).not.toMatch(/Minister\b(?<!Prime Minister)/);
      for (const o of q.options) expect(o.text).not.toMatch(/^(Foreign|Health|Defence) Minister$/);
    }
  });
});

describe("a subject opening on a possessive", () => {
  const article: GeneratorArticle = {
    slug: "harbour-vote-2026-03-12",
    title: "Harbour Party wins the vote",
    outlet: "Coastal Courier",
    publishedOn: "2026-03-12",
    body: "Crowds gathered outside the party's headquarters in Port Elm, while Labor's office in Fernley stayed shut.",
  };
  const place = (key: string, subject: string, answer: string, quote: string) =>
    makeFact({ key, type: "place", subject, relation: "in", answer, quote });
  const bank = ["Port Elm", "Fernley", "Gullhaven", "Marrow", "Alder"].map((name) =>
    makeEntity(name.toLowerCase().replace(/\s+/g, "-"), name, "place", { kind: "town" }),
  );

  it("holds back a common noun's possessive with no 'the', not a name's", () => {
    const questions = generateQuestions(
      article,
      [
        place("hq", "Party's headquarters", "Port Elm", "the party's headquarters in Port Elm"),
        place("office", "Labor's office", "Fernley", "Labor's office in Fernley stayed shut"),
      ],
      bank,
    );
    const choice = (key: string) => questions.find((q) => q.factKeys[0] === key && q.type === "MULTIPLE_CHOICE")!;
    expect(choice("hq").heldBackReason).toMatch(/does not say whose/);
    expect(choice("office").heldBackReason).toBeUndefined();
    expect(choice("office").stem).toBe("Where was Labor's office?");
  });
});
