// A place's subject stands on its own or the place is not drafted. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts } from "./draft";
import { standsAlone } from "./place-subjects";

const places = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d) => d.kind === "place")
    .map((d) => [d.subject, d.relation, d.answer]);

describe("standsAlone", () => {
  it.each([
    ["He also said they did not expect it to reach", false],
    ["Of selling forged permits", false],
    ["Said two people had died in Arlo and one each", false],
    ["The mayor … Harbour Board", false],
    ["At least 12 people have been killed", true],
    ["Ferries were cancelled", true],
  ])("%s -> %s", (subject, expected) => {
    expect(standsAlone(subject)).toBe(expected);
  });
});

describe("repaired place subjects", () => {
  it("takes the noun of a 'with' absolute and what it is doing", () => {
    expect(
      places("Counting has ended across the province with the Greens doing better than forecast in Tarn."),
    ).toEqual([["The Greens doing better than forecast", "in", "Tarn"]]);
    expect(
      places(
        "At least 30 people have died in the storms, with several villages in the provinces of Vasco and Lema cut off by mud.",
      ),
    ).toContainEqual(["Several villages cut off by mud", "in", "Vasco and Lema"]);
  });

  it("takes the noun phrase of what is at the place when the clause does not stand alone", () => {
    expect(
      places('"We expect more rain as we have just had reports of flooding in Lerida province," she said.'),
    ).toEqual([]);
    expect(
      places(
        '"Rain will go on as we have just had reports of flooding in Lerida province," said Ana Ruiz, a spokeswoman.',
      ),
    ).toContainEqual(["Reports of flooding", "in", "Lerida province"]);
  });

  it("takes the noun phrase a relative clause describes, with its verb", () => {
    expect(places("The blaze has been likened to the 2009 Ridge Fire that swept through Alder Creek.")).toEqual([
      ["The 2009 Ridge Fire", "swept through", "Alder Creek"],
    ]);
  });

  it("takes the whole clause when the words around the place were cut from it", () => {
    expect(
      places("Morel was accused of promising a friend a lucrative post in Andorra in return for favours."),
    ).toContainEqual(["Morel", "was accused of promising a friend a lucrative post in", "Andorra"]);
  });

  it("follows a venue to the town it is in", () => {
    expect(places("The union held an emergency meeting at St. Anne Grammar School in Corby.")).toContainEqual([
      "The emergency meeting",
      "in",
      "Corby",
    ]);
  });

  it("keeps the clause after an ellipsis only when it opens with a name", () => {
    expect(
      places('"We will not give up," Minister Rhea Kapp told reporters after the vote in Valletta.'),
    ).toContainEqual([
      expect.stringMatching(/^Minister Rhea Kapp told reporters after the vote|^Rhea Kapp/),
      "in",
      "Valletta",
    ]);
  });

  it("repairs a clause kept from the middle of a phrase with the noun phrase of what is there", () => {
    expect(
      places(
        "Critics cited the council's refusal to improve public safety and its failure to close the U.S. military bases in Vicenza.",
      ),
    ).toContainEqual(["The U.S. military bases", "in", "Vicenza"]);
    expect(
      places(
        "The deal was backed by Prime Minister Ana Lopes and her Chilean counterpart Rui Neves during their meeting at the APEC summit in Lima last month.",
      ),
    ).toContainEqual(["The APEC summit", "in", "Lima"]);
  });

  it("leaves the copula to the place", () => {
    expect(places("The latest cluster of cases to be confirmed is in Arizona.")).toEqual([
      ["The latest cluster of cases to be confirmed", "in", "Arizona"],
    ]);
  });

  it("says a pronoun's clause of its object", () => {
    expect(places("“We seized four tonnes of rice in Dover,” said Omar Haddad, a customs officer.")).toEqual([
      ["Four tonnes of rice seized", "in", "Dover"],
    ]);
  });

  it("drafts no place from a clause that starts with a pronoun or a headline in title case", () => {
    expect(places("He said they do not expect it to spread into Marlow, a town of 9,000 people.")).toEqual([]);
    expect(places("Flood Defences Hold Firm In Yorkshire")).toEqual([]);
  });
});

describe("what is joined to a place", () => {
  it("leaves out what 'and' joins to the place, a noun phrase or a clause", () => {
    expect(
      places(
        "The virus has sickened 40 people in Norland and three other provinces. Rain fell in Norland and police closed roads.",
      ),
    ).toEqual([
      ["The virus", "sickened 40 people in", "Norland"],
      ["Rain", "fell in", "Norland"],
    ]);
  });

  it("keeps two places joined by 'and' as the answer", () => {
    expect(places("Storms hit homes in Norland and Dunmore.")).toEqual([
      ["Storms hit homes", "in", "Norland and Dunmore"],
    ]);
  });
});

describe("places of two counts in one sentence", () => {
  it("ends an opening place's clause before a second count cut short", () => {
    expect(
      places(
        "In Norland, at least 40 have been killed and more than 90 are missing in the northern areas after the floods.",
      ),
    ).toEqual([["40 people killed", "in", "Norland"]]);
  });

  it("drafts no place for an elided second count ('and one in Arlo')", () => {
    expect(places("Two people died in Vesi and one in Arlo.")).toEqual([["Two people died", "in", "Vesi"]]);
  });
});

describe("places inside someone's words", () => {
  it("drafts no place for a clause reported after 'said' or 'quoted as saying', nor for a speaker's aside", () => {
    expect(
      places(
        'Mr Okafor said boats that were swept into the Ume River had sunk.\n\nLin was quoted as saying after the talks in Chile that ties were good.\n\n"In terms of damage, certainly in Tarvo, it\'s definitely major," Mr Okafor said.',
      ),
    ).toEqual([]);
  });

  it("keeps a place where the telling happened", () => {
    expect(places("Minister Rhea Kapp told reporters after the vote in Valletta that she would stay.")).toContainEqual([
      expect.stringMatching(/^Minister Rhea Kapp told reporters after the vote|^Rhea Kapp/),
      "in",
      "Valletta",
    ]);
  });
});

describe("long place names and cut clauses", () => {
  it("keeps 'of the' inside a country's name and drops an opener the clause was cut at", () => {
    expect(
      places(
        "Aid reached a camp in the eastern Democratic Republic of the Congo.\n\nResidents and visitors awoke to heavy damage across Norland's capital Tarvo on Saturday after the cyclone ripped through the area.",
      ),
    ).toEqual([
      ["The camp", "in", "eastern Democratic Republic of the Congo"],
      ["Capital of Norland", "is", "Tarvo"],
      ["Residents and visitors awoke to heavy damage on Saturday", "across", "Tarvo"],
    ]);
  });
});

describe("places something befell", () => {
  it("reads the place a quake struck and the one it rattled, and the places a storm battered", () => {
    expect(
      places(
        "Dozens were hurt after a magnitude 6.1 quake struck Norland's Vell island and rattled neighbouring Tarvo.\n\nThe storm battered Fiji and Tonga.",
      ),
    ).toEqual([
      ["A magnitude 6.1 quake", "struck", "Vell island"],
      ["A magnitude 6.1 quake", "rattled", "Tarvo"],
      ["The storm", "battered", "Fiji and Tonga"],
    ]);
  });

  it("reads no place where what was hit is no place", () => {
    expect(places("The news hit Wall Street hard.\n\nThe firm hit record profits.")).toEqual([]);
  });
});

describe("visits", () => {
  it("reads whose visit it was as who visited the place, and none for a visit still ahead", () => {
    expect(
      places(
        "Foreign Minister Ana Lind has begun her official visit to Mongolia.\n\nAna Lind will make a visit to Chile next week.",
      ),
    ).toEqual([["Ana Lind", "visited", "Mongolia"]]);
  });
});
