import { describe, expect, it } from "vitest";

import { FactSchema } from "@/lib/content/schemas";

import { checkDraft, draftFacts, toFactInput, toFactsYaml, type DraftFact, type DraftKind } from "./draft";

const draft = (body: string, publishedOn = "2025-05-16") => draftFacts({ title: "Test", body, publishedOn });
const ofKind = (drafts: DraftFact[], kind: DraftKind) => drafts.filter((d) => d.kind === kind);
const pairs = (drafts: DraftFact[], kind: DraftKind) => ofKind(drafts, kind).map((d) => [d.subject, d.answer]);

describe("person-role", () => {
  it("reads a title before a name", () => {
    const drafts = draft(
      "The Ukrainian team was led by Defense Minister Rustem Umerov. Kremlin aide Vladimir Medinsky arrived late.",
    );
    expect(pairs(drafts, "person-role")).toEqual(
      expect.arrayContaining([
        ["Rustem Umerov", "Defense Minister"],
        ["Vladimir Medinsky", "Kremlin aide"],
      ]),
    );
  });

  it("keeps nationality and lower-case parts of the title", () => {
    const drafts = draft(
      "Turkish President Recep Tayyip Erdogan spoke. Ukrainian national security advisor Andriy Yermak listened.",
    );
    expect(pairs(drafts, "person-role")).toEqual([
      ["Recep Tayyip Erdogan", "Turkish President"],
      ["Andriy Yermak", "Ukrainian national security advisor"],
    ]);
  });

  it("reads appositives with and without an article", () => {
    const drafts = draft(
      "The meeting matters, Cui Heng, a scholar from the Shanghai-based China National Institute, told reporters. Sergei Lavrov, Russia's foreign minister, disagreed.",
    );
    expect(pairs(drafts, "person-role")).toEqual(
      expect.arrayContaining([
        ["Cui Heng", "scholar"],
        ["Sergei Lavrov", "Russia's foreign minister"],
      ]),
    );
  });

  it("does not take a place or an institution for a person", () => {
    const drafts = draft(
      "Berzina spoke at Riga Castle, the official residence of the president. The Baltic Policy Centre, a think tank, agreed.",
    );
    expect(ofKind(drafts, "person-role")).toEqual([]);
  });

  it("keeps two people with the same surname or first name apart", () => {
    const drafts = draft(
      "Captain Ben Harris scored first. Striker Leon Harris scored twice. US President Donald Trump called Polish Prime Minister Donald Tusk.",
    );
    expect(pairs(drafts, "person-role")).toEqual([
      ["Ben Harris", "Captain"],
      ["Leon Harris", "Striker"],
      ["Donald Trump", "US President"],
      ["Donald Tusk", "Polish Prime Minister"],
    ]);
  });
});

describe("relation", () => {
  it("reads led/headed/chaired by, resolving a surname to the full name", () => {
    const drafts = draft(
      "Kremlin aide Vladimir Medinsky arrived on Thursday. The Russian delegation was headed by Medinsky. The summit, chaired by Latvian Prime Minister Ilze Berzina, ended early.",
    );
    expect(ofKind(drafts, "relation").map((d) => [d.subject, d.relation, d.answer])).toEqual([
      ["The Russian delegation", "headed by", "Vladimir Medinsky"],
      ["The summit", "chaired by", "Ilze Berzina"],
    ]);
  });

  it("reads the active form", () => {
    const drafts = draft(
      "Turkey's Foreign Minister Hakan Fidan chaired the meeting. Sweden's Prime Minister Erik Lund, who led the talks on financing, left.",
    );
    expect(pairs(drafts, "relation")).toEqual([
      ["The meeting", "Hakan Fidan"],
      ["The talks on financing", "Erik Lund"],
    ]);
  });

  it("reads any deed done by a person, passive or active, and who was sent or represented", () => {
    const drafts = draft(
      "The new budget was presented on Monday by Minister of Finance and Trade Lea Horvat. Former ally Norway, which trades widely with the region, was represented by Trade Minister Ola Berg and his deputy Kari Nilsen. Italy's Prime Minister Marco Rossi has declared victory for his ruling party after the count. Earlier, champion Tina Vogel had clinched her third national title.",
    );
    expect(ofKind(drafts, "relation").map((d) => [d.subject, d.relation, d.answer])).toEqual([
      ["The new budget", "presented by", "Lea Horvat"],
      ["Former ally Norway", "represented by", "Ola Berg and Kari Nilsen"],
      ["Victory for the ruling party", "declared by", "Marco Rossi"],
      ["The third national title", "clinched by", "Tina Vogel"],
    ]);
  });

  it("makes no relation of what a person said, or of a deed by someone unnamed", () => {
    const drafts = draft(
      "Trade Minister Ola Berg said the deal was fair. Ola Berg told reporters it would last. The plan was announced by officials. Homes were threatened by the Ridge Fire.",
    );
    expect(ofKind(drafts, "relation")).toEqual([]);
  });

  it("does not make a relation when no person leads", () => {
    const drafts = draft("The rally was led by thousands of students. Prices led the market higher.");
    expect(ofKind(drafts, "relation")).toEqual([]);
  });
});

describe("number", () => {
  it("reads the number, what it counts and its qualifier", () => {
    const drafts = draft(
      "The two sides agreed to exchange 1,000 prisoners of war each. Kiev lost over 1,400 troops in all areas.",
    );
    const numbers = ofKind(drafts, "number").map((d) => [d.answer, d.unit, d.qualifier]);
    expect(numbers).toEqual([
      ["1,000", "prisoners of war", "each"],
      ["1,400", "troops", "over"],
    ]);
  });

  it("reads hyphenated units, money and capitalised nouns", () => {
    const drafts = draft(
      "They called for a 30-day end to hostilities. The fund holds $300 billion. The alliance now has 47 European countries. The talks lasted well under two hours.",
    );
    expect(ofKind(drafts, "number").map((d) => [d.answer, d.unit, d.qualifier])).toEqual([
      ["30", "days", undefined],
      ["300", "billion US dollars", undefined],
      ["47", "European countries", undefined],
      ["two", "hours", "well under"],
    ]);
  });

  it("leaves out years, scores, ranges, ordinals, times and numbers in quotes", () => {
    const drafts = draft(
      'Rovers won 3-1 in 2025 after a goal in the 104th minute at 7 pm. The plan covers 2021-2025. "We saw 500 people," he said. The two sides met.',
    );
    expect(ofKind(drafts, "number")).toEqual([]);
  });

  it("does not draft numbers from opinion", () => {
    const drafts = draft(
      "A coalition could have 48 seats, said an analyst. Costs are likely to reach 9 billion euros.",
    );
    expect(ofKind(drafts, "number")).toEqual([]);
  });
});

describe("place", () => {
  it("reads in/at, X's capital Y and X-based", () => {
    const drafts = draft(
      "Officials held talks in Istanbul on Friday. Leaders gathered in Albania's capital Tirana for a summit. Shares in the Oslo-based cable maker Nordkabel rose.",
    );
    expect(pairs(drafts, "place")).toEqual(
      expect.arrayContaining([
        [expect.stringContaining("talks"), "Istanbul"],
        ["Capital of Albania", "Tirana"],
        ["Cable maker Nordkabel", "Oslo"],
      ]),
    );
  });

  it("reads between A and B for things, not for parties to talks", () => {
    const drafts = draft(
      "An anchor damaged a gas pipeline between Finland and Estonia. The talks between Moscow and Kiev stalled.",
    );
    expect(pairs(drafts, "place")).toEqual([
      ["A gas pipeline", "Finland"],
      ["A gas pipeline", "Estonia"],
    ]);
  });

  it("does not take months, people or organisations for places", () => {
    const drafts = draft(
      "The deal was signed in March. He spoke in the National Assembly. The party was led by Marta Kovac.",
    );
    expect(ofKind(drafts, "place")).toEqual([]);
  });
});

describe("organisation", () => {
  it("reads outlets after according to, reported and told", () => {
    const drafts = draft(
      "The delegations sat around a horseshoe table, according to Tass. The Sputnik reported that the delegation is satisfied. The talks ended early, Xinhua reported. The meeting was useful, Cui Heng, a scholar, told the Global Times.",
    );
    expect(ofKind(drafts, "organisation").map((d) => [d.relation, d.answer])).toEqual([
      ["reported by", "Tass"],
      ["reported by", "Sputnik"],
      ["reported by", "Xinhua"],
      ["given to", "Global Times"],
    ]);
  });

  it("reads institutes and ministries", () => {
    const drafts = draft(
      "Naomi Park, a law professor at McGill University, spoke. Russia's Defense Ministry reported that troops had advanced.",
    );
    expect(pairs(drafts, "organisation")).toEqual([
      ["Naomi Park", "McGill University"],
      [expect.stringContaining("troops had advanced"), "Russia's Defense Ministry"],
    ]);
  });

  it("does not take people, nationalities or lower-case sources for outlets", () => {
    const drafts = draft(
      "According to Zhang Hong, a research fellow, talks are useful. The deal holds, according to Russian and Ukrainian media. Output rose, according to company filings. Kovac told supporters she had won.",
    );
    expect(ofKind(drafts, "organisation")).toEqual([]);
  });
});

describe("date", () => {
  const dates = (body: string, publishedOn: string) => ofKind(draft(body, publishedOn), "date").map((d) => d.answer);

  it("resolves a bare weekday to the latest one on or before publication", () => {
    expect(dates("Officials held direct talks in Istanbul on Friday.", "2025-05-16")).toEqual(["2025-05-16"]);
    expect(dates("A scheduled negotiation on Thursday failed to materialize.", "2025-05-16")).toEqual(["2025-05-15"]);
    expect(dates("Merz spoke at a news briefing earlier on Tuesday.", "2025-05-16")).toEqual(["2025-05-13"]);
  });

  it("resolves last weekend, months and the future", () => {
    expect(dates("Last weekend, Zelensky hosted leaders in Kiev.", "2025-05-16")).toEqual(["2025-05-10"]);
    expect(dates("The sides last met in the city in March 2022.", "2025-05-16")).toEqual(["March 2022"]);
    expect(dates("The club said the players would parade the trophy on Monday.", "2025-06-01")).toEqual(["2025-06-02"]);
    expect(dates("The hearing was held in January.", "2025-09-17")).toEqual(["January 2025"]);
  });

  it("does not read the modal may, or dates in opinion sentences, as dates", () => {
    expect(dates("The operation may continue for months.", "2025-05-16")).toEqual([]);
    expect(dates("Fighting could resume on Monday, said an analyst.", "2025-05-16")).toEqual([]);
  });

  it("dates the fact with asOf", () => {
    const [fact] = ofKind(draft("A scheduled negotiation on Thursday failed to materialize.", "2025-05-16"), "date");
    expect(fact?.asOf).toBe("2025-05-15");
  });
});

describe("pitfalls", () => {
  it("splits a heading glued to the next sentence", () => {
    const body = "Stalemate and depletionBefore the talks, delegates met in Istanbul on Friday.";
    const drafts = draft(body);
    expect(drafts.every((d) => !d.quote.includes("depletion"))).toBe(true);
    expect(pairs(drafts, "place")).toEqual([[expect.stringMatching(/delegates met/i), "Istanbul"]]);
  });

  it("does not treat a government named by its capital as a place of an event", () => {
    const drafts = draft("The delegation met ahead of talks between Moscow and Kiev.");
    expect(ofKind(drafts, "place")).toEqual([]);
  });

  it("drafts the same article the same way every time", () => {
    const body = "The Russian delegation was headed by Kremlin aide Vladimir Medinsky in Istanbul on Friday.";
    expect(draft(body)).toEqual(draft(body));
  });
});

describe("toFactsYaml", () => {
  it("writes a facts.yaml that passes FactSchema, with unique ids", () => {
    const drafts = draft(
      "The two sides agreed to exchange 1,000 prisoners of war each in Istanbul on Friday, according to Tass.",
    );
    const yaml = toFactsYaml(drafts, "Test");
    expect(yaml).toMatch(/^# Draft facts/);
    expect(yaml).toContain("facts:");
    for (const d of drafts) expect(FactSchema.safeParse(toFactInput(d)).success, checkDraft(d).join("; ")).toBe(true);
    expect(new Set(drafts.map((d) => d.id)).size).toBe(drafts.length);
  });
});

describe("organisations as sources", () => {
  it("takes the claim from before the source when only a day follows its verb", () => {
    const drafts = draftFacts({
      title: "Test",
      body: "Wheat exports fell 4 percent in May, the Grain Marketing Board said Tuesday.",
      publishedOn: "2024-06-05",
    }).filter((d) => d.kind === "organisation");
    expect(drafts.map((d) => [d.subject, d.answer])).toEqual([
      ["Statement that wheat exports fell 4 percent in May", "Grain Marketing Board"],
    ]);
  });
});

describe("dates", () => {
  it("drafts no date for an adverbial alone", () => {
    const drafts = draftFacts({
      title: "Test",
      body: "In a statement on 5 May, the union said so. Following the vote on Sunday, crowds gathered in the square.",
      publishedOn: "2024-05-07",
    }).filter((d) => d.kind === "date");
    expect(drafts.map((d) => d.subject)).not.toContain("In a statement");
    expect(drafts.map((d) => d.subject)).not.toContain("Following the vote");
  });
});

describe("date subjects", () => {
  const dated = (body: string, publishedOn = "2024-05-10") =>
    draftFacts({ title: "Test", body, publishedOn })
      .filter((d) => d.kind === "date")
      .map((d) => [d.subject, d.answer]);

  it("names the event by its noun phrase", () => {
    expect(dated("Turnout was low in the regional election on Sunday, officials reported.")).toEqual([
      ["The regional election", "2024-05-05"],
    ]);
    expect(dated("Farmers and ministers held a meeting in the capital on Tuesday to discuss grain prices.")).toEqual([
      ["The meeting in the capital", "2024-05-07"],
    ]);
    expect(dated("The talks between the two foreign ministers on Friday ended without a deal.")).toEqual([
      ["The talks between the two foreign ministers", "2024-05-10"],
    ]);
  });

  it("gives a statement its speaker", () => {
    expect(dated("The harbour board said in a statement on Monday that the pier would reopen.")).toEqual([
      ["The harbour board's statement", "2024-05-06"],
    ]);
  });

  it("keeps a whole clause that names an event, split at its verb", () => {
    expect(dated("The mayor arrived in the harbour town on Wednesday.")).toEqual([["The mayor", "2024-05-08"]]);
    expect(
      draftFacts({
        title: "Test",
        body: "The mayor arrived in the harbour town on Wednesday.",
        publishedOn: "2024-05-10",
      }).find((d) => d.kind === "date")?.relation,
    ).toBe("arrived in the harbour town on");
  });

  it("drafts no date for a fragment of a clause", () => {
    // A statistic of a month: the figure is the fact, not the month.
    expect(dated("Rents rose to 8.5 per cent in March from 7.9 per cent in February.")).toEqual([]);
    expect(dated("The ferry will sail for free from the old pier till Sunday, the council said.")).toEqual([]);
    expect(dated("It was announced on Monday that the bridge would close.")).toEqual([]);
    expect(dated("The lake has been shrinking since May, when the dam was closed.")).toEqual([]);
  });
});

describe("the event a date is of", () => {
  const dated = (body: string) =>
    draftFacts({ title: "Test", body, publishedOn: "2026-03-04" })
      .filter((d) => d.kind === "date")
      .map((d) => d.subject);

  it("dates the announcing, not the event announced after 'that'", () => {
    expect(dated("Officials announced on Tuesday that arrests have been made in the fraud inquiry.")).not.toContain(
      "The arrests",
    );
  });

  it("keeps a storm's name whole, lowers a sentence's capital and ends a complement at the verb", () => {
    expect(dated("Cyclone Ada hit Tarvo on Thursday.")).toEqual(["Cyclone Ada"]);
    expect(dated("Protests rocked Vell on Sunday.")).toEqual(["The protests"]);
    expect(dated("Talks between the two sides resumed on Monday.")).toEqual(["The talks between the two sides"]);
  });
});
