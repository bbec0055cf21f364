// Every number of a sentence, its unit resolved from the sentence, its bound kept. Every
// sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts, type DraftFact } from "./draft";

const numbers = (body: string): DraftFact[] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" }).filter((d) => d.kind === "number");
const values = (body: string): string[][] => numbers(body).map((d) => [d.answer, d.unit ?? "", d.qualifier ?? ""]);

describe("numbers", () => {
  it("reads a number word that opens the sentence", () => {
    expect(values("Seven pupils were hurt in the storm.")).toEqual([["seven", "pupils", ""]]);
  });

  it("reads per cent written in two words", () => {
    expect(values("The bank lifted its main rate to 4.25 per cent.")).toEqual([["4.25", "per cent", ""]]);
  });

  it("takes every number of a list, with the unit of the first", () => {
    expect(values("The count gave 77 seats for the Greens, 58 for the Liberals and 16 for the Pirates.")).toEqual([
      ["77", "seats", ""],
      ["58", "seats", ""],
      ["16", "seats", ""],
    ]);
  });

  it("reads both numbers of 'N of the M'", () => {
    expect(values("The Greens had won 40 of the 120 seats in the council.")).toEqual([
      ["40", "seats", ""],
      ["120", "seats", ""],
    ]);
  });

  it("resolves 'of them' to what the sentence counted before", () => {
    expect(values("The club listed nearly 400 members, but only 10 of them had paid.")).toEqual([
      ["400", "members", "nearly"],
      ["10", "members", ""],
    ]);
  });

  it("keeps bounds", () => {
    expect(values("The meeting took less than two hours.")).toEqual([["two", "hours", "less than"]]);
    expect(values("Winds reached up to 140 kilometres an hour.")).toEqual([["140", "kilometres an hour", "up to"]]);
  });

  it("takes the subject from the sentence when no noun follows the number", () => {
    const [toll] = numbers("The death toll from the floods rose to at least 95 on Sunday.");
    expect([toll?.answer, toll?.qualifier]).toEqual(["95", "at least"]);
    expect(toll?.subject).toMatch(/^the death toll from the floods$/i);
    const [turnout] = numbers("Turnout in the vote was a relatively low 48.5 percent.");
    expect(turnout?.subject).toMatch(/^turnout in the vote$/i);
  });

  it("counts people when the number is followed by what happened to them", () => {
    expect(values("At least 12 have been killed and more than 30 are missing after the storm.")).toEqual([
      ["12", "people", "at least"],
      ["30", "people", "more than"],
    ]);
  });

  it("keeps a number whose clause is plain even when another clause hedges", () => {
    expect(values("Prices rose 3 percent in May, though the bank says they may fall soon.")).toEqual([
      ["3", "percent", ""],
    ]);
    expect(values("There appears to be no cure for the club, which has now lost five games.")).toEqual([]);
  });
});

describe("reported speech", () => {
  it("drafts a number inside quotation marks with who said it", () => {
    const [fact] = numbers('"We counted 212 ballots by midnight," election officer Mara Diaz said.');
    expect([fact?.answer, fact?.unit, fact?.claimedBy]).toEqual(["212", "ballots", "Mara Diaz"]);
  });

  it("reads the numbers of what a speaker said without quotation marks, with who said it", () => {
    const drafts = numbers(
      "Given its size, the Vesi health agency said Chile had 41,200 cases in 2024.\n\nHealth officials said on Monday that 312 beds had been added.",
    );
    expect(drafts.map((d) => [d.subject, d.answer, d.claimedBy])).toEqual([
      ["Cases Chile had", "41,200", "the Vesi health agency"],
      ["Beds that had been added", "312", "Health officials"],
    ]);
    // "reported" frames a claim only with its "that"; a claim about "its" needs its speaker.
    expect(numbers("Kestrel Bank reported a net loss of $120 million.")[0]?.claimedBy).toBeUndefined();
  });

  it("reads a paragraph whose opening quotation mark is never closed", () => {
    const drafts = numbers("“The crews saved 40 homes on Monday.\n\nThe crews saved 25 barns on Tuesday.");
    expect(drafts.map((d) => d.answer)).toEqual(["40", "25"]);
  });
});

describe("numbers that say nothing alone", () => {
  it("reads no count in a vote's score or under a bare unit", () => {
    expect(values("The vote for approval was 7 to 3.")).toEqual([]);
    expect(values('"There were two storms that were very destructive," Mr Hale said.')).toEqual([]);
  });
});

describe("numbers on a scale", () => {
  it("reads a magnitude or a category as that measure of the thing after it, with the clause that tells which", () => {
    expect(
      numbers(
        "A magnitude 6.1 quake struck the Tarvo coast on Monday.\n\nThe category four cyclone flattened crops.",
      ).map((d) => [d.subject, d.relation, d.answer]),
    ).toEqual([
      ["The quake that struck the Tarvo coast", "magnitude", "6.1"],
      ["The cyclone that flattened crops", "category", "four"],
    ]);
  });
});

describe("what a number counts", () => {
  it("reads an adverb and its participle as describing the noun counted", () => {
    expect(values("Some 400 specially invited guests watched the final in Vell.")).toEqual([
      ["400", "specially invited guests", "some"],
    ]);
  });
});

describe("numbers joined by hyphens", () => {
  it("reads a scale after a hyphen and a compound number word as one number", () => {
    expect(values("The new rink will cost 25-million dollars.")).toEqual([["25", "million dollars", ""]]);
    expect(values("Forty-two people were killed in the storm.")).toEqual([["forty-two", "people", ""]]);
  });
});

describe("numbers that are not counts", () => {
  it("skips labels and bracketed conversions", () => {
    expect(
      values(
        "It is the region's No. 2 port. He was charged under Section 4 Public Order Act. Sales rose to 3.1 trillion yen ($21 billion).",
      ),
    ).toEqual([["3.1", "trillion yen", ""]]);
  });

  it("gives the figure a change started from the subject of the figure it reached", () => {
    const drafts = numbers("Food prices eased to 8.5 percent in May from 9.25 percent in April.");
    expect(drafts.map((d) => [d.answer, d.subject])).toEqual([
      ["8.5", "Food prices in May"],
      ["9.25", "Food prices in April"],
    ]);
    expect(numbers("Rents rose to 7 percent from 5 percent.").map((d) => [d.answer, d.subject])).toEqual([
      ["7", "Rents"],
      ["5", "Rents before the change"],
    ]);
  });
});

describe("subjects that stand on their own", () => {
  it("says what the counted did when the number opens the clause", () => {
    const [fact] = numbers("Nine people have drowned in the Ruvu river since Monday.");
    expect(fact?.subject).toBe("People who have drowned in the Ruvu river");
  });

  it("reads 'the number of X was N' as N X", () => {
    const [fact] = numbers("The agency said the number of confirmed cases of the fever was 412 by noon.");
    expect([fact?.subject, fact?.answer]).toEqual(["Confirmed cases of the fever", "412"]);
  });

  it("counts 'one' before its noun, not in 'one of'", () => {
    expect(values("The survey found 70 cases with one death in Lima.").map(([v]) => v)).toEqual(["70", "one"]);
    expect(values("One of the boats sank.")).toEqual([]);
  });
});

describe("bounds and interim figures", () => {
  it("reads a tilde as about and keeps just above", () => {
    expect(values("Officials listed ~250 missing pupils.")).toEqual([["250", "missing pupils", "about"]]);
    expect(values("The Harbour Party won just above 38 percent.")).toEqual([["38", "percent", "just above"]]);
  });

  it("marks a count under way as interim when the article later gives the final one", () => {
    const drafts = numbers(
      "With 60 percent of ballots counted, the Greens had 40 seats in the chamber.\n\nThe final count gave the Greens 44 seats in the chamber.",
    );
    expect(
      drafts.filter((d) => d.unit === "seats").map((d) => [d.answer, /^interim count of/i.test(d.subject)]),
    ).toEqual([
      ["40", true],
      ["44", false],
    ]);
  });

  it("leaves a count under way alone when no final one follows", () => {
    const [fact] = numbers("With 60 percent of ballots counted, the Greens had 40 seats.").filter(
      (d) => d.unit === "seats",
    );
    expect(fact?.subject).not.toMatch(/interim/i);
  });
});

describe("percentages", () => {
  it("gives a share of something that subject, and drops a leading conjunction", () => {
    expect(numbers("The mayor won 61.5 percent of the vote in the runoff.").map((d) => d.subject)).toEqual([
      "Share of the vote in the runoff",
    ]);
    expect(numbers("But rent inflation rose to 7.5 per cent.").map((d) => d.subject)).toEqual(["Rent inflation"]);
  });
});

describe("lists in a number's subject", () => {
  it("does not cut a list of places down to its first one", () => {
    const [fact] = numbers("Nine people have died of fever in Arusha, Moshi and Tanga regions.");
    expect(fact?.subject).toBe("People who have died of fever");
  });
});

// Subjects that stand on their own: a noun phrase built from the clause, never "Per cent (…)".
describe("number subjects built from the clause", () => {
  const subjects = (body: string): string[][] => numbers(body).map((d) => [d.answer, d.subject]);

  it("names the new level of what a verb moved 'to' a figure, past a clause in commas", () => {
    expect(
      subjects(
        "The lender said it was cutting the deposit rate, which it pays on savings, to 3.5 per cent, and lowering the overnight rate to 4.75 per cent.",
      ),
    ).toEqual([
      ["3.5", "The new deposit rate"],
      ["4.75", "The new overnight rate"],
    ]);
  });

  it("names the change a verb made 'by' a figure", () => {
    expect(subjects("The water board raised its household charges by 40 basis points on Monday.")).toEqual([
      ["40", "The rise in household charges"],
    ]);
  });

  it("finds the noun phrase a figure moved from, past 'N percent from a year earlier'", () => {
    expect(subjects("Imports fell 12.4 percent from a year earlier to 3.2 trillion won.")).toEqual([
      ["12.4", "The fall in imports"],
      ["3.2", "Imports"],
    ]);
  });

  it("reads 'the number of X was N' after a time that opens the clause", () => {
    expect(
      subjects(
        "The agency said on Monday that as of 0900 GMT the number of registered voters in the district was 5,210.",
      ),
    ).toEqual([["5,210", "Registered voters in the district"]]);
  });

  it("gives a share a party won its share of the vote", () => {
    expect(subjects("With most ballots counted, the Harbour League, or HL, has won just over 38 percent.")).toEqual([
      ["38", "HL's share of the vote"],
    ]);
    expect(subjects("Early counts show the Harbour Party won 41 per cent.")).toEqual([
      ["41", "Harbour Party's share of the vote"],
    ]);
  });

  it("names the quantity 'a N of' gives, with what it belongs to", () => {
    expect(subjects("Officers took a tractor with an estimated value of 20,000 euros.")).toEqual([
      ["20,000", "The estimated value of the tractor"],
    ]);
    expect(subjects("The clinic saw 40 cases, with a death rate of 2.5 per cent.")[1]).toEqual([
      "2.5",
      "The death rate",
    ]);
  });
});

describe("a scale word after 'a'", () => {
  it("reads 'a million' as one million, with its bound", () => {
    expect(values("More than a million fans lined the streets of the capital on Sunday.")).toEqual([
      ["1", "million fans", "more than"],
    ]);
  });

  it("does not read 'a' before a word that is no scale", () => {
    expect(values("A few fans lined the streets.")).toEqual([]);
  });
});

describe("measures and amounts that read cleanly", () => {
  const fact = (body: string) => numbers(body).map((d) => [d.subject, d.answer, d.unit ?? ""]);

  it("names what a hyphenated measure measures, not its unit", () => {
    expect(fact("The 52.3-metre tower opened to visitors on Friday.")).toEqual([
      ["Height of the tower", "52.3", "metres"],
    ]);
    expect(fact("A 12-tonne lorry overturned near the bridge.")).toEqual([["Weight of the lorry", "12", "tonnes"]]);
    expect(fact("The judge handed him a four-year prison sentence.")).toEqual([
      ["Length of the prison sentence", "four", "years"],
    ]);
  });

  it("reads a hyphen before a word that is no noun as the plain measure", () => {
    const [spend] = numbers("The crew will spend nine-months aboard the station.");
    expect([spend?.answer, spend?.unit]).toEqual(["nine", "months"]);
    expect(spend?.subject).not.toMatch(/of the aboard/i);
  });

  it("drafts no number from 'one-time', 'one-party' or a currency before a hyphen", () => {
    expect(fact("The one-time champion lost in the first round.")).toEqual([]);
    expect(fact("The country ended one-party rule in 1990.")).toEqual([]);
    expect(fact("The pound fell to 140-yen levels last week.")).toEqual([]);
    expect(fact("The rules vary from one school to another.")).toEqual([]);
  });

  it("gives an amount its currency alone, and what is 'worth' it its value", () => {
    expect(fact("Police arrested one man and seized drugs worth €90,000 in Leeds on Friday.")).toEqual([
      ["Men arrested by police", "one", "man"],
      ["Value of the drugs", "90,000", "euros"],
    ]);
  });

  it("names the people a verb acted on, with who acted", () => {
    expect(fact("Shelling in the village of Kuro killed 21 people.")).toEqual([
      ["People killed by shelling in the village of Kuro", "21", "people"],
    ]);
    expect(fact("Officers detained four women after the match.")).toEqual([
      ["Women detained by officers", "four", "women"],
    ]);
  });

  it("reads a speed with its 'an hour', and skips a measure's conversion in brackets", () => {
    expect(fact("The storm, packing winds of up to 150 kilometres (93 miles) an hour, reached the coast.")).toEqual([
      ["Speed of the winds", "150", "kilometres an hour"],
    ]);
    expect(fact("The fire has burned 40 square miles (104 square kilometres) of forest.").map((f) => f[1])).toEqual([
      "40",
    ]);
  });

  it("reads 'X, a town of N people' as X's population", () => {
    const [town] = numbers("The river rose towards Marlow, a town of about 18,000 people, on Sunday.");
    expect([town?.subject, town?.answer, town?.qualifier]).toEqual(["Population of Marlow", "18,000", "about"]);
  });

  it("reads a worry's own 'might' as what was feared, not a hedge on the figure", () => {
    expect(
      values("The town of Brisk told 2,000 residents to leave because of fears that the dam might burst."),
    ).toEqual([["2,000", "residents", ""]]);
    expect(values("Officials said the dam might flood 2,000 homes.")).toEqual([]);
  });
});

describe("a number's subject built from its clause, in place of 'Unit (clause …)'", () => {
  const subjects = (body: string): string[] => numbers(body).map((d) => d.subject);
  it.each([
    ["Sales to the Gulf states expanded 8 percent in May.", "The rise in sales to the Gulf states in May"],
    ["Demand for copper wire shot up more than 30 percent.", "The rise in demand for copper wire"],
    ["Imports of rice slipped 4 percent last month.", "The fall in imports of rice"],
    ["Port Alder has so far recorded 21 cases of fever.", "Cases of fever recorded in Port Alder"],
    ["The smoke covered 300 square miles by noon.", "Square miles the smoke covered"],
    ["The new timetable affects about 9,000 commuters.", "Commuters the new timetable affects"],
  ])("%s", (body, subject) => {
    expect(subjects(body)).toContain(subject);
  });

  it("reads 'those' in a second clause as the first clause's noun", () => {
    expect(subjects("Sales to the U.S. rose 5 percent, while those to the U.K. were up 7 percent.")).toContain(
      "The rise in sales to the U.K.",
    );
  });
});

describe("what a clause's verb does with a figure", () => {
  it("keeps what follows the unit", () => {
    expect(numbers("The crew will spend four months aboard the station.").map((d) => d.subject)).toContain(
      "Time the crew will spend aboard the station",
    );
  });
});

describe("counts in a list of places and counts 'there'", () => {
  it("reads 'countries with X are A (1), B (12) and C (7)' as X in each place", () => {
    const drafts = numbers(
      "Other countries with confirmed cases are Peru (4), Chile (12), New Caledonia (2) and Brazil (7).",
    );
    expect(drafts.map((d) => [d.subject, d.answer])).toEqual(
      expect.arrayContaining([
        ["Confirmed cases in Peru", "4"],
        ["Confirmed cases in Chile", "12"],
        ["Confirmed cases in New Caledonia", "2"],
        ["Confirmed cases in Brazil", "7"],
      ]),
    );
  });

  it("reads 'there' as the place the sentence or the one before names", () => {
    expect(numbers("For its part, Peru says up to 40 people have died there.").map((d) => d.subject)).toContain(
      "People who have died in Peru",
    );
  });
});

describe("a count with where it was counted", () => {
  it("names each count of a list by the place after it", () => {
    const subjects = numbers(
      "The agency's figures include 40 confirmed cases with two deaths in Peru and 75 confirmed cases with six deaths in Chile.",
    ).map((d) => [d.subject, d.answer]);
    expect(subjects).toEqual(
      expect.arrayContaining([
        ["Confirmed cases in Peru", "40"],
        ["Deaths in Peru", "two"],
        ["Confirmed cases in Chile", "75"],
        ["Deaths in Chile", "six"],
      ]),
    );
  });
});
