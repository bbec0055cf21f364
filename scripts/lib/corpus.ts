// The development corpus: real news reports nobody here wrote, to measure drafting and the
// questions it leads to on articles the rules were not written against.
//
// The reports' text is not ours and stays outside the repository, in a folder given with
// `npm run bench -- --corpus DIR` (or QUIZWIRE_CORPUS_DIR): DIR/<slug>/article.md, with front
// matter (title, outlet, published). What is committed, under tests/fixtures/corpus/<slug>/, is
// how to find each report again (meta.yaml: its address and the look-up words that found it)
// and our gold facts for it in our own words (gold.yaml).
//
// The corpus was split once: rules are written against the `dev` articles; the `eval` ones are
// only ever evaluated (`--split eval`), and every look at them is counted in the closing notes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { parse as parseYaml } from "yaml";
import { z } from "zod";

import type { Content } from "../../lib/content/load";
import { FactSchema, type FactInput } from "../../lib/content/schemas";
import { draftFacts, loadNlp, toFactInput, type DraftFact, type DraftKind } from "../../lib/drafting/draft";
import {
  GoldFileSchema,
  matchDrafts,
  scoreArticle,
  type ArticleScore,
  type FixtureArticle,
  type GoldFact,
} from "../../lib/drafting/evaluate";
import { normaliseBody } from "../../lib/drafting/text";
import { toPreviewQuestion } from "../../lib/imports/preview";
import { generateArticleQuestions } from "../../lib/questions/from-content";
import { selectQuiz } from "../../lib/questions/select";
import type { GeneratedQuestion } from "../../lib/questions/types";

export const CORPUS_GOLD_DIR = "tests/fixtures/corpus";
export const SPLITS = ["dev", "eval", "all"] as const;
export type Split = (typeof SPLITS)[number];

export const CorpusMetaSchema = z.object({
  url: z.url(),
  lookup: z.string().min(1),
  topic: z.string().min(1),
  style: z.enum(["wire", "news", "feature"]),
  split: z.enum(["dev", "eval"]),
  title: z.string().min(1),
  outlet: z.string().min(1),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  notes: z.string().optional(),
});
export type CorpusMeta = z.infer<typeof CorpusMetaSchema>;

export interface CorpusArticle extends FixtureArticle {
  meta: CorpusMeta;
  outlet: string;
}

export interface LoadedCorpus {
  articles: CorpusArticle[];
  /** Articles whose text is not in the folder: how to find each again. */
  missing: { slug: string; meta: CorpusMeta }[];
}

function readYaml(file: string): unknown {
  try {
    return parseYaml(readFileSync(file, "utf8"), { schema: "core" });
  } catch (error) {
    throw new Error(`${file}: not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : error})`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`${file}: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
}

/** The committed half: each article's meta.yaml and gold.yaml. */
export function loadCorpusGold(goldDir = CORPUS_GOLD_DIR): { slug: string; meta: CorpusMeta; gold: GoldFact[] }[] {
  if (!existsSync(goldDir)) return [];
  return readdirSync(goldDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((slug) => {
      const metaFile = path.join(goldDir, slug, "meta.yaml");
      const goldFile = path.join(goldDir, slug, "gold.yaml");
      return {
        slug,
        meta: parseWith(CorpusMetaSchema, readYaml(metaFile), metaFile),
        gold: parseWith(GoldFileSchema, readYaml(goldFile), goldFile).facts,
      };
    });
}

/** The gold facts joined with the texts found in textDir, for one split. */
export function loadCorpus(textDir: string, split: Split, goldDir = CORPUS_GOLD_DIR): LoadedCorpus {
  if (!existsSync(textDir)) throw new Error(`The corpus folder ${textDir} does not exist.`);
  const articles: CorpusArticle[] = [];
  const missing: LoadedCorpus["missing"] = [];
  for (const { slug, meta, gold } of loadCorpusGold(goldDir)) {
    if (split !== "all" && meta.split !== split) continue;
    const file = path.join(textDir, slug, "article.md");
    if (!existsSync(file)) {
      missing.push({ slug, meta });
      continue;
    }
    const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
    const front = match
      ? z
          .object({ title: z.string(), outlet: z.string().optional(), published: z.string() })
          .safeParse(parseYaml(match[1] ?? "", { schema: "core" }))
      : undefined;
    // As a teacher's paste reaches the drafter (lib/imports/mutations.ts): one paragraph per line.
    const body = normaliseBody(match ? match[2]! : text);
    articles.push({
      slug,
      meta,
      gold,
      body,
      title: front?.success ? front.data.title : meta.title,
      outlet: (front?.success ? front.data.outlet : undefined) ?? meta.outlet,
      publishedOn: front?.success ? front.data.published : meta.published,
    });
  }
  return { articles, missing };
}

/** The groups the targets are set on. */
export const GROUPS: { name: string; kinds: DraftKind[] }[] = [
  { name: "people and roles", kinds: ["person-role", "relation"] },
  { name: "numbers", kinds: ["number"] },
  { name: "places", kinds: ["place"] },
  { name: "organisations", kinds: ["organisation"] },
  { name: "dates", kinds: ["date"] },
];

export interface GroupScore {
  name: string;
  matched: number;
  gold: number;
  recall: number;
}

export interface CorpusArticleResult {
  slug: string;
  split: "dev" | "eval";
  words: number;
  score: ArticleScore;
  /** Every draft fact, matched or not (what a teacher would review). */
  draftFacts: DraftFact[];
  drafts: number;
  /** Drafts that match a gold fact (automatic matching: see lib/drafting/evaluate.ts). */
  correct: number;
  /** From accepting every correct draft: questions generated, served (not held back) and in the default quiz. */
  questions: GeneratedQuestion[];
  served: number;
  heldBack: number;
  defaultQuiz: GeneratedQuestion[];
  /** The largest default quiz without the rule that no question gives another's answer away. */
  quizWithoutGiveawayRule: number;
  /** Facts with at least one served question of their own (a quiz asks one question per fact). */
  factsServed: number;
  /** Correct drafts that do not make a valid fact (FactSchema), with the reason. */
  invalid: { draft: DraftFact; reason: string }[];
}

export interface CorpusEvaluation {
  articles: CorpusArticleResult[];
  groups: GroupScore[];
  precision: number;
  drafts: number;
  correct: number;
  served: number;
  heldBack: number;
  /** Articles whose gold facts number 10 or more, and how many of them serve a default quiz of 10 or more. */
  quizzesOfTenDue: number;
  quizzesOfTen: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function asFact(draft: DraftFact, body: string): { fact?: FactInput; reason?: string } {
  const parsed = FactSchema.safeParse(toFactInput(draft));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { reason: `${issue.path.join(".")}: ${issue.message}` };
  }
  const squash = (text: string) => text.replace(/\s+/g, " ");
  if (!squash(body).includes(squash(parsed.data.quote))) return { reason: "quote not found in the article" };
  return { fact: parsed.data };
}

export function evaluateCorpus(corpus: CorpusArticle[], world: Pick<Content, "entities">): CorpusEvaluation {
  loadNlp();
  const articles = corpus.map((article): CorpusArticleResult => {
    const drafts = draftFacts({ title: article.title, body: article.body, publishedOn: article.publishedOn });
    const score = scoreArticle(article, drafts);
    const correct = matchDrafts(drafts, article.gold).map(([draft]) => draft);
    const invalid: CorpusArticleResult["invalid"] = [];
    const facts: FactInput[] = [];
    for (const draft of correct) {
      const { fact, reason } = asFact(draft, article.body);
      if (fact) facts.push(fact);
      else invalid.push({ draft, reason: reason ?? "invalid" });
    }
    const questions =
      facts.length === 0
        ? []
        : generateArticleQuestions(
            {
              articles: [
                {
                  slug: article.slug,
                  frontMatter: { title: article.title, outlet: article.outlet, published: article.publishedOn },
                  body: article.body,
                  facts,
                },
              ],
              entities: world.entities,
            },
            article.slug,
          );
    const served = questions.filter((q) => !q.heldBackReason);
    return {
      slug: article.slug,
      split: article.meta.split,
      words: words(article.body),
      score,
      draftFacts: drafts,
      drafts: drafts.length,
      correct: correct.length,
      questions,
      served: served.length,
      heldBack: questions.length - served.length,
      defaultQuiz: selectQuiz(served),
      quizWithoutGiveawayRule: selectQuiz(served, { giveaways: false }).length,
      factsServed: new Set(served.filter((q) => q.factKeys.length === 1).map((q) => q.factKeys[0])).size,
      invalid,
    };
  });
  const groups = GROUPS.map(({ name, kinds }) => {
    const sum = (key: "truePositives" | "gold") =>
      articles.reduce(
        (total, a) => total + a.score.kinds.filter((k) => kinds.includes(k.kind)).reduce((t, k) => t + k[key], 0),
        0,
      );
    const matched = sum("truePositives");
    const gold = sum("gold");
    return { name, matched, gold, recall: gold === 0 ? 1 : matched / gold };
  });
  const drafts = articles.reduce((t, a) => t + a.drafts, 0);
  const correct = articles.reduce((t, a) => t + a.correct, 0);
  const due = corpus.filter((a) => a.gold.length >= 10).map((a) => a.slug);
  return {
    articles,
    groups,
    precision: drafts === 0 ? 0 : correct / drafts,
    drafts,
    correct,
    served: articles.reduce((t, a) => t + a.served, 0),
    heldBack: articles.reduce((t, a) => t + a.heldBack, 0),
    quizzesOfTenDue: due.length,
    quizzesOfTen: articles.filter((a) => due.includes(a.slug) && a.defaultQuiz.length >= 10).length,
  };
}

/** Every `every`-th item from the first, so a sample spreads over all articles; all when `size` is absent. */
function spread<T>(items: T[], size: number | undefined): Set<T> {
  if (size === undefined || size >= items.length) return new Set(items);
  const every = items.length / size;
  return new Set(Array.from({ length: size }, (_, i) => items[Math.floor(i * every)]!));
}

function articleHeading(article: CorpusArticle, slug: string): string {
  return `## ${article.title} (${article.outlet}, ${article.publishedOn}) — \`${slug}\``;
}

/**
 * A grading sheet for a reviewer who has not seen the rules: the served questions of the
 * given articles (all, or a sample of `sample` spread evenly over them), with options, the
 * expected answer and its quote, and a blank verdict. Markdown, one section per article.
 */
export function gradingSheet(results: CorpusArticleResult[], corpus: CorpusArticle[], sample?: number): string {
  const lines: string[] = [
    "# Questions to grade",
    "",
    "For each question: **ok** when it has exactly one defensible answer, gives nothing away, its",
    "wrong options are of the answer's kind and world, it is grammatical English, and its quote is",
    "in the article; otherwise **bad**, with the reason.",
    "",
  ];
  const chosen = spread(
    results.flatMap((r) => r.questions.filter((q) => !q.heldBackReason)),
    sample,
  );
  for (const result of results) {
    const article = corpus.find((a) => a.slug === result.slug)!;
    const served = result.questions.filter((q) => !q.heldBackReason);
    if (!served.some((q) => chosen.has(q))) continue;
    lines.push(articleHeading(article, result.slug), "");
    served.forEach((q, index) => {
      if (!chosen.has(q)) return;
      // The right answer as the teacher's review shows it.
      const { answer } = toPreviewQuestion(q);
      lines.push(`${index + 1}. [${q.type}] ${q.stem}`);
      if (q.options.length > 0 && q.type !== "MATCHING" && q.type !== "ORDERING") {
        lines.push(`   - options: ${q.options.map((o) => (o.isCorrect ? `**${o.text}**` : o.text)).join(" | ")}`);
      }
      lines.push(`   - answer: ${answer}`, `   - quote: “${q.quote}”`, `   - verdict: `, "");
    });
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A sheet for grading precision as a reader would: every draft fact of the given articles, as
 * the teacher's review shows it (subject, relation, answer with its bound and unit, who said
 * it, as of when, the sentence), matched to the gold list or not, with a blank verdict.
 */
export function draftFactsSheet(results: CorpusArticleResult[], corpus: CorpusArticle[]): string {
  const lines: string[] = [
    "# Draft facts to grade",
    "",
    "For each draft fact: **ok** when a careful teacher would publish it as it stands: the article",
    "states it (as of that date, by that speaker where one is named), the subject is a phrase",
    "that stands on its own, and the answer is right, with its bound (at least, about…) and unit;",
    "otherwise **bad**, with the reason.",
    "",
  ];
  for (const result of results) {
    const article = corpus.find((a) => a.slug === result.slug)!;
    lines.push(articleHeading(article, result.slug), "");
    result.draftFacts.forEach((d, index) => {
      const value = [d.qualifier, d.answer, d.unit].filter(Boolean).join(" ");
      lines.push(`${index + 1}. [${d.kind}] ${d.subject} — ${d.relation} — **${value}**`);
      if (d.claimedBy) lines.push(`   - said by: ${d.claimedBy}`);
      lines.push(`   - as of: ${d.asOf}`, `   - quote: “${d.quote}”`, `   - verdict: `, "");
    });
  }
  return `${lines.join("\n")}\n`;
}
