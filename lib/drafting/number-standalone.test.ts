// A number's subject reads on its own or the number is not drafted. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts } from "./draft";

const numbers = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d) => d.kind === "number")
    .map((d) => [d.subject, d.answer]);

describe("number subjects that stand alone", () => {
  it("names a change by the noun before an appositive, not by the appositive", () => {
    expect(numbers("Exports to Chile, Peru's biggest trading partner, rose 12 percent in May.")).toEqual([
      ["The rise in exports to Chile in May", "12"],
    ]);
  });

  it("does not take a word in commas for who acted", () => {
    expect(
      numbers("An outbreak linked to a fair in Kern County, Calif., has sickened 40 people in California."),
    ).toEqual([["People sickened in California", "40"]]);
  });

  it("keeps an 'of' phrase with the counted noun", () => {
    expect(numbers("An airstrike in the town of Idlib killed six members of one family on Sunday.")).toEqual([
      ["Members of one family killed by an airstrike in the town of Idlib", "six"],
    ]);
  });

  it("counts the whole of 'N of the M' as the members in total", () => {
    expect(numbers("Three of the 12 board members abstained from voting.")).toEqual([
      ["Board members that abstained from voting", "three"],
      ["Board members in total", "12"],
    ]);
  });

  it("says a speaker's 'we' clause of what was done", () => {
    expect(numbers('"We seized four tonnes of rice in Dover," said Omar Haddad, a customs officer.')).toEqual([
      ["Tonnes of rice seized in Dover", "four"],
    ]);
  });

  it("drafts no number whose subject has a speaker's 'we' or is a share of a bare noun", () => {
    expect(numbers('"Our tonnes of rice were lost in Dover," said Omar Haddad, a customs officer.')).toEqual([]);
    expect(numbers("Eighty percent of people who are vaccinated never get sick.")).toEqual([]);
  });
});

describe("a generic noun or a missing owner made specific", () => {
  it("names 'the blaze' by the one fire the sentences before name", () => {
    expect(
      numbers("The so-called Ridge Fire had scorched a large area. The blaze spanned more than 300 square miles."),
    ).toEqual([["Square miles the Ridge Fire spanned", "300"]]);
  });

  it("keeps 'the fire' when two fires are named", () => {
    expect(
      numbers("The Ridge Fire was compared to the Oak Fire. The fire spanned more than 300 square miles."),
    ).toEqual([["Square miles the fire spanned", "300"]]);
  });

  it("says whose share of the vote a winner had", () => {
    expect(numbers("Mensah was reelected with nearly 70 percent of the vote in the May 3 election.")).toEqual([
      ["Mensah's share of the vote", "70"],
    ]);
  });
});

describe("national figures say whose", () => {
  it("gives an ownerless figure the one country the headline and opening name", () => {
    const body = [
      "Norway's exports fell for a third month in May, the trade ministry said on Friday.",
      "Annual inflation eased to 6.2 percent in May. Machinery exports dropped 12 percent in May.",
    ].join("\n\n");
    expect(
      draftFacts({ title: "Norway's exports slide", body, publishedOn: "2024-06-01" })
        .filter((d) => d.kind === "number")
        .map((d) => [d.subject, d.answer]),
    ).toEqual([
      ["Norway's annual inflation in May", "6.2"],
      ["The fall in Norway's machinery exports in May", "12"],
    ]);
  });

  it("names the country a sentence opens with for 'the country'", () => {
    const body = "Floods hit Peru and Chile this week.\n\nIn Chile, 40 people are missing in the country's south.";
    expect(numbers(body)).toEqual([["People who are missing in Chile's south", "40"]]);
  });

  it("leaves the figure alone when no one country is named", () => {
    expect(numbers("Trade between Peru and Chile grew.\n\nAnnual inflation eased to 4.1 percent in May.")).toEqual([
      ["Annual inflation in May", "4.1"],
    ]);
  });
});
