// Reads and validates everything under content/. Nothing here touches the database: a
// content tree either loads whole, or fails with every problem named by file and fact.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";

import {
  ArticleFrontMatterSchema,
  EntitiesFileSchema,
  EntitySchema,
  FactSchema,
  FactsFileSchema,
  type ArticleFrontMatter,
  type EntityInput,
  type FactInput,
} from "@/lib/content/schemas";

export interface ContentProblem {
  file: string;
  /** The fact or entity the problem is in, when it is in one. */
  item?: string;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Content has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was loaded:\n` +
        problems.map((p) => `  ${p.file}${p.item ? ` ${p.item}` : ""}: ${p.message}`).join("\n"),
    );
    this.name = "ContentError";
  }
}

export interface ArticleContent {
  slug: string;
  frontMatter: ArticleFrontMatter;
  body: string;
  facts: FactInput[];
}

export interface Content {
  articles: ArticleContent[];
  entities: EntityInput[];
  /** Changes whenever any content file changes. */
  fingerprint: string;
}

type Report = (problem: Omit<ContentProblem, "file">) => void;

function describeIssues(error: z.ZodError, report: Report, item?: string): void {
  for (const issue of error.issues) {
    const where = issue.path.length > 0 ? `${issue.path.join(".")} ` : "";
    report({ item, message: `${where}${issue.message}`.trim() });
  }
}

function parseYamlText(text: string, report: Report): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      report({ message: `invalid YAML${at ? ` at line ${at.line}, column ${at.col}` : ""}: ${error.message.split("\n")[0]}` });
      return undefined;
    }
    throw error;
  }
}

/** Collapses runs of white space, so a quote may wrap differently from the body. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Splits `---\nfront matter\n---\nbody` and validates the front matter. */
export function parseArticleText(
  text: string,
  report: Report,
): { frontMatter: ArticleFrontMatter; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) {
    report({ message: "must start with front matter between --- lines (title, outlet, published)" });
    return undefined;
  }
  const data = parseYamlText(match[1] ?? "", report);
  if (data === undefined) return undefined;
  const result = ArticleFrontMatterSchema.safeParse(data ?? {});
  if (!result.success) {
    describeIssues(result.error, report);
    return undefined;
  }
  const body = (match[2] ?? "").trim();
  if (!body) {
    report({ message: "has no body text after the front matter" });
    return undefined;
  }
  return { frontMatter: result.data, body };
}

/** Parses facts.yaml and checks each fact against its article's body. */
export function parseFactsText(text: string, body: string, report: Report): FactInput[] {
  const data = parseYamlText(text, report);
  if (data === undefined) return [];
  const file = FactsFileSchema.safeParse(data);
  if (!file.success) {
    describeIssues(file.error, report);
    return [];
  }
  const facts: FactInput[] = [];
  const seen = new Set<string>();
  const normalisedBody = normaliseSpace(body);
  file.data.facts.forEach((raw, index) => {
    const rawId = typeof raw === "object" && raw && "id" in raw ? String(raw.id) : undefined;
    const item = rawId ? `fact "${rawId}"` : `fact #${index + 1}`;
    const result = FactSchema.safeParse(raw);
    if (!result.success) {
      describeIssues(result.error, report, item);
      return;
    }
    const fact = result.data;
    if (seen.has(fact.id)) report({ item, message: "duplicate fact id: another fact in this file has it" });
    seen.add(fact.id);
    if (!normalisedBody.includes(normaliseSpace(fact.quote))) {
      report({ item, message: `quote not found in the article body: "${fact.quote}"` });
    }
    facts.push(fact);
  });
  return facts;
}

export function parseEntitiesText(text: string, report: Report): EntityInput[] {
  const data = parseYamlText(text, report);
  if (data === undefined) return [];
  const file = EntitiesFileSchema.safeParse(data);
  if (!file.success) {
    describeIssues(file.error, report);
    return [];
  }
  const entities: EntityInput[] = [];
  const ids = new Set<string>();
  file.data.entities.forEach((raw, index) => {
    const rawId = typeof raw === "object" && raw && "id" in raw ? String(raw.id) : undefined;
    const item = rawId ? `entity "${rawId}"` : `entity #${index + 1}`;
    const result = EntitySchema.safeParse(raw);
    if (!result.success) {
      describeIssues(result.error, report, item);
      return;
    }
    if (ids.has(result.data.id)) report({ item, message: "duplicate entity id" });
    ids.add(result.data.id);
    entities.push(result.data);
  });
  for (const entity of entities) {
    if (!entity.within) continue;
    if (!ids.has(entity.within)) {
      report({ item: `entity "${entity.id}"`, message: `within "${entity.within}" names no entity in this file` });
      continue;
    }
    // A place cannot (indirectly) lie within itself.
    const byId = new Map(entities.map((e) => [e.id, e]));
    const visited = new Set<string>([entity.id]);
    for (let at = byId.get(entity.within); at; at = at.within ? byId.get(at.within) : undefined) {
      if (visited.has(at.id)) {
        report({ item: `entity "${entity.id}"`, message: "within forms a loop" });
        break;
      }
      visited.add(at.id);
    }
  }
  return entities;
}

function readText(file: string): string {
  return readFileSync(file, "utf8");
}

/** Loads content/ (or another folder laid out the same way). Throws ContentError. */
export function loadContent(root = "content"): Content {
  const problems: ContentProblem[] = [];
  const hash = createHash("sha256");
  const reporter =
    (file: string): Report =>
    (problem) =>
      problems.push({ file, ...problem });

  const entitiesFile = path.join(root, "entities.yaml");
  let entities: EntityInput[] = [];
  if (existsSync(entitiesFile)) {
    const text = readText(entitiesFile);
    hash.update(`${entitiesFile}\0${text}\0`);
    entities = parseEntitiesText(text, reporter(entitiesFile));
  }

  const articlesDir = path.join(root, "articles");
  const slugs = existsSync(articlesDir)
    ? readdirSync(articlesDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const articles: ArticleContent[] = [];
  for (const slug of slugs) {
    const dir = path.join(articlesDir, slug);
    const articleFile = path.join(dir, "article.md");
    const factsFile = path.join(dir, "facts.yaml");
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
      reporter(dir)({ message: "folder name must be kebab-case (it becomes the article's address)" });
      continue;
    }
    if (!existsSync(articleFile)) {
      reporter(articleFile)({ message: "is missing" });
      continue;
    }
    const articleText = readText(articleFile);
    hash.update(`${articleFile}\0${articleText}\0`);
    const article = parseArticleText(articleText, reporter(articleFile));
    if (!existsSync(factsFile)) {
      reporter(factsFile)({ message: "is missing" });
      continue;
    }
    const factsText = readText(factsFile);
    hash.update(`${factsFile}\0${factsText}\0`);
    if (!article) continue;
    const facts = parseFactsText(factsText, article.body, reporter(factsFile));
    articles.push({ slug, ...article, facts });
  }

  // A superseding fact must name a fact that exists in another article.
  const factIds = new Set(articles.flatMap((a) => a.facts.map((f) => `${a.slug}#${f.id}`)));
  for (const article of articles) {
    for (const fact of article.facts) {
      if (!fact.supersedes) continue;
      const file = path.join(articlesDir, article.slug, "facts.yaml");
      if (fact.supersedes.startsWith(`${article.slug}#`)) {
        reporter(file)({ item: `fact "${fact.id}"`, message: "supersedes must name a fact of an earlier article" });
      } else if (!factIds.has(fact.supersedes)) {
        reporter(file)({ item: `fact "${fact.id}"`, message: `supersedes "${fact.supersedes}", which does not exist` });
      }
    }
  }

  if (problems.length > 0) throw new ContentError(problems);
  return { articles, entities, fingerprint: hash.digest("hex") };
}
