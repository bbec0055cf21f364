// A date or place drafted for a whole clause is split so its questions read as English asks
// about an event. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { generateQuestions } from "@/lib/questions/generate";
import { FactSchema } from "@/lib/content/schemas";
import { toGeneratorFact } from "@/lib/questions/from-content";
import type { GeneratorArticle } from "@/lib/questions/types";

import { splitClause } from "./clause-subjects";
import { draftFacts, toFactInput } from "./draft";

describe("splitting a clause into its subject and predicate", () => {
  it("splits at the first finite verb", () => {
    expect(splitClause("Storms flattened 40 barns")).toEqual({ subject: "Storms", predicate: "flattened 40 barns" });
    expect(splitClause("Kestrel Bay's exports rose for the fifth month")).toEqual({
      subject: "Kestrel Bay's exports",
      predicate: "rose for the fifth month",
    });
  });

  it("ends a clause cut mid-phrase before that phrase's preposition", () => {
    expect(splitClause("The council voted 7-2 to build a 3.2-kilometre seawall along the town's")).toEqual({
      subject: "The council",
      predicate: "voted 7-2 to build a 3.2-kilometre seawall",
    });
  });

  it("makes a perfect a simple past, and a perfect passive a past passive", () => {
    expect(splitClause("The council has closed the harbour")).toEqual({
      subject: "The council",
      predicate: "closed the harbour",
    });
    expect(splitClause("Thousands of homes have been flooded")).toEqual({
      subject: "Thousands of homes",
      predicate: "were flooded",
    });
  });

  it("reads past an adverb between 'has' and its participle", () => {
    expect(splitClause("Vesi has so far recorded 32 cases")).toEqual({
      subject: "Vesi",
      predicate: "recorded 32 cases so far",
    });
    expect(splitClause("The council has already closed the harbour")).toEqual({
      subject: "The council",
      predicate: "closed the harbour already",
    });
  });

  it("keeps the main clause without what follows 'after' or 'because', and hyphenated words whole", () => {
    expect(splitClause("Ferry workers in Arlo ended a three-day strike after the harbour authority agreed")).toEqual({
      subject: "Ferry workers in Arlo",
      predicate: "ended a three-day strike",
    });
    expect(splitClause("The council closed the harbour because the storm hit")).toEqual({
      subject: "The council",
      predicate: "closed the harbour",
    });
  });

  it("keeps what will or would happen, but not what only could, nor a clause about 'it' or 'they'", () => {
    expect(splitClause("The ferry will sail to Gullhaven")).toEqual({
      subject: "The ferry",
      predicate: "will sail to Gullhaven",
    });
    expect(splitClause("The ferry could sail")).toBeUndefined();
    expect(splitClause("They closed the harbour")).toBeUndefined();
  });

  it("keeps no clause whose last word is a participle of its object's ('the plan announced')", () => {
    expect(splitClause("The council rejected the plan announced")).toBeUndefined();
  });
});

const ARTICLE: GeneratorArticle = {
  slug: "storm-2026-03-02",
  title: "Storm hits the coast",
  outlet: "Coastal Courier",
  publishedOn: "2026-03-04",
  body: [
    "Storms flattened 40 barns in Kestrel Bay on Monday.",
    "Floods cut the coast road in Gullhaven, and snow closed schools in Marlow.",
  ].join("\n\n"),
};

function questionsFor(body: string): string[] {
  const drafts = draftFacts({ title: ARTICLE.title, body, publishedOn: ARTICLE.publishedOn });
  const facts = drafts.map((d) => toGeneratorFact(FactSchema.parse(toFactInput(d))));
  return generateQuestions({ ...ARTICLE, body }, facts, [])
    .filter((q) => !q.heldBackReason && q.type !== "FILL_BLANK")
    .map((q) => q.stem);
}

describe("questions on a clause's date and place", () => {
  it("asks when and where the event happened, with 'did' and the verb's base form", () => {
    const stems = questionsFor(ARTICLE.body);
    expect(stems).toContain("On what date did the storms flatten 40 barns in Kestrel Bay?");
    expect(stems).toContain("True or false? The storms flattened 40 barns in Kestrel Bay on 2 March 2026.");
    expect(stems).toContain("True or false? The storms flattened 40 barns on Monday in Kestrel Bay.");
    expect(stems.join(" ")).not.toMatch(/did the storms flattened|storms flattened 40 barns (was|took place)/);
  });

  it("gives a second verb joined by 'and' its base form too", () => {
    const stems = questionsFor("Police arrested one man and seized 40 boxes of cigarettes in Kestrel Bay on Monday.");
    expect(stems).toContain("On what date did Police arrest one man and seize 40 boxes of cigarettes in Kestrel Bay?");
  });

  it("asks where a count of people died, not where they were", () => {
    const stems = questionsFor("The ministry said four people had died in Vesi and one in Arlo.");
    expect(stems).toContain("True or false? Four people died in Vesi.");
    expect(stems.join(" ")).not.toMatch(/who died/);
  });

  it("asks when a planned event will happen", () => {
    const stems = questionsFor("The Kestrel Bay ferry will resume sailings in April, the harbour master said.");
    expect(stems).toContain("When will the Kestrel Bay ferry resume sailings?");
    expect(stems).toContain("True or false? The Kestrel Bay ferry will resume sailings in April 2026.");
  });
});
