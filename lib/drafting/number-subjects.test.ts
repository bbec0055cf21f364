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
    expect(
      facts("Skyway Air reported its results on Monday. The airline now has 2.5 million customers across the region."),
    ).toEqual([["Customers Skyway Air has", "2.5 million customers"]]);
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

describe("more clauses a number's subject is built from", () => {
  it.each([
    [
      "The tribunal gave the council 18 months to finish a new survey.",
      "Time the council was given to finish a new survey",
    ],
    ["The depot, which lies about 40 kilometres south of Kelby, was closed.", "Distance from the depot to Kelby"],
    ["The probe entered an orbit about 400 km above the Moon.", "Height of the orbit above the Moon"],
    [
      "Dunmore Athletic won the league title for the first time in 23 years on Sunday.",
      "Time since Dunmore Athletic last won the league title",
    ],
    [
      "Ministers of nine countries along the river agreed on Friday to share the water.",
      "Countries whose ministers agreed",
    ],
    ["In a ruling backed by three judges, the court struck down the law.", "Judges who backed the ruling"],
    ["The navies will form a joint coastal patrol of 15 boats.", "Boats in the joint coastal patrol"],
    ["The mayor will meet the heads of all five unions that signed the deal on Monday.", "Unions that signed the deal"],
    [
      "Both parties failed to pass the 5 percent threshold needed to enter the assembly.",
      "The threshold needed to enter the assembly",
    ],
    [
      "The town approved a 40 million euro plan to rebuild the harbour.",
      "The value of the plan to rebuild the harbour",
    ],
    [
      "The Harbour Party, a centrist party founded in 2019, came second with 22 seats.",
      "Seats with which the Harbour Party came second",
    ],
    ["The winner gets a trophy and prize money of 50,000 dollars.", "The prize money"],
    [
      "The ministry agreed to extend the country's 2020-2024 rail plan by three years.",
      "The extension of the country's 2020-2024 rail plan",
    ],
    [
      "The board agreed to double the capacity of the Nordby ferry link to 900 passengers.",
      "The new capacity of the Nordby ferry link",
    ],
  ])("%s", (sentence, subject) => {
    expect(numbers(sentence).map((d) => d.subject)).toEqual([subject]);
  });

  it("names the person a time since is counted from, past their age", () => {
    expect(facts("Lena Ruiz, 31, joined the orchestra from a conservatory in Vienna five years ago.")).toContainEqual([
      "Time since Lena Ruiz joined the orchestra",
      "five years",
    ]);
  });

  it("gives a figure 'down from N in' the same subject, then", () => {
    expect(facts("The Labour group won 31 seats, down from 38 in the last election in May 2021.")).toEqual([
      ["Seats the Labour group won", "31 seats"],
      ["Seats the Labour group won in the last election", "38 seats"],
    ]);
  });

  it("takes the clause after 'and the' as the one a count belongs to", () => {
    expect(
      facts("Officials say up to 60 people have died and the health ministry has confirmed 14 deaths."),
    ).toContainEqual(["Deaths confirmed by the health ministry", "14 deaths"]);
  });

  it("keeps a rate in the unit, not the bound", () => {
    const [flour] = numbers("The mill was expected to produce about 5,000 tonnes of flour a year.");
    expect([flour?.subject, flour?.qualifier, flour?.unit]).toEqual([
      "Tonnes of flour the mill was expected to produce",
      "about",
      "tonnes of flour a year",
    ]);
  });

  it("gives 'N of the M X in Y' a total", () => {
    expect(facts("The Greens won 40 of the 120 seats in the council.")).toEqual([
      ["Seats the Greens won in the council", "40 seats"],
      ["Total seats in the council", "120 seats"],
    ]);
  });
});

describe("the counted noun of a phrase with a number inside it", () => {
  it("never counts 'one' after 'of', and leaves 'dozen' out of the subject", () => {
    expect(
      numbers("Four members of one household were hurt by a falling tree in the village of Orne.").map((d) => d.unit),
    ).not.toContain("household");
    expect(numbers("Police arrested more than two dozen fans in the stadium.").map((d) => d.subject)).toEqual([
      "Fans arrested by police in the stadium",
    ]);
  });

  it("does not name a growth without saying of what", () => {
    expect(facts("Sales rose 4 percent, slower than the 6 percent growth recorded in the spring.")).toEqual([
      ["The rise in sales", "4 percent"],
    ]);
  });
});

describe("owners and dates of a figure in a clause about something else", () => {
  it("resolves 'the company' only to an organisation named in an earlier sentence", () => {
    expect(
      facts("The company, which already owned 42 percent of Tarn Metals, offered 9 dollars a share on October 20."),
    ).not.toContainEqual(["The amount Tarn Metals offered", "9 dollars"]);
    expect(
      facts("Harlow Mining said on Monday that it had made a bid. The company offered 9 dollars a share."),
    ).toContainEqual(["The amount Harlow Mining offered", "9 dollars"]);
  });

  it("dates a state that already holds on the day of publication", () => {
    const [stake] = numbers(
      "The company, which already owned 42 percent of Tarn Metals, offered 9 dollars on October 20.",
    );
    expect([stake?.answer, stake?.asOf]).toEqual(["42", "2024-03-08"]);
  });
});

describe("a count after a preposition, with the phrase after its noun", () => {
  it("reads the noun and its phrase, with a 'since' date, as the subject", () => {
    expect(facts("The party cancelled its rallies following two deadly attacks on party offices since March.")).toEqual(
      [["Deadly attacks on party offices since March", "two deadly attacks"]],
    );
  });

  it("drafts nothing from a bare noun, a phrase cut at 'and', or a pronoun's phrase", () => {
    expect(facts("Farmers protested in three provinces.")).toEqual([]);
    expect(facts("Talks resumed after three rounds of talks between the unions and the company.")).toEqual([]);
    expect(facts("The club won the cup with five goals from its captain.")).toEqual([]);
  });
});

describe("a share that opens its clause", () => {
  it("keeps what the clause's verb says of it, with 'who' for people and 'that' for things", () => {
    expect(facts("Eighty percent of residents voted in favour.")).toEqual([
      ["Share of residents who voted in favour", "eighty percent"],
    ]);
    expect(facts("About 40 percent of the town's homes were damaged.")).toEqual([
      ["Share of the town's homes that were damaged", "about 40 percent"],
    ]);
  });

  it("drafts nothing when a relative clause stands inside the share", () => {
    expect(facts("Seventy percent of voters who backed the plan live in cities.")).toEqual([]);
  });
});

describe("a time after an event that opens the sentence", () => {
  it("reads it as the time from the event until what the main clause says happened", () => {
    expect(facts("Twelve minutes after take-off, the plane landed again.")).toEqual([
      ["Minutes from take-off until the plane landed again", "twelve minutes"],
    ]);
    expect(facts("Three days after the storm, power was restored to the town.")).toEqual([
      ["Days from the storm until power was restored to the town", "three days"],
    ]);
  });

  it("drafts no duration from a time relative to an event later in the sentence", () => {
    expect(facts("The plane landed 12 minutes after take-off.")).toEqual([]);
    expect(facts("The talks lasted two hours.")).toEqual([["Time the talks lasted", "two hours"]]);
  });

  it("drafts nothing when the main clause is a pronoun's or would be cut", () => {
    expect(facts("Two hours after the vote, he resigned.")).toEqual([]);
    expect(facts("Two weeks after the fire, the owners of the factory, who live abroad, had not commented.")).toEqual(
      [],
    );
  });
});

describe("a share of the vote", () => {
  it("says whose share when the clause names the winner", () => {
    expect(facts("The Harbour Party won 45 percent of the vote.")).toEqual([
      ["Harbour Party's share of the vote", "45 percent"],
    ]);
  });
});

describe("a figure that modifies a noun", () => {
  it("asks about the noun, said of by the clause that took it", () => {
    const facts = draftFacts({
      title: "Test",
      body: "Ferry workers in Arlo won a 4 percent pay rise after a three-day strike.",
      publishedOn: "2026-03-02",
    }).filter((d) => d.kind === "number");
    expect(facts.map((d) => [d.subject, d.answer])).toContainEqual(["The pay rise ferry workers in Arlo won", "4"]);
  });
});

describe("verbs of change", () => {
  it("reads widened, soared and plunged as a level or a change, with its period", () => {
    const subjects = (body: string) =>
      draftFacts({ title: "Test", body, publishedOn: "2026-03-02" })
        .filter((d) => d.kind === "number")
        .map((d) => d.subject);
    expect(subjects("Vesi's budget deficit widened to 4.5 percent.")).toEqual(["Vesi's budget deficit"]);
    expect(subjects("Vesi's exports soared 14 percent in May.")).toEqual(["The rise in Vesi's exports in May"]);
    expect(subjects("Car sales in Vesi plunged 8.5 percent.")).toEqual(["The fall in car sales in Vesi"]);
  });
});

describe("money a name reported", () => {
  it("says whose loss or profit, and leaves a currency's code out of the subject", () => {
    const subjects = (body: string) =>
      draftFacts({ title: "Test", body, publishedOn: "2026-03-02" })
        .filter((d) => d.kind === "number")
        .map((d) => d.subject);
    expect(subjects("Kestrel Bank reported a net loss of $120 million for the quarter.")).toEqual([
      "Kestrel Bank's net loss",
    ]);
    expect(subjects("The court ordered Arlo Brandt to pay a fine of USD 5 million.").join(" ")).not.toMatch(/USD|US$/);
    expect(subjects("Kestrel Bank reported net income of $3.2 billion for the quarter.")).toEqual([
      "Kestrel Bank's net income",
    ]);
    // "The company" is the one the sentence before names.
    expect(
      subjects("Kestrel Bank opened two branches on Friday. The company reported net revenue of $660 million."),
    ).toContain("Kestrel Bank's net revenue");
  });
});

describe("counts in lists, ages, goods and shares", () => {
  it("gives each name of a list of counts the frame of the first ('Arlo, 18,173 cases')", () => {
    expect(facts("The agency said Tarn reported 26,458 cases; Arlo, 18,173 cases; and Melo, 11,708 cases.")).toEqual([
      ["Cases reported in Tarn", "26,458 cases"],
      ["Cases reported in Arlo", "18,173 cases"],
      ["Cases reported in Melo", "11,708 cases"],
    ]);
    expect(facts("The Harbour Party won 44 seats, the Greens 21 and Labour 9.")).toEqual([
      ["Seats the Harbour Party won", "44 seats"],
      ["Seats the Greens won", "21 seats"],
      ["Seats Labour won", "9 seats"],
    ]);
    // A label stays a label outside such a list, and a model's number before a singular noun counts nothing.
    expect(facts("Crews were sent to Pad 39 and Gate 12.")).toEqual([]);
    expect(facts("The Vega 970 chip will be used in new phones.")).toEqual([]);
  });

  it("reads an age written 'N-year old' and the age of a named thing", () => {
    expect(facts("Tomas Berg, a 27-year old striker, scored twice.")).toEqual([["Age of Tomas Berg", "27 years"]]);
    expect(facts("The council voted to replace the over 40-year old Harbour Pool with a new centre.")).toEqual([
      ["Age of the Harbour Pool", "over 40 years"],
    ]);
    // "a 30-year-old Arlo man": the name describes the man, it is not what is 30.
    expect(facts("A 30-year-old Arlo man was arrested.")).toEqual([]);
  });

  it("reads '$N worth of goods' as their value and a currency's code written onto the amount", () => {
    expect(facts("Customs officers seized $300 million worth of counterfeit watches at the port.")).toEqual([
      ["The value of the counterfeit watches", "300 million US dollars"],
    ]);
    expect(facts("Vesi will provide a grant of CNY700 million to Tarn.")).toEqual([["The grant", "700 million yuan"]]);
  });

  it("counts the people an -ing verb did something to, with its complement", () => {
    expect(facts("A district court upheld a ruling acquitting 12 farmers of trespass.")).toEqual([
      ["Farmers acquitted of trespass", "12 farmers"],
    ]);
    expect(facts("Police announced a breakthrough, arresting five suspects in the investigation.")).toEqual([
      ["Suspects arrested in the investigation", "five suspects"],
    ]);
  });

  it("gives a candidate's standing in the count its share of the vote", () => {
    expect(
      facts(
        "Early results put Senator Ana Lopes in the lead with 41.2 percent and former minister Paul Tan in second place with 30.5 percent.",
      ),
    ).toEqual([
      ["Ana Lopes's share of the vote", "41.2 percent"],
      ["Paul Tan's share of the vote", "30.5 percent"],
    ]);
    expect(facts("Ana Lopes was in the lead with 41 percent of the vote.")).toEqual([
      ["Ana Lopes's share of the vote", "41 percent"],
    ]);
  });
});
