// Places: datelines and the places a sentence names. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts } from "./draft";

const places = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d) => d.kind === "place")
    .map((d) => [d.subject, d.answer]);

describe("datelines", () => {
  it.each([
    ["OSLO (Reuters) - The council voted on Friday.", "Oslo"],
    ["SANTA ROSA, Calif. (AP) — Crews worked through the night.", "Santa Rosa"],
    ["LYON, March 7 (Reuters) -- Talks resumed.", "Lyon"],
    ["VILNIUS, Lithuania — Talks resumed.", "Vilnius"],
    ["March 7, 2024 (NAIROBI) - Talks resumed.", "Nairobi"],
    ["HỘI AN — Lanterns lit the river.", "Hội An"],
    ["Thiruvananthapuram: The launch went ahead.", "Thiruvananthapuram"],
    ["Tallinn/ERR/. The council voted on Friday.", "Tallinn"],
    ["RIGA, March 7. /LETA/. Talks resumed.", "Riga"],
  ])("reads the dateline of %s", (body, place) => {
    expect(places(body)).toContainEqual(["Dateline of the report", place]);
    expect(
      draftFacts({ title: "Test", body, publishedOn: "2024-03-08" }).find((d) => d.kind === "place")?.relation,
    ).toBe("names");
  });

  it("reads the news agency in the dateline's brackets as who filed the report, not a place in them", () => {
    const agency = (body: string) =>
      draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
        .filter((d) => d.relation === "filed by")
        .map((d) => [d.subject, d.answer]);
    expect(agency("SANTA ROSA, Calif. (AP) — Crews worked through the night.")).toEqual([["This report", "AP"]]);
    expect(agency("LYON, March 7 (Reuters) -- Talks resumed.")).toEqual([["This report", "Reuters"]]);
    expect(agency("March 7, 2024 (NAIROBI) - Talks resumed.")).toEqual([]);
    // A credit at the end, where no dateline named the agency.
    expect(agency("Lanterns lit the river in Hội An on Sunday.\n\nThe festival ends on Friday. — VNS")).toEqual([
      ["This report", "VNS"],
    ]);
    expect(agency("OSLO (Reuters) - The council voted on Friday.\n\nIt meets again in May. — VNS")).toEqual([
      ["This report", "Reuters"],
    ]);
    // Between slashes after the place; a credit that names no one is none.
    expect(agency("RIGA, March 7. /LETA/. Talks resumed.")).toEqual([["This report", "LETA"]]);
    expect(agency("Lanterns lit the river in Hội An on Sunday.\n\nThe festival ends on Friday. — AGENCIES")).toEqual(
      [],
    );
  });

  it("reads 'AFP news agency reported' as AFP's report", () => {
    const facts = draftFacts({
      title: "Test",
      body: "At least 40 people have been killed in floods in Vesi since June, AFP news agency reported, citing officials.",
      publishedOn: "2024-03-08",
    });
    expect(facts.filter((d) => d.relation === "reported by").map((d) => d.answer)).toEqual(["AFP"]);
  });

  it("reads a dateline only at the start of a paragraph", () => {
    expect(places("The council met. Later it said OSLO (Reuters) - was wrong.")).not.toContainEqual(
      expect.arrayContaining(["Dateline of the report"]),
    );
  });
});

describe("places in a sentence", () => {
  it("keeps a list of places as one answer", () => {
    const died = draftFacts({
      title: "Test",
      body: "Nine people have died of fever in Arusha, Moshi and Tanga regions.",
      publishedOn: "2024-03-08",
    });
    expect(died.map((d) => [d.subject, d.relation, d.answer])).toContainEqual([
      "Nine people",
      "died of fever in",
      "Arusha, Moshi and Tanga",
    ]);
    expect(places("Heavy rain fell across Chile, Peru and Bolivia on Monday.")).toContainEqual([
      expect.stringMatching(/rain/i),
      "Chile, Peru and Bolivia",
    ]);
  });

  it("does not take a place and its country for a list", () => {
    expect(places("The ministers met in Arusha, Tanzania, on Monday.").map(([, answer]) => answer)).not.toContain(
      "Arusha and Tanzania",
    );
  });

  it("reads the village of X", () => {
    expect(places("An airstrike in the village of Kafr Sajna killed nine people.")).toContainEqual([
      expect.stringMatching(/airstrike/i),
      "Kafr Sajna",
    ]);
  });
});

describe("reported speech", () => {
  it("drafts a place inside quotation marks with who said it", () => {
    const drafts = draftFacts({
      title: "Test",
      body: "“We found two more boats near Kisiwani this morning,” said Juma Said, a coastguard officer.",
      publishedOn: "2024-03-08",
    }).filter((d) => d.kind === "place");
    expect(drafts.map((d) => [d.answer, d.claimedBy])).toEqual([["Kisiwani", "Juma Said"]]);
  });
});

describe("more ways a sentence names a place", () => {
  const answers = (body: string): string[] => places(body).map(([, answer]) => answer ?? "");

  it("reads a place after 'into' and 'towards'", () => {
    expect(answers("The storm was not expected to move into Ashford on Monday.")).toContain("Ashford");
    expect(answers("The convoy drove towards Kirkby after dawn.")).toContain("Kirkby");
  });

  it("reads a name starting with a lower-case particle ('al-')", () => {
    expect(answers("Shelling in the village of al-Rami killed four people.")).toContain("al-Rami");
  });

  it("reads 'the X area of Y' as X, and 'the states of A, B and C' as the list", () => {
    expect(answers("Police raided a house in the Ridgeway area of Leeds on Tuesday.")).toContain("Ridgeway");
    expect(answers("Roads were cut in the states of Kerala, Goa and Odisha after the rain.")).toContain(
      "Kerala, Goa and Odisha",
    );
  });

  it("keeps the direction of a region ('northwestern Syria')", () => {
    expect(answers("Shelling has killed nine people in northwestern Ruvia since Friday.")).toContain(
      "northwestern Ruvia",
    );
  });
});

describe("place subjects", () => {
  it("keeps 'St.' inside a place name and names the thing held there", () => {
    expect(places("The two unions convened a joint meeting at St. Brendan Community Hall on Monday.")).toContainEqual([
      "The joint meeting",
      "St. Brendan Community Hall",
    ]);
  });

  it("takes a long venue name after 'at' as a place", () => {
    expect(
      places("The teachers met at Hillcrest Upper Secondary Girls School in Dunmore.").map(([, place]) => place),
    ).toContain("Hillcrest Upper Secondary Girls School");
  });
});

describe("place subjects cut from a clause", () => {
  it("never takes what the speaker was doing for a thing at the place", () => {
    const found = places("Speaking at a joint news conference in Arlo, Mira Holt said 300 troops would stay.");
    expect(found.map(([subject]) => subject).join(" ")).not.toMatch(/^Speaking|\bSpeaking\b/);
  });

  it("starts after a report verb and counts the people a clause is about", () => {
    // Asked as "Where did three people die?" (the relation is "died in").
    expect(places("In a statement on Monday the council said three people had died in Dunmore.")).toContainEqual([
      "Three people",
      "Dunmore",
    ]);
  });

  it("keeps the count with what happened to those counted", () => {
    expect(places("Police said at least 12 people were arrested in Castlebar.")).toContainEqual([
      "12 people arrested",
      "Castlebar",
    ]);
    expect(places("At least 30 people have been killed in flash floods in Castlebar.")).toContainEqual([
      "30 people killed in flash floods",
      "Castlebar",
    ]);
  });
});

describe("a place named before what it holds", () => {
  it("drafts the place that names an event or a group of places", () => {
    expect(places("Talks were frozen after the 2016 Lisbon bomb attacks.")).toContainEqual([
      "The 2016 bomb attacks",
      "Lisbon",
    ]);
    expect(places("Several other Kern County communities were under a fire warning on Monday.")).toContainEqual([
      "Communities that were under a fire warning",
      "Kern County",
    ]);
    expect(places("Fans gathered at the club's Leeds and York offices.")).toContainEqual([
      "The club's offices",
      "Leeds and York",
    ]);
  });

  it("leaves a name before a noun alone when the name is no place", () => {
    expect(places("The Harbour Party offices were closed.")).toEqual([]);
    expect(places("A spokesman at the Dry Creek Fire headquarters spoke.")).not.toContainEqual([
      "The headquarters",
      "Dry Creek Fire",
    ]);
  });

  it("drafts 'the town of X' that opens a clause with what the town did", () => {
    expect(places("The town of Brisk, a fishing port near the border, ordered everyone to leave.")).toContainEqual([
      "The town that ordered everyone to leave",
      "Brisk",
    ]);
  });
});

describe("venues, addresses and destinations", () => {
  it("reads a court, a terminal or a refinery as a venue and names the venue in the subject", () => {
    expect(places("The home pair won the final 6-3 6-4 on Arena Court on Sunday.")).toContainEqual([
      expect.stringMatching(/^The court where .*won the final/),
      "Arena Court",
    ]);
    expect(places("Oil leaked from a pipe at the Carden Bay Refinery jetty on Monday.")).toContainEqual([
      expect.stringMatching(/oil|pipe/i),
      "Carden Bay Refinery",
    ]);
  });

  it("reads a street address as a place, not as a number", () => {
    const drafts = draftFacts({
      title: "Test",
      body: "The craft fair will open at 12 Harbour Road until May 4.",
      publishedOn: "2024-03-08",
    });
    expect(drafts.filter((d) => d.kind === "place").map((d) => [d.subject, d.answer])).toContainEqual([
      "The craft fair",
      "12 Harbour Road",
    ]);
    expect(drafts.filter((d) => d.kind === "number")).toEqual([]);
  });

  it("names where something headed as its destination, a plant with its kind", () => {
    expect(
      places("A cargo rocket carrying three crew members lifted off, then sped towards the Lunar Gateway on Monday."),
    ).toContainEqual(["Destination of a cargo rocket carrying three crew members", "Lunar Gateway"]);
    expect(
      places(
        "Storm Ada could reach the coast on Friday and move north, possibly towards the damaged Ridgeview nuclear plant.",
      ),
    ).toContainEqual([expect.stringMatching(/^Possible destination of Storm Ada/), "Ridgeview nuclear plant"]);
  });

  it("reads the places after 'the subcounties of' and a place before 'community'", () => {
    // The clause is split: "Where did the county record 20 cases so far?"
    const split = draftFacts({
      title: "Test",
      body: "The county has so far recorded 20 cases in the subcounties of Marsa and Tobin.",
      publishedOn: "2024-03-08",
    }).filter((d) => d.kind === "place");
    expect(split.map((d) => [d.subject, d.relation, d.answer])).toContainEqual([
      "The county",
      "recorded 20 cases so far in",
      "Marsa and Tobin",
    ]);
    expect(places("The flood is threatening the old school in an Ontario community near the lake.")).toContainEqual([
      expect.stringMatching(/community/),
      "Ontario",
    ]);
  });

  it("reads 'X based' without its hyphen", () => {
    expect(places("The ministry closed the Oslo based Nordvision TV on Monday.")).toContainEqual([
      "Nordvision TV",
      "Oslo",
    ]);
  });
});

describe("place subjects a teacher would write", () => {
  it.each([
    "Calm weather conditions prevailed at Port Kell, though rain had been forecast.",
    "History was made on Friday morning in Tasmania.",
    "Airstrikes have killed more than a dozen civilians in the western Dalmar region.",
  ])("drafts no sentence fragment as the subject of a place: %s", (body) => {
    for (const [subject] of places(body)) {
      expect(subject).not.toMatch(/^(Calm weather conditions prevailed|History was made)/);
      expect(subject).not.toMatch(/\b(the|a|an|their|to|of|and|just)$/i);
    }
  });
});

describe("places after a visit or a move, and venues named by their kind", () => {
  it("reads 'visitors to X' and 'summoned to X'", () => {
    expect(
      places(
        "A measles outbreak linked to visitors to the Sunview Resort Theme Parks in Kern County has sickened 40 people.",
      ),
    ).toContainEqual(["A measles outbreak linked to visitors", "Sunview Resort Theme Parks"]);
    expect(places("The envoy has been summoned to Valletta for consultation, the ministry said.")).toContainEqual([
      expect.stringMatching(/envoy .*summoned/),
      "Valletta",
    ]);
    expect(places("The letter was sent to Valletta on Monday.")).toEqual([]);
  });

  it("names a museum by what is on show there", () => {
    expect(
      places(
        "LAM DONG — A display of 40 carvings, prints and glass works is on show at Lam Dong City’s Craft Museum in honour of Craft Day.",
      ),
    ).toContainEqual([
      "The museum where a display of 40 carvings, prints and glass works is on show",
      "Lam Dong City’s Craft Museum",
    ]);
    expect(
      places("On Sunday, the pair, playing together for the first time, won the final 6-3 6-4 on Arena Court."),
    ).toContainEqual(["The court where the pair won the final 6-3 6-4", "Arena Court"]);
  });
});

describe("launch pads", () => {
  it("reads a launch pad as the place a named rocket left from", () => {
    expect(places("Roaring away from Pad 12-B, the bright flame of the Vela-3 rocket lit the clouds.")).toContainEqual([
      "Launch pad of the Vela-3 rocket",
      "Pad 12-B",
    ]);
  });
});

describe("a place the subject names", () => {
  it("asks the name of the venue or the destination, not where it was held", () => {
    const relations = draftFacts({
      title: "Test",
      body: "On Sunday, the pair won the final 6-3 6-4 on Arena Court. A cargo rocket carrying three crew members lifted off, then sped towards the Lunar Gateway.",
      publishedOn: "2024-03-08",
    })
      .filter((d) => d.kind === "place")
      .map((d) => [d.answer, d.relation]);
    expect(relations).toEqual(
      expect.arrayContaining([
        ["Arena Court", "name"],
        ["Lunar Gateway", "name"],
      ]),
    );
  });
});

describe("a dateline after the headline", () => {
  it("reads 'Name:' at the start of the paragraph after a headline, not after a sentence", () => {
    expect(
      places("Rocket reaches orbit after launch\n\nKourou: The agency launched its heaviest rocket."),
    ).toContainEqual(["Dateline of the report", "Kourou"]);
    expect(places("The vote was close.\n\nKourou: The agency launched its heaviest rocket.")).not.toContainEqual([
      "Dateline of the report",
      "Kourou",
    ]);
  });
});
