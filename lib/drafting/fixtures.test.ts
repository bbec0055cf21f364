import { describe, expect, it } from "vitest";

import { normaliseSpace } from "@/lib/content/load";
import { FactSchema } from "@/lib/content/schemas";

import { draftFacts, toFactInput } from "./draft";
import { evaluateDrafting, loadFixtures } from "./evaluate";

const fixtures = loadFixtures();

describe("drafting fixtures", () => {
  it("has the seed article and at least three more, each with gold facts", () => {
    expect(fixtures.map((f) => f.slug)).toContain("istanbul-talks-2025-05-16");
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
    for (const f of fixtures) expect(f.gold.length).toBeGreaterThan(10);
  });

  it.each(fixtures.map((f) => [f.slug, f] as const))(
    "every draft of %s passes FactSchema and quotes the body verbatim",
    (_, f) => {
      const drafts = draftFacts({ title: f.title, body: f.body, publishedOn: f.publishedOn });
      expect(drafts.length).toBeGreaterThan(0);
      const body = normaliseSpace(f.body);
      for (const d of drafts) {
        const result = FactSchema.safeParse(toFactInput(d));
        expect(result.success, `${d.id}: ${result.error?.message ?? ""}`).toBe(true);
        expect(f.body.includes(d.quote) && body.includes(normaliseSpace(d.quote)), d.id).toBe(true);
        expect(d.confidence).toBeGreaterThan(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
      }
      expect(new Set(drafts.map((d) => d.id)).size).toBe(drafts.length);
    },
  );

  // Drafts every fixture six times (once to score, five to time): slow on a shared machine.
  it("scores every kind at 0.8 precision and recall or better over all articles", { timeout: 60_000 }, () => {
    const { overall } = evaluateDrafting();
    for (const k of overall) {
      expect(k.precision, `${k.kind} precision`).toBeGreaterThanOrEqual(0.8);
      expect(k.recall, `${k.kind} recall`).toBeGreaterThanOrEqual(0.8);
    }
  });
});
