import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listArticles } from "@/lib/articles/queries";
import { ContentError, loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import type { Db } from "@/lib/db/client";

import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const SLUG = "istanbul-talks-2025-05-16";

/**
 * Everything the content load writes, for before/after comparisons. Entity aliases are read on
 * their own: an include ordered by alias binds every entity's id at once, which SQLite refuses
 * past its parameter limit (the bank has over a thousand entities).
 */
async function snapshot(db: Db) {
  const [articles, facts, aliases, entities, entityAliases] = await Promise.all([
    db.article.findMany({ orderBy: { slug: "asc" } }),
    db.fact.findMany({ orderBy: [{ articleId: "asc" }, { key: "asc" }] }),
    db.factAlias.findMany({ orderBy: [{ factId: "asc" }, { alias: "asc" }] }),
    db.entity.findMany({ orderBy: { key: "asc" } }),
    db.entityAlias.findMany({ orderBy: [{ entityId: "asc" }, { alias: "asc" }] }),
  ]);
  return { articles, facts, aliases, entities, entityAliases };
}

describe(`content loading on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let root: string;
  const factsFile = () => path.join(root, "articles", SLUG, "facts.yaml");

  beforeAll(async () => {
    test = await createTestDatabase();
    root = mkdtempSync(path.join(os.tmpdir(), "quizwire-content-"));
    cpSync("content", root, { recursive: true });
  });
  afterAll(async () => {
    await test.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it("loads the seed article, its facts and the entity bank", async () => {
    const content = loadContent(root);
    const report = await syncContent(test.db, content);
    const factCount = content.articles[0]!.facts.length;
    expect(report.articles.created).toBe(1);
    expect(report.facts.created).toBe(factCount);
    expect(report.entities.created).toBe(content.entities.length);
    const [article] = await listArticles(test.db);
    expect(article).toMatchObject({ slug: SLUG, outlet: "Global Times", factCount });
    expect(article!.publishedOn.toISOString()).toBe("2025-05-16T00:00:00.000Z");
    const medinsky = await test.db.fact.findFirst({
      where: { answer: "Vladimir Medinsky" },
      include: { aliases: true },
    });
    expect(medinsky?.answerType).toBe("PERSON");
    expect(medinsky?.aliases.map((a) => a.alias)).toContain("Medinsky");
  });

  it("changes nothing when run again", async () => {
    const before = await snapshot(test.db);
    const report = await syncContent(test.db, loadContent(root));
    expect(report.facts).toMatchObject({ created: 0, updated: 0, retired: 0 });
    expect(report.articles).toMatchObject({ created: 0, updated: 0, retired: 0 });
    expect(report.entities).toMatchObject({ created: 0, updated: 0, retired: 0 });
    expect(await snapshot(test.db)).toEqual(before);
  });

  it("updates an edited fact in place, keeping its id", async () => {
    const before = await test.db.fact.findFirstOrThrow({
      where: { answer: "Hakan Fidan", quote: { contains: "chaired" } },
    });
    const text = readFileSync(factsFile(), "utf8");
    writeFileSync(
      factsFile(),
      text.replace(`relation: ${before.relation}\n`, `relation: ${before.relation} (edited)\n`),
    );
    const report = await syncContent(test.db, loadContent(root));
    expect(report.facts).toMatchObject({ created: 0, updated: 1, retired: 0 });
    const after = await test.db.fact.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.relation).toBe(`${before.relation} (edited)`);
  });

  it("retires a removed fact and keeps it for the responses that point at it", async () => {
    const target = await test.db.fact.findFirstOrThrow({ where: { answer: "Rustem Umerov" }, orderBy: { key: "asc" } });
    const text = readFileSync(factsFile(), "utf8");
    const start = text.indexOf(`  - id: ${target.key}\n`);
    const next = text.indexOf("\n  - id: ", start + 1);
    writeFileSync(factsFile(), text.slice(0, start) + (next === -1 ? "" : text.slice(next + 1)));
    const report = await syncContent(test.db, loadContent(root));
    expect(report.facts.retired).toBe(1);
    const retired = await test.db.fact.findUniqueOrThrow({ where: { id: target.id } });
    expect(retired.retiredAt).not.toBeNull();
    const [article] = await listArticles(test.db);
    expect(article!.factCount).toBe(loadContent(root).articles[0]!.facts.length);

    // Putting it back brings the same fact back to life.
    writeFileSync(factsFile(), text);
    await syncContent(test.db, loadContent(root));
    expect((await test.db.fact.findUniqueOrThrow({ where: { id: target.id } })).retiredAt).toBeNull();
  });

  it("stops at a broken file with the file and fact named, and leaves the database as it was", async () => {
    const before = await snapshot(test.db);
    const good = readFileSync(factsFile(), "utf8");
    writeFileSync(
      factsFile(),
      good.replace(/quote: "The Russian delegation was headed by/, 'quote: "The Russian delegation was chaired by'),
    );
    expect(() => loadContent(root)).toThrow(ContentError);
    try {
      loadContent(root);
    } catch (error) {
      expect((error as ContentError).problems).toEqual([
        {
          file: factsFile(),
          item: expect.stringMatching(/^fact "/),
          message: expect.stringMatching(/^quote not found in the article body/),
        },
      ]);
    }
    writeFileSync(factsFile(), good);
    expect(await snapshot(test.db)).toEqual(before);
  });

  it("rolls back a load that fails half-way", async () => {
    const before = await snapshot(test.db);
    const content = loadContent(root);
    // An edit to every entity and fact, then a failure inside the transaction: the last
    // fact carries a date the database refuses (validation would normally catch it first).
    const edited = {
      ...content,
      entities: content.entities.map((e) => ({ ...e, name: `${e.name}!` })),
      articles: content.articles.map((a) => ({
        ...a,
        facts: a.facts.map((f, i) => ({
          ...f,
          relation: `${f.relation}!`,
          asOf: i === a.facts.length - 1 ? "2025-13-45" : f.asOf,
        })),
      })),
    };
    await expect(syncContent(test.db, edited)).rejects.toThrow();
    expect(await snapshot(test.db)).toEqual(before);
  });
});
