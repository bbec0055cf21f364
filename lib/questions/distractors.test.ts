import { describe, expect, it } from "vitest";

import { buildContext, type GenerationContext } from "@/lib/questions/context";
import { buildDistractorPool, type DistractorPool } from "@/lib/questions/distractors";
import { buildPhrasing } from "@/lib/questions/stems";
import { makeEntity, makeFact, seedInput } from "@/lib/questions/test-fixtures";
import type { GeneratorArticle, GeneratorEntity, GeneratorFact } from "@/lib/questions/types";

const seed = seedInput();
const seedCtx = buildContext(seed.article, seed.facts, seed.entities);

function poolFor(ctx: GenerationContext, key: string): DistractorPool {
  const record = ctx.factByKey.get(key)!;
  return buildDistractorPool(record, ctx, buildPhrasing(record, ctx).question());
}

const texts = (pool: DistractorPool) => pool.ranked.map((c) => c.text);
const reasonFor = (pool: DistractorPool, text: string) => pool.excluded.find((e) => e.candidate.text === text)?.reason;

function article(body: string): GeneratorArticle {
  return { slug: "test-article", title: "Test", outlet: "Test Post", publishedOn: "2024-11-04", body };
}

function context(body: string, facts: GeneratorFact[], entities: GeneratorEntity[]): GenerationContext {
  return buildContext(article(body), facts, entities);
}

describe("distractors are never another right answer", () => {
  it("exclude the answer's aliases (Kyiv for Kiev)", () => {
    const ctx = context(
      "The peace meeting was held in Kiev.",
      [
        makeFact({
          key: "city",
          subject: "Peace meeting",
          relation: "held in",
          answer: "Kiev",
          aliases: [],
          type: "place",
          kind: "city",
          quote: "held in Kiev",
        }),
      ],
      [
        makeEntity("ukraine", "Ukraine", "place", { kind: "country" }),
        makeEntity("kyiv", "Kyiv", "place", { kind: "city", within: "ukraine", aliases: ["Kiev"] }),
        makeEntity("lviv", "Lviv", "place", { kind: "city", within: "ukraine" }),
        makeEntity("odesa", "Odesa", "place", { kind: "city", within: "ukraine" }),
        makeEntity("warsaw", "Warsaw", "place", { kind: "city" }),
      ],
    );
    const pool = poolFor(ctx, "city");
    expect(texts(pool)).not.toContain("Kyiv");
    expect(reasonFor(pool, "Kyiv")).toMatch(/the answer/);
    expect(texts(pool)).toEqual(expect.arrayContaining(["Lviv", "Odesa", "Warsaw"]));
  });

  it("exclude an organisation's other name (UN for United Nations)", () => {
    const ctx = context(
      "The report was published by the United Nations.",
      [
        makeFact({
          key: "org",
          subject: "Report",
          relation: "published by",
          answer: "United Nations",
          type: "organisation",
          kind: "international organisation",
          quote: "published by the United Nations",
        }),
      ],
      [
        makeEntity("un", "UN", "organisation", { kind: "international organisation", aliases: ["United Nations"] }),
        makeEntity("nato", "NATO", "organisation", { kind: "international organisation" }),
        makeEntity("eu", "EU", "organisation", { kind: "international organisation" }),
        makeEntity("osce", "OSCE", "organisation", { kind: "international organisation" }),
      ],
    );
    const pool = poolFor(ctx, "org");
    expect([...texts(pool)].sort()).toEqual(["EU", "NATO", "OSCE"]);
    expect(texts(pool)).not.toContain("UN");
    expect(reasonFor(pool, "UN")).toBeDefined();
  });

  it("exclude places that contain or lie inside the answer (Turkey, the Dolmabahce Palace for Istanbul)", () => {
    const pool = poolFor(seedCtx, "talks-city");
    expect(texts(pool)).not.toContain("Turkey");
    expect(texts(pool)).not.toContain("Dolmabahce Palace");
    expect(reasonFor(pool, "Turkey")).toMatch(/contains the answer/);
    expect(reasonFor(pool, "Dolmabahce Palace")).toMatch(/lies inside the answer/);
    // Other cities, Turkish ones first.
    expect(texts(pool).slice(0, 2).sort()).toEqual(["Ankara", "Antalya"]);
  });

  it("exclude anyone named in the stem", () => {
    const pool = poolFor(seedCtx, "kiev-meeting-host");
    for (const name of ["Macron", "Starmer", "Merz", "Tusk"]) {
      expect(texts(pool)).not.toContain(name);
      expect(reasonFor(pool, name)).toMatch(/named in the stem/);
    }
  });

  it("exclude the other delegation's head when the stem cannot tell the delegations apart", () => {
    const ctx = context(
      "The Russian delegation was headed by Vladimir Medinsky, the Ukrainian one was led by Rustem Umerov.",
      [
        makeFact({
          key: "russian-head",
          subject: "Delegation (Russian)",
          relation: "headed by",
          answer: "Vladimir Medinsky",
          quote: "headed by Vladimir Medinsky",
        }),
        makeFact({
          key: "ukrainian-head",
          subject: "Delegation (Ukrainian)",
          relation: "led by",
          answer: "Rustem Umerov",
          quote: "led by Rustem Umerov",
        }),
      ],
      [],
    );
    const pool = poolFor(ctx, "russian-head");
    expect(texts(pool)).not.toContain("Rustem Umerov");
    expect(reasonFor(pool, "Rustem Umerov")).toMatch(/also right: fact "ukrainian-head"/);
  });

  it("allow the other delegation's head when the stem names the delegation", () => {
    const pool = poolFor(seedCtx, "russian-delegation-head");
    expect(reasonFor(pool, "Rustem Umerov") ?? "").not.toMatch(/also right/);
  });

  it("exclude a second answer to the same question (two facts with the same subject and relation)", () => {
    const ctx = context(
      "The summit was attended by Anna Lind and by Jonas Petrov.",
      [
        makeFact({
          key: "a",
          subject: "Summit",
          relation: "attended by",
          answer: "Anna Lind",
          quote: "attended by Anna Lind",
        }),
        makeFact({
          key: "b",
          subject: "Summit",
          relation: "attended by",
          answer: "Jonas Petrov",
          quote: "by Jonas Petrov",
        }),
      ],
      [],
    );
    expect(reasonFor(poolFor(ctx, "a"), "Jonas Petrov")).toMatch(/also right/);
  });

  it("exclude a more general post that is also true (Foreign Minister for Turkey's Foreign Minister)", () => {
    const fidan = poolFor(seedCtx, "fidan-role");
    expect(texts(fidan)).not.toContain("Foreign Minister");
    expect(reasonFor(fidan, "Foreign Minister")).toMatch(/more general/);
    const umerov = poolFor(seedCtx, "umerov-role");
    expect(texts(umerov)).not.toContain("Russian Defense Minister");
    expect(reasonFor(umerov, "Russian Defense Minister")).toMatch(/more specific/);
  });

  it("exclude a list that is the answer in another order or writing", () => {
    const pool = poolFor(seedCtx, "security-advisors-meeting-countries");
    expect(pool.ranked.length).toBeGreaterThanOrEqual(3);
    for (const candidate of pool.ranked) {
      expect(candidate.text).not.toMatch(/^(UK|Britain), the US, Germany and France$/);
      expect(candidate.text.split(/, | and /)).toHaveLength(4);
    }
  });
});

describe("distractors are of the answer's type and kind", () => {
  it("offer a city for a city", () => {
    for (const candidate of poolFor(seedCtx, "european-summit-city").ranked) expect(candidate.kind).toBe("city");
  });

  it("offer an outlet for an outlet, the same kind first", () => {
    const pool = poolFor(seedCtx, "new-round-source");
    expect(pool.ranked.slice(0, 3).every((c) => c.kind === "news agency")).toBe(true);
    expect(pool.ranked.every((c) => c.type === "organisation")).toBe(true);
  });

  it("offer ministers for a minister, and people from the article before the bank's", () => {
    const chair = poolFor(seedCtx, "meeting-chair");
    expect(chair.ranked.slice(0, 3).every((c) => c.kind === "foreign minister")).toBe(true);
    const said = poolFor(seedCtx, "main-purpose-said-by");
    expect(said.ranked[0]?.text).toBe("Zhang Hong");
    expect(said.ranked.slice(0, 3).every((c) => c.inArticle)).toBe(true);
  });

  it("offer numbers near the answer, written the same way, at the same rounding", () => {
    const pow = poolFor(seedCtx, "pow-exchange-count");
    for (const text of texts(pow).slice(0, 3)) expect(["500", "1,500", "2,000", "2,500", "3,000"]).toContain(text);
    const years = poolFor(seedCtx, "defense-plan-extension");
    for (const text of texts(years).slice(0, 3)) expect(["one", "three", "four", "five"]).toContain(text);
    // "over 1,400": figures above it are not implied by the claim, so they come first.
    const losses = poolFor(seedCtx, "ukrainian-troop-losses");
    expect(texts(losses).slice(0, 3)).toEqual(["1,600", "1,800", "2,000"]);
  });

  it("offer other dates of the article first, then dates near the answer", () => {
    const pool = poolFor(seedCtx, "talks-date");
    expect(texts(pool).slice(0, 2).sort()).toEqual(["2025-05-13", "2025-05-15"]);
    expect(texts(pool)).not.toContain("2025-05-16");
  });

  it("make phrase distractors from the answer's own pattern", () => {
    expect(texts(poolFor(seedCtx, "last-direct-meeting")).slice(0, 4).sort()).toEqual([
      "April 2022",
      "February 2022",
      "March 2021",
      "March 2023",
    ]);
    expect(texts(poolFor(seedCtx, "defense-plan-original-period"))[0]).toBe("2021-2027");
    expect(texts(poolFor(seedCtx, "camouflage-share"))).toEqual(expect.arrayContaining(["a third", "two thirds"]));
    expect(texts(poolFor(seedCtx, "table-shape"))).not.toContain("u-shaped");
    expect(poolFor(seedCtx, "interpreter").ranked).toHaveLength(0);
  });
});

describe("ranking", () => {
  it("is the same every time", () => {
    const first = texts(poolFor(buildContext(seed.article, seed.facts, seed.entities), "meeting-chair"));
    const second = texts(poolFor(buildContext(seed.article, seed.facts, seed.entities), "meeting-chair"));
    expect(first).toEqual(second);
  });
});

describe("distractors of the answer's kind at a glance", () => {
  it("never offer a share of a whole above 100 percent", () => {
    const ctx = context(
      "The mayor won 97 percent of the ballots cast in the runoff.",
      [
        makeFact({
          key: "share",
          subject: "The mayor's share of the ballots cast in the runoff",
          relation: "was",
          answer: "97",
          unit: "percent",
          aliases: [],
          type: "number",
          quote: "The mayor won 97 percent of the ballots cast in the runoff.",
        }),
      ],
      [],
    );
    const values = poolFor(ctx, "share").ranked.map((c) => c.value ?? 0);
    expect(values.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...values)).toBeLessThanOrEqual(100);
  });

  it("offer one person against one person, not a pair", () => {
    const body =
      "The ferry company was represented by Ida Fenn. Its rivals sent Ravi Holt and Mona Quist, and the port sent Lars Ebbe and Piet Nol.";
    const facts = [
      makeFact({
        key: "rep",
        subject: "The ferry company",
        relation: "represented by",
        answer: "Ida Fenn",
        aliases: [],
        type: "person",
        quote: "The ferry company was represented by Ida Fenn.",
      }),
      makeFact({
        key: "rivals",
        subject: "The rivals",
        relation: "sent",
        answer: "Ravi Holt and Mona Quist",
        aliases: [],
        type: "person",
        quote: "Its rivals sent Ravi Holt and Mona Quist",
      }),
      makeFact({
        key: "port",
        subject: "The port",
        relation: "sent",
        answer: "Lars Ebbe and Piet Nol",
        aliases: [],
        type: "person",
        quote: "the port sent Lars Ebbe and Piet Nol",
      }),
    ];
    const ctx = context(body, facts, []);
    expect(texts(poolFor(ctx, "rep"))).not.toContain("Ravi Holt and Mona Quist");
    expect(reasonFor(poolFor(ctx, "rep"), "Ravi Holt and Mona Quist")).toMatch(/several people/);
    expect(texts(poolFor(ctx, "rivals"))).toContain("Lars Ebbe and Piet Nol");
  });

  it("offer no counterpart of another's post as a post", () => {
    const body =
      "Interior Minister Hana Roe met her Latvian counterpart Jan Ozols. Trade Minister Omar Vell also attended.";
    const role = (key: string, subject: string, answer: string) =>
      makeFact({ key, subject, relation: "role", answer, aliases: [], type: "role", quote: body.split(". ")[0]! });
    const ctx = context(
      body,
      [
        role("roe", "Hana Roe", "Interior Minister"),
        role("ozols", "Jan Ozols", "Latvian counterpart of Interior Minister Hana Roe"),
        makeFact({
          key: "vell",
          subject: "Omar Vell",
          relation: "role",
          answer: "Trade Minister",
          aliases: [],
          type: "role",
          quote: "Trade Minister Omar Vell also attended.",
        }),
      ],
      [],
    );
    expect(texts(poolFor(ctx, "roe"))).not.toContain("Latvian counterpart of Interior Minister Hana Roe");
    expect(poolFor(ctx, "ozols").ranked).toEqual([]);
  });

  it("offer no city against a street address", () => {
    const body = "VELMORA — The craft fair opens at 12 Orchard Street on Friday.";
    const ctx = context(
      body,
      [
        makeFact({
          key: "fair",
          subject: "The craft fair",
          relation: "held at",
          answer: "12 Orchard Street",
          aliases: [],
          type: "place",
          quote: "The craft fair opens at 12 Orchard Street on Friday.",
        }),
        makeFact({
          key: "dateline",
          subject: "Dateline of the report",
          relation: "names",
          answer: "Velmora",
          aliases: [],
          type: "place",
          kind: "city",
          quote: "VELMORA",
        }),
      ],
      [],
    );
    expect(texts(poolFor(ctx, "fair"))).not.toContain("Velmora");
  });
});

describe("a numbered site", () => {
  it("is a site by its name, offered no city and no site of another kind", () => {
    const body = "The rocket lifted off from Pad 7-B towards the Aurora Orbital Station. Crowds watched from Velmora.";
    const ctx = context(
      body,
      [
        makeFact({
          key: "pad",
          subject: "The rocket",
          relation: "lifted off from",
          answer: "Pad 7-B",
          aliases: [],
          type: "place",
          quote: "The rocket lifted off from Pad 7-B towards the Aurora Orbital Station.",
        }),
        makeFact({
          key: "station",
          subject: "The rocket's destination",
          relation: "towards",
          answer: "Aurora Orbital Station",
          aliases: [],
          type: "place",
          quote: "The rocket lifted off from Pad 7-B towards the Aurora Orbital Station.",
        }),
        makeFact({
          key: "crowds",
          subject: "Crowds",
          relation: "watched from",
          answer: "Velmora",
          aliases: [],
          type: "place",
          kind: "city",
          quote: "Crowds watched from Velmora.",
        }),
      ],
      [],
    );
    const pool = poolFor(ctx, "pad");
    expect(texts(pool)).not.toContain("Aurora Orbital Station");
    expect(texts(pool)).not.toContain("Velmora");
  });
});

describe("cities near the answer first", () => {
  it("offers a dateline the cities of its own region before those of a far country the article names", () => {
    const body = "VELMORA — Shelling in Boria killed nine people, a Westia-based monitor said.";
    const ctx = context(
      body,
      [
        makeFact({
          key: "dateline",
          subject: "Dateline of the report",
          relation: "names",
          answer: "Velmora",
          aliases: [],
          type: "place",
          kind: "city",
          quote: "VELMORA",
        }),
      ],
      [
        makeEntity("eastland", "Eastland", "place", { kind: "continent" }),
        makeEntity("westland", "Westland", "place", { kind: "continent" }),
        makeEntity("aria", "Aria", "place", { kind: "country", within: "eastland" }),
        makeEntity("boria", "Boria", "place", { kind: "country", within: "eastland" }),
        makeEntity("westia", "Westia", "place", { kind: "country", within: "westland" }),
        makeEntity("velmora", "Velmora", "place", { kind: "city", within: "aria" }),
        makeEntity("corin", "Corin", "place", { kind: "city", within: "boria" }),
        makeEntity("dask", "Dask", "place", { kind: "city", within: "boria" }),
        makeEntity("elm", "Elm", "place", { kind: "city", within: "boria" }),
        makeEntity("faro", "Faro", "place", { kind: "city", within: "westia" }),
        makeEntity("gint", "Gint", "place", { kind: "city", within: "westia" }),
        makeEntity("hale", "Hale", "place", { kind: "city", within: "westia" }),
      ],
    );
    expect(texts(poolFor(ctx, "dateline")).slice(0, 3).sort()).toEqual(["Corin", "Dask", "Elm"]);
  });
});
