import { describe, expect, it } from "vitest";

import { buildContext, type GenerationContext } from "@/lib/questions/context";
import { buildDistractorPool, type DistractorPool } from "@/lib/questions/distractors";
import { buildPhrasing } from "@/lib/questions/stems";
import { makeEntity, makeFact } from "@/lib/questions/test-fixtures";
import type { GeneratorEntity, GeneratorFact } from "@/lib/questions/types";
import { loadContent } from "@/lib/content/load";
import { postAnchor, synonymousRoles, worldOfRole } from "@/lib/questions/world";

// A small bank: generic occupations of several worlds, tagged as content/entities.yaml tags them.
const BANK: GeneratorEntity[] = [
  makeEntity("journalist", "journalist", "role", { kind: "occupation", world: "media" }),
  makeEntity("correspondent", "correspondent", "role", { kind: "occupation", world: "media" }),
  makeEntity("news-editor", "news editor", "role", { kind: "occupation", world: "media" }),
  makeEntity("photographer", "photographer", "role", { kind: "occupation", world: "media" }),
  makeEntity("columnist", "columnist", "role", { kind: "occupation", world: "media" }),
  makeEntity("city-councillor", "city councillor", "role", { kind: "occupation", world: "local-government" }),
  makeEntity("county-executive", "county executive", "role", { kind: "occupation", world: "local-government" }),
  makeEntity("state-governor", "state governor", "role", { kind: "occupation", world: "local-government" }),
  makeEntity("deputy-mayor", "deputy mayor", "role", { kind: "occupation", world: "local-government" }),
  makeEntity("judge", "judge", "role", { kind: "occupation", world: "law" }),
  makeEntity("prosecutor", "prosecutor", "role", { kind: "occupation", world: "law" }),
  makeEntity("lawyer", "lawyer", "role", { kind: "occupation", world: "law", aliases: ["attorney"] }),
  makeEntity("court-clerk", "court clerk", "role", { kind: "occupation", world: "law" }),
  makeEntity("scholar", "scholar", "role", { kind: "occupation", world: "science" }),
  makeEntity("diplomat", "diplomat", "role", { kind: "occupation", world: "politics" }),
  makeEntity("business-executive", "business executive", "role", { kind: "occupation", world: "economy" }),
];

function poolFor(body: string, fact: GeneratorFact): DistractorPool {
  const ctx: GenerationContext = buildContext(
    { slug: "test-article", title: "Test", outlet: "Test Post", publishedOn: "2024-11-04", body },
    [fact],
    BANK,
  );
  const record = ctx.factByKey.get(fact.key)!;
  return buildDistractorPool(record, ctx, buildPhrasing(record, ctx).question());
}

const texts = (pool: DistractorPool) => pool.ranked.map((c) => c.text);

function roleFact(key: string, subject: string, answer: string, quote: string): GeneratorFact {
  return makeFact({ key, subject, relation: "is", answer, type: "role", quote });
}

describe("a role's wrong options come from the answer's world", () => {
  it("offer a reporter other media posts, none a synonym of reporter", () => {
    const body = "The flood reached the town hall by noon, reporter Mira Lestow wrote for the Valley Courier.";
    const pool = poolFor(body, roleFact("post", "Mira Lestow", "reporter", "reporter Mira Lestow wrote"));
    expect(texts(pool)).toEqual(expect.arrayContaining(["news editor", "photographer", "columnist"]));
    expect(texts(pool)).not.toContain("journalist");
    expect(texts(pool)).not.toContain("correspondent");
    for (const other of ["scholar", "lawyer", "diplomat", "business executive", "city councillor"])
      expect(texts(pool)).not.toContain(other);
  });

  it("offer a mayor local-government posts, not a scholar or a lawyer", () => {
    const body = "Mayor Hendrik Tallow opened the new bridge over the river on Saturday.";
    const pool = poolFor(body, roleFact("post", "Hendrik Tallow", "Mayor", "Mayor Hendrik Tallow opened"));
    expect(texts(pool)).toEqual(expect.arrayContaining(["city councillor", "county executive", "state governor"]));
    for (const other of ["scholar", "lawyer", "journalist", "business executive"])
      expect(texts(pool)).not.toContain(other);
  });

  it("never offer a post the article also gives the person", () => {
    const body = "The prosecutor, Ilse Warrender, a former judge, asked the court for a suspended sentence.";
    const pool = poolFor(body, roleFact("post", "Ilse Warrender", "prosecutor", "The prosecutor, Ilse Warrender"));
    expect(texts(pool)).not.toContain("judge");
    expect(pool.excluded.find((e) => e.candidate.text === "judge")?.reason).toMatch(/also/);
    expect(texts(pool)).toContain("court clerk");
  });

  it("never offer a post written next to a name given family name first, however short its words", () => {
    const body =
      "Officials welcomed diplomat and judge Wang Yi at the airport.\n\nProsecutor Wang Yi began his visit on Monday.";
    const pool = poolFor(body, roleFact("post", "Wang Yi", "Prosecutor", "Prosecutor Wang Yi began"));
    expect(texts(pool)).not.toContain("judge");
    expect(texts(pool)).not.toContain("diplomat");
  });
});

describe("a role's wrong options are never true of the person", () => {
  it("offer an elections analyst no 'journalist', and a prosecutor no 'lawyer' or 'magistrate'", () => {
    const analyst = poolFor(
      "The count was slow, said Pell Harrow, the network's chief elections analyst.",
      roleFact("post", "Pell Harrow", "chief elections analyst", "Pell Harrow, the network's chief elections analyst"),
    );
    expect(texts(analyst)).not.toContain("journalist");
    expect(texts(analyst)).toEqual(expect.arrayContaining(["news editor", "photographer"]));
    const bank = [...BANK, makeEntity("magistrate", "magistrate", "role", { kind: "occupation", world: "law" })];
    const ctx = buildContext(
      {
        slug: "t",
        title: "T",
        outlet: "T",
        publishedOn: "2024-11-04",
        body: "The case against the builder was opened by public prosecutor Oda Venn on Monday.",
      },
      [roleFact("post", "Oda Venn", "public prosecutor", "public prosecutor Oda Venn")],
      bank,
    );
    const record = ctx.factByKey.get("post")!;
    const prosecutor = buildDistractorPool(record, ctx, buildPhrasing(record, ctx).question());
    expect(texts(prosecutor)).not.toContain("lawyer");
    expect(texts(prosecutor)).not.toContain("magistrate");
    expect(texts(prosecutor)).toContain("court clerk");
  });

  it("offer a justice no 'judge': a justice of a supreme court is one", () => {
    const pool = poolFor(
      "The ruling was written by Associate Justice Mara Quell of the Supreme Court.",
      roleFact("post", "Mara Quell", "Associate Justice", "Associate Justice Mara Quell"),
    );
    expect(texts(pool)).not.toContain("judge");
    expect(pool.excluded.find((e) => e.candidate.text === "judge")?.reason).toMatch(/true of anyone/);
  });

  it("offer a post whose world nothing tells no posts from the bank", () => {
    const pool = poolFor(
      "Norrie Quill, the caretaker of the old lighthouse, rang the bell at dawn.",
      roleFact("post", "Norrie Quill", "caretaker of the old lighthouse", "Norrie Quill, the caretaker"),
    );
    expect(texts(pool)).toEqual([]);
  });
});

describe("the world of a post written in an article", () => {
  it.each([
    ["chief elections analyst", "media"],
    ["Councillor", "local-government"],
    ["Tuktoyaktuk Mayor", "local-government"],
    ["space agency chairman", "space"],
    ["Crew 2 Mission Specialist", "space"],
    ["lead researcher", "science"],
    ["director of the state Department of Health Services", "health"],
    ["fire operations section chief", "emergency"],
    ["spokesperson for the ministry of home affairs", "politics"],
    ["External Affairs Minister", "politics"],
    ["head coach", "sport"],
    ["central bank governor", "economy"],
    ["defence lawyer", "law"],
  ])("%s is of %s", (post, world) => {
    expect(worldOfRole(post)).toBe(world);
  });
});

describe("the bank's posts", () => {
  // The database keeps no world tag (lib/imports reads the bank from it): there, a post's world is
  // read from its name, so every tagged post's name must say the same world.
  it("each say their tagged world in their own words", () => {
    const mismatched = loadContent()
      .entities.filter((e) => e.type === "role" && e.world !== undefined)
      .filter((e) => (worldOfRole(e.name) ?? (e.kind === "political title" ? "politics" : undefined)) !== e.world)
      .map((e) => `${e.name}: tagged ${e.world}, reads ${worldOfRole(e.name) ?? "nothing"}`);
    expect(mismatched).toEqual([]);
  });
});

describe("synonymous posts", () => {
  it.each([
    ["reporter", "journalist", true],
    ["reporter", "foreign correspondent", true],
    ["defence lawyer", "attorney", true],
    ["Health Ministry spokesperson", "Kremlin spokesperson", false],
    ["Health Ministry spokesperson", "Health Ministry spokesman", true],
    ["judge", "prosecutor", false],
  ])("%s and %s: %s", (a, b, same) => {
    expect(synonymousRoles(a, b)).toBe(same);
  });
});

describe("a city's wrong options lie near it", () => {
  it("offer a Turkish dateline cities of Turkey and its continent, not of Australia", () => {
    const places: GeneratorEntity[] = [
      makeEntity("europe", "Europe", "place", { kind: "continent" }),
      makeEntity("oceania", "Oceania", "place", { kind: "continent" }),
      makeEntity("turkey", "Turkey", "place", { kind: "country", within: "europe" }),
      makeEntity("greece", "Greece", "place", { kind: "country", within: "europe" }),
      makeEntity("australia", "Australia", "place", { kind: "country", within: "oceania" }),
      makeEntity("ankara", "Ankara", "place", { kind: "city", within: "turkey" }),
      makeEntity("izmir", "Izmir", "place", { kind: "city", within: "turkey" }),
      makeEntity("bursa", "Bursa", "place", { kind: "city", within: "turkey" }),
      makeEntity("athens", "Athens", "place", { kind: "city", within: "greece" }),
      makeEntity("brisbane", "Brisbane", "place", { kind: "city", within: "australia" }),
      makeEntity("perth", "Perth", "place", { kind: "city", within: "australia" }),
    ];
    const fact = makeFact({
      key: "count",
      subject: "The vote count",
      relation: "held in",
      answer: "Ankara",
      type: "place",
      kind: "city",
      quote: "counted in Ankara",
    });
    const ctx = buildContext(
      {
        slug: "t",
        title: "T",
        outlet: "T",
        publishedOn: "2024-11-04",
        body: "The votes were counted in Ankara overnight.",
      },
      [fact],
      places,
    );
    const record = ctx.factByKey.get("count")!;
    const pool = buildDistractorPool(record, ctx, buildPhrasing(record, ctx).question());
    expect(texts(pool)).toEqual(expect.arrayContaining(["Izmir", "Bursa", "Athens"]));
    expect(texts(pool)).not.toContain("Brisbane");
    expect(texts(pool)).not.toContain("Perth");
  });
});

describe("a person's wrong options come from their world", () => {
  const people: GeneratorEntity[] = [
    makeEntity("pierre-dumont", "Pierre Dumont", "person", {
      kind: "foreign minister",
      role: "Foreign Minister of France",
      country: "France",
    }),
    makeEntity("lena-moss", "Lena Moss", "person", { role: "tennis player", country: "France", world: "sport" }),
    makeEntity("ana-ruiz", "Ana Ruiz", "person", { role: "tennis player", country: "France", world: "sport" }),
    makeEntity("mia-kole", "Mia Kole", "person", { role: "tennis player", country: "France", world: "sport" }),
  ];
  const body = "Ria Voss of France, the tennis player seeded third, won the final at the lakeside club.";
  const winner = makeFact({
    key: "winner",
    subject: "The final",
    relation: "won by",
    answer: "Ria Voss",
    quote: "Ria Voss of France",
  });

  function pool(facts: GeneratorFact[]): DistractorPool {
    const ctx = buildContext({ slug: "t", title: "T", outlet: "T", publishedOn: "2024-11-04", body }, facts, people);
    const record = ctx.factByKey.get("winner")!;
    return buildDistractorPool(record, ctx, buildPhrasing(record, ctx).question());
  }

  it("offer a tennis player other players, not a foreign minister of her country", () => {
    const texts_ = texts(
      pool([winner, roleFact("post", "Ria Voss", "tennis player", "the tennis player seeded third")]),
    );
    expect(texts_).toEqual(expect.arrayContaining(["Lena Moss", "Ana Ruiz", "Mia Kole"]));
    expect(texts_).not.toContain("Pierre Dumont");
  });

  it("offer someone whose world nothing tells no one from the bank", () => {
    expect(texts(pool([winner]))).toEqual([]);
  });
});

describe("where a post is held", () => {
  it("finds the body, place or owner a post names", () => {
    expect(postAnchor("Brookfield Gazette chief sports writer")).toBe("Brookfield");
    expect(postAnchor("spokesperson for Latvia’s ministry of transport")).toBe("Latvia’s");
    expect(postAnchor("WRC race director")).toBe("WRC");
    expect(postAnchor("Estonian Minister of Culture")).toBe("Estonian");
  });

  it("finds none in a post anyone in its world could hold", () => {
    for (const post of [
      "Finance Minister",
      "Under Secretary of State for Economic Affairs",
      "Health CS",
      "prosecutor",
      "Deputy Prime Minister",
    ])
      expect(postAnchor(post)).toBeUndefined();
  });
});
