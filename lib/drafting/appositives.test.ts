// A named place or body described in apposition by a definite noun phrase. Every sentence here
// is made up.
import { describe, expect, it } from "vitest";

import { draftFacts } from "./draft";

const described = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d) => d.kind === "relation" && d.relation === "is")
    .map((d) => [d.subject, d.answer]);

describe("appositive descriptions of a named place or body", () => {
  it("reads an owner's phrase between commas as what the name is", () => {
    expect(described("Exports to Veloria, Castria's biggest trading partner, rose 12 percent in May.")).toEqual([
      ["Castria's biggest trading partner", "Veloria"],
    ]);
  });

  it("reads 'the ...' with its modifiers, before a comma or at the sentence's end", () => {
    expect(
      described(
        "The storm hit Port Alma, the island's capital, on Sunday. Ministers from Castria, the largest economy in the region, attended.",
      ),
    ).toEqual([
      ["The island's capital", "Port Alma"],
      ["The largest economy in the region", "Castria"],
    ]);
  });

  it("drafts nothing from a list, a clause after a comma, or an indefinite description", () => {
    expect(
      described(
        "Veloria, Castria and Dunmore signed the pact. Sales fell in Norland, the police confirmed. " +
          "It was Castria, the report found. The pact covers Dunmore, a small port town.",
      ),
    ).toEqual([]);
  });

  it("drafts nothing from 'the' and one noun, which does not say of what", () => {
    expect(described("The talks were held in Larnos, the capital, on Monday.")).toEqual([]);
  });

  it("keeps the description out of the clause a place's subject is read from", () => {
    const places = draftFacts({
      title: "Test",
      body: "Delegates met in Larnos, the Castrian capital.",
      publishedOn: "2024-03-08",
    }).filter((d) => d.kind === "place");
    expect(places.map((d) => [d.subject, d.answer])).toEqual([["Delegates met", "Larnos"]]);
  });

  it("still reads the main clause after an opening date as the event", () => {
    const dates = draftFacts({
      title: "Test",
      body: "On June 20, the council barred shops in the town from opening.",
      publishedOn: "2024-07-08",
    }).filter((d) => d.kind === "date");
    // The clause is split into its subject and what it did, so the question can ask "On what date did ...?".
    expect(dates.map((d) => [d.subject, d.relation, d.answer])).toEqual([
      ["The council", "barred shops in the town from opening on", "2024-06-20"],
    ]);
  });

  it("leaves a person's description to the roles", () => {
    expect(described("Anna Berg, the party's leader, spoke to reporters on Friday.")).toEqual([]);
  });
});
