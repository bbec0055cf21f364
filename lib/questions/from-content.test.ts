import { describe, expect, it } from "vitest";

import type { ArticleContent } from "@/lib/content/load";
import { generatorInput, supersededFactIds, toGeneratorEntity, toGeneratorFact } from "@/lib/questions/from-content";
import { SEED_SLUG, seedContent } from "@/lib/questions/test-fixtures";

describe("content to generator input", () => {
  it("maps a fact, keeping optional fields only when present", () => {
    const pow = seedContent()
      .articles.find((a) => a.slug === SEED_SLUG)!
      .facts.find((f) => f.id === "pow-exchange-count")!;
    expect(toGeneratorFact(pow)).toEqual({
      key: "pow-exchange-count",
      subject: pow.subject,
      relation: pow.relation,
      answer: "1,000",
      type: "number",
      kind: "count of prisoners",
      unit: "prisoners of war",
      qualifier: "each",
      aliases: ["1000", "one thousand"],
      quote: pow.quote,
      asOf: "2025-05-16",
    });
    expect(toGeneratorFact(pow, true).superseded).toBe(true);
  });

  it("maps an entity", () => {
    const istanbul = seedContent().entities.find((e) => e.id === "istanbul")!;
    expect(toGeneratorEntity(istanbul)).toEqual({
      key: "istanbul",
      name: "Istanbul",
      type: "place",
      kind: "city",
      within: "turkey",
      aliases: [],
    });
  });

  it("builds an article's input, marking facts a later article supersedes", () => {
    const content = seedContent();
    const seed = content.articles.find((a) => a.slug === SEED_SLUG)!;
    const later: ArticleContent = {
      slug: "istanbul-talks-2025-06-02",
      frontMatter: { title: "Second round", outlet: "Test", published: "2025-06-02" },
      body: "The sides agreed to exchange 1,200 prisoners of war.",
      facts: [
        {
          ...seed.facts.find((f) => f.id === "pow-exchange-count")!,
          answer: "1,200",
          supersedes: `${SEED_SLUG}#pow-exchange-count`,
        },
      ],
    };
    const withLater = { ...content, articles: [...content.articles, later] };
    expect(supersededFactIds(withLater)).toEqual(new Set([`${SEED_SLUG}#pow-exchange-count`]));
    const input = generatorInput(withLater, SEED_SLUG);
    expect(input.article).toMatchObject({ slug: SEED_SLUG, outlet: "Global Times", publishedOn: "2025-05-16" });
    expect(input.facts.find((f) => f.key === "pow-exchange-count")?.superseded).toBe(true);
    expect(input.facts.filter((f) => f.superseded)).toHaveLength(1);
    expect(input.entities.length).toBe(content.entities.length);
  });

  it("says which article is missing", () => {
    expect(() => generatorInput(seedContent(), "no-such-article")).toThrow(/no-such-article/);
  });
});
