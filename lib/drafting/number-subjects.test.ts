// A number's subject is a noun phrase a teacher would publish as it stands, or the number is not
// drafted: never the fallback "Unit (words of the clause)". Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts, type DraftFact } from "./draft";

const numbers = (body: string): DraftFact[] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" }).filter((d) => d.kind === "number");
const facts = (body: string): string[][] =>
  numbers(body).map((d) => [d.subject, `${d.qualifier ? `${d.qualifier} ` : ""}${d.answer} ${d.unit ?? ""}`.trim()]);

describe("number subjects that stand on their own", () => {
  it("drops a number whose subject cannot be built rather than quote the clause", () => {
    expect(facts("With three new ferries behind it, the harbour reopened in spring.")).toEqual([]);
    expect(facts("He can be kept in the cell for up to four days.")).toEqual([]);
  });

  it("names what a rising or falling plural noun did, even without an article", () => {
    expect(facts("For the autumn term, enrolments expanded 12.5 percent.")).toEqual([
      ["The rise in enrolments", "12.5 percent"],
    ]);
  });

  it("skips a relative clause in commas between the raised noun and its new level", () => {
    expect(facts("The council was lifting the parking fee, which it uses to fund the buses, to 3.50 euros.")).toEqual([
      ["The new parking fee", "3.50 euros"],
    ]);
    expect(facts("The coaches increased attendance from zero to 45 percent.")).toEqual([
      ["The new attendance", "45 percent"],
    ]);
  });

  it("reads 'there have been N X in M Y' as the count of X and the Y that have them", () => {
    expect(facts("So far this season there have been 41 mumps cases in 9 counties.")).toEqual([
      ["Mumps cases so far this season", "41 mumps cases"],
      ["Counties with mumps cases so far this season", "9 counties"],
    ]);
  });

  it("gives 'in N places' and 'including N' the count they belong to", () => {
    expect(facts("The ministry said the number of infections was 512 in 14 provinces, including 9 deaths.")).toEqual([
      ["Infections", "512"],
      ["Provinces with infections", "14 provinces"],
      ["Deaths among the infections", "9 deaths"],
    ]);
  });

  it("finds where each count of a list was made, past an 'and' before the next figure", () => {
    expect(
      facts("The survey counted 88 confirmed cases with one death in the capital and 40 confirmed cases in the north."),
    ).toEqual([
      ["Confirmed cases the survey counted", "88 confirmed cases"],
      ["Deaths in the capital", "one death"],
      ["Confirmed cases in the north", "40 confirmed cases"],
    ]);
  });

  it("carries a sentence's opening place to counts that name none, and skips whom something was told", () => {
    expect(
      facts("In western Wales, officials told the Courier the flood toll had risen to 31, with 12 reported missing."),
    ).toEqual([
      ["The flood toll in western Wales", "31"],
      ["People reported missing in western Wales", "12 people"],
    ]);
  });

  it("says what happened to people in one verb", () => {
    expect(facts("At least 9 people drowned on Saturday.")).toEqual([["People who drowned", "at least 9 people"]]);
  });

  it("names what a vehicle carried and how long something has gone on", () => {
    expect(facts("A cargo ship carrying 20 containers of grain sank off the coast.")).toEqual([
      ["Containers of grain carried by the cargo ship", "20 containers of grain"],
    ]);
    expect(facts("The union said teachers in the district have been striking for over three weeks.")).toEqual([
      ["Time teachers in the district have been striking", "over three weeks"],
    ]);
  });

  it("names the object a clause has, with its owner resolved", () => {
    expect(facts("The airline now has 2.5 million customers across the region.")).toEqual([
      ["Customers the airline has", "2.5 million customers"],
    ]);
    expect(facts("Volmark Systems said on Thursday that its quarterly revenue fell to 4.1 billion dollars.")).toEqual([
      ["Volmark Systems' quarterly revenue", "4.1 billion dollars"],
    ]);
  });

  it("gives a sentence its own figure, not the one asked for", () => {
    expect(
      facts("The court heard the prosecution had asked for eight years, but Mr Dorsey was sentenced to four years."),
    ).toEqual([["Mr Dorsey's sentence", "four years"]]);
  });
});

describe("units taken from the noun the number modifies", () => {
  it("reads a currency code before the amount", () => {
    const [fine] = numbers("The regulator fined the Harbour Bank USD 5 million on Tuesday.");
    expect([fine?.answer, fine?.unit]).toEqual(["5", "million US dollars"]);
    expect(fine?.subject).toBe("The fine on the Harbour Bank");
  });

  it("keeps 'a year earlier' out of the bound", () => {
    expect(facts("Consumer prices rose 33.9 percent from a year earlier.")).toEqual([
      ["The rise in consumer prices", "33.9 percent"],
    ]);
    expect(facts("Consumer prices rose 33.9 percent a year earlier.")).toEqual([
      ["The rise in consumer prices", "33.9 percent"],
    ]);
  });

  it("does not count 'one' that stands for a person", () => {
    expect(facts("Only one made it to the final round.")).toEqual([]);
  });

  it("never takes a road or gate number as a count", () => {
    expect(facts("The crash happened off Highway 696 near the depot.")).toEqual([]);
  });
});

describe("the date a number holds", () => {
  it("is not a reference date the figure is compared with", () => {
    const drafts = numbers(
      "The offer price was 12 dollars a share, a 30 percent premium over the closing price on October 20.",
    );
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) expect(draft.asOf).toBe("2024-03-08");
  });
});
