import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { ContentError, loadContent, parseArticleText, parseFactsText, type ContentProblem } from "@/lib/content/load";
import { EntitySchema } from "@/lib/content/schemas";

/** SHA-256 of the seed article's text as delivered (trimmed), before it became content/. */
const SEED_SHA256 = "079e514362edb78c0403cd946bb7f063c4de7e07638d1f126a1b45fba20bac87";


function collect() {
  const problems: Omit<ContentProblem, "file">[] = [];
  return { problems, report: (p: Omit<ContentProblem, "file">) => problems.push(p) };
}

const BODY = "The Russian delegation was headed by Kremlin aide Vladimir Medinsky.\n\nThe two sides agreed to exchange 1,000 prisoners of war each.";

const fact = (overrides: Record<string, string> = {}) =>
  Object.entries({
    id: "russian-head",
    subject: "Russian delegation",
    relation: "headed by",
    answer: "Vladimir Medinsky",
    type: "person",
    quote: '"headed by Kremlin aide Vladimir Medinsky"',
    asOf: '"2025-05-16"',
    ...overrides,
  })
    .map(([key, value], index) => `${index === 0 ? "  - " : "    "}${key}: ${value}`)
    .join("\n");

describe("the shipped content", () => {
  it("loads without problems", () => {
    const content = loadContent("content");
    expect(content.articles.map((a) => a.slug)).toContain("istanbul-talks-2025-05-16");
    expect(content.entities.length).toBeGreaterThan(40);
  });

  it("has the seed article's key facts", () => {
    const seed = loadContent("content").articles.find((a) => a.slug === "istanbul-talks-2025-05-16")!;
    expect(seed.frontMatter.outlet).toBe("Global Times");
    expect(seed.frontMatter.published).toBe("2025-05-16");
    expect(seed.facts.length).toBeGreaterThanOrEqual(25);
    const answers = seed.facts.map((f) => f.answer);
    expect(answers).toEqual(expect.arrayContaining(["Vladimir Medinsky", "Rustem Umerov", "Hakan Fidan", "1,000"]));
    const pows = seed.facts.find((f) => f.answer === "1,000")!;
    expect(pows.type).toBe("number");
    expect(pows.unit).toMatch(/prisoners of war/i);
  });

  it("keeps the seed body word for word, with the glued subheading made a heading", () => {
    // The seed as it was handed over (7,231 characters), pinned by its SHA-256: the text itself
    // lives outside the repository, and nothing here reads outside it.
    const body = loadContent("content").articles.find((a) => a.slug === "istanbul-talks-2025-05-16")!.body;
    const rebuilt = body.replace("## Stalemate and depletion\n\n", "Stalemate and depletion").split("\n\n").join("\n");
    expect(rebuilt.trim().length).toBe(7231);
    expect(createHash("sha256").update(rebuilt.trim()).digest("hex")).toBe(SEED_SHA256);
  });
});

describe("parseArticleText", () => {
  it("reads front matter and body", () => {
    const { problems, report } = collect();
    const parsed = parseArticleText("---\ntitle: T\noutlet: O\npublished: 2025-05-16\n---\n\nBody.\n", report);
    expect(problems).toEqual([]);
    expect(parsed).toEqual({ frontMatter: { title: "T", outlet: "O", published: "2025-05-16" }, body: "Body." });
  });

  it("names a missing field and an impossible date", () => {
    const { problems, report } = collect();
    parseArticleText("---\ntitle: T\npublished: 2025-02-30\n---\nBody", report);
    expect(problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^outlet /), "published is not a real date"]));
  });

  it("rejects a file without front matter", () => {
    const { problems, report } = collect();
    expect(parseArticleText("Just text", report)).toBeUndefined();
    expect(problems[0]?.message).toMatch(/front matter/);
  });
});

describe("parseFactsText", () => {
  it("accepts a valid fact", () => {
    const { problems, report } = collect();
    const facts = parseFactsText(`facts:\n${fact()}\n`, BODY, report);
    expect(problems).toEqual([]);
    expect(facts[0]).toMatchObject({ id: "russian-head", answer: "Vladimir Medinsky", aliases: [] });
  });

  it("reports a quote that is not in the body, naming the fact", () => {
    const { problems, report } = collect();
    parseFactsText(`facts:\n${fact({ quote: '"led by Sergei Lavrov"' })}\n`, BODY, report);
    expect(problems).toEqual([{ item: 'fact "russian-head"', message: 'quote not found in the article body: "led by Sergei Lavrov"' }]);
  });

  it("reports an unknown answer type", () => {
    const { problems, report } = collect();
    parseFactsText(`facts:\n${fact({ type: "animal" })}\n`, BODY, report);
    expect(problems[0]).toMatchObject({ item: 'fact "russian-head"', message: expect.stringMatching(/^type must be one of: person, role/) });
  });

  it("reports a missing field", () => {
    const { problems, report } = collect();
    parseFactsText(`facts:\n${fact().replace(/\n    relation: headed by/, "")}\n`, BODY, report);
    expect(problems).toEqual([{ item: 'fact "russian-head"', message: "relation is required" }]);
  });

  it("reports a duplicate fact id", () => {
    const { problems, report } = collect();
    parseFactsText(`facts:\n${fact()}\n${fact()}\n`, BODY, report);
    expect(problems).toEqual([{ item: 'fact "russian-head"', message: "duplicate fact id: another fact in this file has it" }]);
  });

  it("reports bad YAML with its line", () => {
    const { problems, report } = collect();
    parseFactsText("facts:\n  - id: a\n    quote: \"unterminated\n", BODY, report);
    expect(problems[0]?.message).toMatch(/^invalid YAML at line \d+, column \d+/);
  });

  it("checks that number answers are numbers", () => {
    const { problems, report } = collect();
    parseFactsText(
      `facts:\n${fact({ answer: "lots", type: "number", unit: "prisoners of war", quote: '"exchange 1,000 prisoners of war"' })}\n`,
      BODY,
      report,
    );
    expect(problems[0]?.message).toMatch(/"lots" is not a number/);
  });
});

describe("loadContent", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function copyOfContent(): string {
    dir = mkdtempSync(path.join(os.tmpdir(), "quizwire-content-"));
    cpSync("content", dir, { recursive: true });
    return dir;
  }

  it("collects every problem, each with its file and fact", () => {
    const root = copyOfContent();
    const factsFile = path.join(root, "articles/istanbul-talks-2025-05-16/facts.yaml");
    const text = readFileSync(factsFile, "utf8").replace("answer: Vladimir Medinsky", "answer: Vladimir Medinsky\n    type2: person");
    writeFileSync(factsFile, text);
    writeFileSync(path.join(root, "entities.yaml"), "entities:\n  - id: x\n    name: X\n    type: place\n    within: nowhere\n");
    const error = (() => {
      try {
        loadContent(root);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: factsFile, item: expect.stringMatching(/^fact "/), message: expect.stringMatching(/type2/) },
        { file: path.join(root, "entities.yaml"), item: 'entity "x"', message: 'within "nowhere" names no entity in this file' },
      ]),
    );
    expect((error as Error).message).toMatch(/nothing was loaded/);
  });

  it("changes the fingerprint when any file changes", () => {
    const root = copyOfContent();
    const before = loadContent(root).fingerprint;
    const articleFile = path.join(root, "articles/istanbul-talks-2025-05-16/article.md");
    writeFileSync(articleFile, readFileSync(articleFile, "utf8").replace("title: ", "title: Updated "));
    expect(loadContent(root).fingerprint).not.toBe(before);
  });
});

describe("an entity's world", () => {
  it("is optional, and must be one of the listed worlds when given", () => {
    expect(EntitySchema.safeParse({ id: "mayor", name: "mayor", type: "role" }).success).toBe(true);
    const tagged = EntitySchema.safeParse({ id: "mayor", name: "mayor", type: "role", world: "local-government" });
    expect(tagged.success && tagged.data.world).toBe("local-government");
    const wrong = EntitySchema.safeParse({ id: "mayor", name: "mayor", type: "role", world: "town" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toMatch(/must be one of: politics, local-government/);
  });
});
