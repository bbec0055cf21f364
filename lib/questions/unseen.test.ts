// Questions from drafted facts of articles nobody wrote facts for: every pattern below is one a
// drafter produces on real reporting, pinned with sentences written for these tests.
import { describe, expect, it } from "vitest";

import { generateQuestions } from "@/lib/questions/generate";
import { makeEntity, makeFact } from "@/lib/questions/test-fixtures";
import type { GeneratedQuestion, GeneratorArticle, GeneratorFact } from "@/lib/questions/types";

const ARTICLE: GeneratorArticle = {
  slug: "harbour-storm-2026-03-02",
  title: "Storm closes Kestrel Bay harbour",
  outlet: "Coastal Courier",
  publishedOn: "2026-03-02",
  body: [
    "KESTREL BAY — Polls of fishermen across the coast with the harbour faring worse than feared in Kestrel Bay showed anger on Monday.",
    "The storm damaged 40 boats in Kestrel Bay and 12 boats in Gullhaven, the harbour master said. At least 1,000 people lost power overnight.",
    "Repairs began on the quay after the release of approximately 30 tonnes of fuel. The harbour can stay closed for up to seven days.",
    "Mayor Ana Brightwater said the town would need help. Harbour master Joel Penn said the quay was safe.",
  ].join("\n\n"),
};

const sentence = (start: string) => ARTICLE.body.split(/\n\n/).find((p) => p.includes(start))!;

function only(facts: GeneratorFact[], entities = [] as ReturnType<typeof makeEntity>[]): GeneratedQuestion[] {
  return generateQuestions(ARTICLE, facts, entities);
}

const servedOf = (qs: GeneratedQuestion[], key: string) =>
  qs.filter((q) => q.factKeys.includes(key) && !q.heldBackReason);
const heldOf = (qs: GeneratedQuestion[], key: string) => qs.filter((q) => q.factKeys.includes(key) && q.heldBackReason);

describe("stems checked, not trusted", () => {
  it("holds back questions on a fragment subject, but keeps the fill-in on the article's sentence", () => {
    const fact = makeFact({
      key: "fragment",
      type: "place",
      subject: "Across the coast with the harbour faring worse than feared",
      relation: "in",
      answer: "Kestrel Bay",
      quote: sentence("Polls of fishermen"),
    });
    const qs = only([fact]);
    expect(servedOf(qs, "fragment").map((q) => q.type)).toEqual(["FILL_BLANK"]);
    for (const q of heldOf(qs, "fragment")) expect(q.heldBackReason).toMatch(/not a noun phrase/);
    expect(qs.some((q) => /\bthe in\b|\bin in\b/.test(q.stem) && !q.heldBackReason)).toBe(false);
  });

  it("does not ask when a clause 'happened'", () => {
    const fact = makeFact({
      key: "began",
      type: "date",
      subject: "Repairs began on the quay after the release of approximately",
      relation: "happened on",
      answer: "2026-03-02",
      quote: "Repairs began on the quay after the release of approximately 30 tonnes of fuel.",
    });
    const served = servedOf(only([fact]), "began");
    expect(served.filter((q) => /happen/.test(q.stem))).toEqual([]);
  });
});

describe("numbers say what they count and keep their bounds", () => {
  const days = makeFact({
    key: "days",
    type: "number",
    subject: "Days (The harbour can stay closed for)",
    relation: "number",
    answer: "seven",
    unit: "days",
    qualifier: "up to",
    quote: "The harbour can stay closed for up to seven days.",
  });
  const power = makeFact({
    key: "power",
    type: "number",
    subject: "People who lost power overnight",
    relation: "number",
    answer: "1,000",
    unit: "people",
    qualifier: "at least",
    quote: "At least 1,000 people lost power overnight.",
  });

  it("makes a count that opens its statement false only with a larger number", () => {
    const crews = makeFact({
      key: "crews",
      type: "number",
      subject: "Fishing crews that registered in Gullhaven are safe",
      relation: "number",
      answer: "130",
      unit: "fishing crews",
      quote: "The storm damaged 40 boats in Kestrel Bay and 12 boats in Gullhaven, the harbour master said.",
    });
    const statements = servedOf(only([crews]), "crews").filter((q) => q.type === "TRUE_FALSE");
    expect(statements[0]?.stem).toMatch(/^True or false\? 130 fishing crews/);
    // "100 fishing crews are safe" would be true of 130 safe crews.
    const figure = Number(/(\d+) fishing crews/.exec(statements[1]?.stem ?? "")?.[1]);
    expect(figure).toBeGreaterThan(130);
  });

  it("asks a tally still moving as of the day it was given", () => {
    const homes = makeFact({
      key: "homes",
      type: "number",
      subject: "Homes destroyed in Kestrel Bay",
      relation: "number",
      answer: "131",
      unit: "homes",
      quote: "The number of homes destroyed in Kestrel Bay has risen to 131, officials said.",
      asOf: "2026-03-02",
    });
    const article = { ...ARTICLE, body: `${ARTICLE.body}\n\n${homes.quote}` };
    const qs = generateQuestions(article, [homes], []);
    const [choice] = servedOf(qs, "homes").filter((q) => q.type === "MULTIPLE_CHOICE");
    expect(choice?.stem).toMatch(/^As of 2 March 2026, /);
  });

  it("serves no question on a bare unit but the fill-in", () => {
    const qs = only([days]);
    expect(servedOf(qs, "days").map((q) => q.type)).toEqual(["FILL_BLANK"]);
    expect(heldOf(qs, "days")[0]?.heldBackReason).toMatch(/what is counted/);
  });

  it("shows the bound in the stem and grades the typed figure as the article's figure", () => {
    const qs = only([power]);
    const numeric = qs.find((q) => q.type === "NUMERIC" && q.factKeys.includes("power"))!;
    expect(numeric.heldBackReason).toBeUndefined();
    expect(numeric.stem).toMatch(/^At least how many people lost power overnight\?/);
    expect([numeric.answerNumber, numeric.tolerance]).toEqual([1000, 0]);
    const mc = qs.find((q) => q.type === "MULTIPLE_CHOICE" && q.factKeys.includes("power"))!;
    expect(mc.heldBackReason).toBeUndefined();
    expect(mc.stem).toMatch(/^At least how many people lost power overnight/);
    // Under "at least 1,000", "at least 900" is also true: every wrong option lies above.
    for (const option of mc.options.filter((o) => !o.isCorrect)) {
      expect(Number(option.text.replace(/\D/g, ""))).toBeGreaterThan(1000);
    }
  });

  it("never offers a wrong figure that the bound makes true too", () => {
    const closed = makeFact({
      key: "closed",
      type: "number",
      subject: "Boats the storm damaged in Kestrel Bay",
      relation: "number",
      answer: "40",
      unit: "boats",
      qualifier: "less than",
      quote: "The storm damaged 40 boats in Kestrel Bay and 12 boats in Gullhaven, the harbour master said.",
    });
    const shown = only([closed]).filter(
      (q) => q.factKeys.includes("closed") && !q.heldBackReason && q.type !== "FILL_BLANK",
    );
    // "fewer than 50" is true whenever "less than 40" is: every wrong option lies below.
    for (const q of shown.filter((q) => q.type === "MULTIPLE_CHOICE"))
      for (const o of q.options.filter((o) => !o.isCorrect)) expect(Number(o.text.replace(/\D/g, ""))).toBeLessThan(40);
    expect(shown.some((q) => q.type === "TRUE_FALSE" && q.options.find((o) => o.isCorrect)?.text === "False")).toBe(
      false,
    );
  });

  it("never offers a figure the article gives for the same thing", () => {
    const damaged = makeFact({
      key: "damaged",
      type: "number",
      subject: "Boats the storm damaged in Kestrel Bay",
      relation: "number",
      answer: "40",
      unit: "boats",
      quote: "The storm damaged 40 boats in Kestrel Bay and 12 boats in Gullhaven, the harbour master said.",
    });
    const qs = only([damaged]);
    const offered = qs
      .filter((q) => q.factKeys.includes("damaged") && !q.heldBackReason && q.type !== "FILL_BLANK")
      .flatMap((q) => [...q.options.map((o) => o.text), q.stem]);
    expect(offered.some((text) => /\b12\b/.test(text))).toBe(false);
    expect(servedOf(qs, "damaged").some((q) => q.type === "MULTIPLE_CHOICE")).toBe(true);
  });
});

describe("distractors from the article and its world", () => {
  it("never pads a role's options with posts from an unrelated world", () => {
    const mayor = makeFact({
      key: "mayor",
      type: "role",
      subject: "Ana Brightwater",
      relation: "role",
      answer: "Mayor",
      quote: "Mayor Ana Brightwater said the town would need help.",
    });
    const penn = makeFact({
      key: "penn",
      type: "role",
      subject: "Joel Penn",
      relation: "role",
      answer: "Harbour master",
      quote: "Harbour master Joel Penn said the quay was safe.",
    });
    const bank = [
      makeEntity("far-minister", "Distant Foreign Minister", "role", { kind: "political title", country: "Farland" }),
      makeEntity("far-aide", "Palace aide", "role", { kind: "political title", country: "Farland" }),
      makeEntity("far-envoy", "Special envoy", "role", { kind: "political title", country: "Farland" }),
    ];
    const qs = only([mayor, penn], bank);
    const shown = qs.filter((q) => !q.heldBackReason).flatMap((q) => [q.stem, ...q.options.map((o) => o.text)]);
    expect(shown.join(" | ")).not.toMatch(/Distant Foreign Minister|Palace aide|Special envoy/);
    // Too few sound wrong posts for four options: the question is held back, the rest served.
    expect(heldOf(qs, "mayor").find((q) => q.type === "MULTIPLE_CHOICE")?.heldBackReason).toMatch(/plausible wrong/);
    expect(servedOf(qs, "mayor").length).toBeGreaterThan(0);
  });
});

describe("a right option that stands out is not asked among others", () => {
  const BANK = [
    makeEntity("deputy-mayor", "deputy mayor", "role", { kind: "local government post", world: "local-government" }),
    makeEntity("county-executive", "county executive", "role", {
      kind: "local government post",
      world: "local-government",
    }),
    makeEntity("city-manager", "city manager", "role", { kind: "local government post", world: "local-government" }),
    makeEntity("town-clerk", "town clerk", "role", { kind: "local government post", world: "local-government" }),
  ];
  const role = (answer: string) =>
    makeFact({
      key: "penn",
      type: "role",
      subject: "Joel Penn",
      relation: "role",
      answer,
      quote: sentence("Harbour master Joel Penn"),
    });

  it("holds back the multiple choice when only the right post names where it is held", () => {
    const qs = only([role("Kestrel Bay mayor")], BANK);
    const mc = qs.find((q) => q.type === "MULTIPLE_CHOICE")!;
    expect(mc.heldBackReason).toMatch(/stands out.*Kestrel/);
    // The true statement and the fill-in still ask about the post.
    expect(servedOf(qs, "penn").map((q) => q.type)).toContain("TRUE_FALSE");
  });

  it("holds back the multiple choice when only the right option is a former post", () => {
    const qs = only([role("former mayor")], BANK);
    expect(qs.find((q) => q.type === "MULTIPLE_CHOICE")!.heldBackReason).toMatch(/former post/);
  });
});

describe("a figure keeps its scale word", () => {
  const body = "KESTREL BAY — More than two dozen boats sank and over 1.5 million people lost power.";
  const article = { ...ARTICLE, body };
  const fact = (key: string, subject: string, answer: string, unit: string) =>
    makeFact({
      key,
      type: "number",
      subject,
      relation: "number",
      answer,
      unit,
      qualifier: "more than",
      quote: body.slice(14),
    });

  it("states and offers “two dozen”, never “two”, and types no figure counted in dozens", () => {
    const qs = generateQuestions(article, [fact("boats", "Boats that sank in the storm", "two", "dozen boats")], []);
    const statement = qs.find((q) => q.type === "TRUE_FALSE" && !q.heldBackReason);
    if (statement) expect(statement.stem).toMatch(/two dozen/);
    for (const q of qs.filter((q) => q.type === "MULTIPLE_CHOICE"))
      for (const o of q.options) expect(o.text).toMatch(/dozen/);
    expect(qs.find((q) => q.type === "NUMERIC")?.heldBackReason).toMatch(/dozens/);
  });

  it("keeps “million” in a statement of people counted in millions", () => {
    const qs = generateQuestions(article, [fact("power", "People who lost power", "1.5", "million people")], []);
    const texts = qs.filter((q) => q.type === "TRUE_FALSE").map((q) => q.stem);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/million/);
  });
});

describe("a reported clause reads on in lower case", () => {
  it("asks who said that repairs began, not that Repairs began", () => {
    const fact = makeFact({
      key: "said",
      type: "organisation",
      subject: "Statement that Repairs began on the quay",
      relation: "made by",
      answer: "Kestrel Bay Council",
      quote: sentence("Repairs began"),
    });
    const stems = only([fact]).map((q) => q.stem);
    expect(stems.some((s) => /that repairs began/.test(s))).toBe(true);
    expect(stems.some((s) => /that Repairs/.test(s))).toBe(false);
  });
});

describe("statements that read as English", () => {
  it("states a type with its article", () => {
    const fact = makeFact({
      key: "type",
      type: "phrase",
      subject: "Harbour tug Osprey",
      relation: "type",
      answer: "ocean-going salvage tug",
      quote: sentence("The storm damaged"),
    });
    const statement = only([fact]).find((q) => q.type === "TRUE_FALSE" && q.options[0]?.isCorrect);
    expect(statement?.stem).toBe("True or false? The harbour tug Osprey was an ocean-going salvage tug.");
  });

  it("states a counterpart as the one person it is", () => {
    const fact = makeFact({
      key: "cp",
      type: "role",
      subject: "Joel Penn",
      relation: "role",
      answer: "Latvian counterpart of Mayor Ana Brightwater",
      quote: sentence("Harbour master Joel Penn"),
    });
    const statement = only([fact]).find((q) => q.type === "TRUE_FALSE" && q.options[0]?.isCorrect);
    expect(statement?.stem).toMatch(/Joel Penn was the Latvian counterpart of Mayor Ana Brightwater\.$/);
  });
});

describe("a name's capital “The”", () => {
  it("is lower case mid-question where the article writes “the” before the name", () => {
    const body = "The Netherlands sent Ida Fenn to the talks. Ships from the Netherlands waited offshore.";
    const article = { ...ARTICLE, body };
    const fact = makeFact({
      key: "sent",
      type: "person",
      subject: "The Netherlands",
      relation: "sent",
      answer: "Ida Fenn",
      quote: "The Netherlands sent Ida Fenn to the talks.",
    });
    const mc = generateQuestions(article, [fact], [makeEntity("nl", "Netherlands", "place", { kind: "country" })]).find(
      (q) => q.type === "MULTIPLE_CHOICE",
    );
    expect(mc?.stem).toBe("Who did the Netherlands send?");
  });
});

describe("a bulleted list item", () => {
  it("is its own sentence to blank, full stop or not", () => {
    const body =
      "KEY POINTS:\n\n• Ferries were cancelled across the coast with the worst delays in Gullhaven • Ana Brightwater said the harbour would reopen on Friday";
    const fact = makeFact({
      key: "port",
      type: "place",
      subject: "Worst ferry delays",
      relation: "in",
      answer: "Gullhaven",
      quote: "Ferries were cancelled across the coast with the worst delays in Gullhaven",
    });
    const blank = generateQuestions({ ...ARTICLE, body }, [fact], []).find((q) => q.type === "FILL_BLANK");
    expect(blank?.stem).toBe(
      "Fill in the blank: “Ferries were cancelled across the coast with the worst delays in _____”",
    );
  });
});

describe("a part of a country as the answer", () => {
  const body = "Shelling hit villages in northwestern Orvania on Monday, a Norland-based monitoring group said.";
  const article: GeneratorArticle = { ...ARTICLE, body };
  const entities = [
    makeEntity("orvania", "Orvania", "place", { kind: "country" }),
    makeEntity("norland", "Norland", "place", { kind: "country" }),
    makeEntity("eastport", "Eastport", "place", { kind: "city", within: "norland" }),
    makeEntity("westby", "Westby", "place", { kind: "city", within: "norland" }),
    makeEntity("kell", "Kell", "place", { kind: "city", within: "orvania" }),
  ];
  const fact = makeFact({
    key: "shelled",
    type: "place",
    subject: "Shelling",
    relation: "hit villages in",
    answer: "northwestern Orvania",
    quote: body,
  });

  it("offers the other parts of the same country, none that could hold the answer", () => {
    const question = generateQuestions(article, [fact], entities).find(
      (q) => q.type === "MULTIPLE_CHOICE" && !q.heldBackReason,
    );
    expect(question?.options.map((o) => o.text).sort()).toEqual([
      "eastern Orvania",
      "northwestern Orvania",
      "southeastern Orvania",
      "southern Orvania",
    ]);
  });

  it("never offers such a part against a place that may lie in it", () => {
    const more = `${body} An airstrike killed five people in Tell Arran, and shelling hit Kell and Dorn Hill.`;
    const village = makeFact({
      key: "village",
      type: "place",
      subject: "An airstrike",
      relation: "killed five people in",
      answer: "Tell Arran",
      quote: "An airstrike killed five people in Tell Arran, and shelling hit Kell and Dorn Hill.",
    });
    const question = generateQuestions({ ...article, body: more }, [fact, village], entities).find(
      (q) => q.factKeys.includes("village") && q.type === "MULTIPLE_CHOICE",
    );
    expect(question?.options.map((o) => o.text)).not.toContain("northwestern Orvania");
  });
});
