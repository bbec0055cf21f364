// Scores the drafting engine against hand-written gold facts (tests/fixtures/drafting/<slug>/).
//
// Matching rule, kept strict on purpose: a draft matches a gold fact when
//   1. they have the same kind, and
//   2. their answers match after normalisation (case, punctuation, accents, a leading article
//      and a possessive 's dropped; "defence" = "defense"): equal to the gold answer or one of
//      its aliases. Numbers match on their value ("1,000" = "one thousand"; "1.2" with unit
//      "million people" = "1.2 million"). A person (relation kind) also matches on the surname
//      alone when the draft gives only a surname. A date matches when it is the same calendar
//      day or month as the gold writes it: the draft resolves "Sunday" or "July 12" against the
//      publication date to YYYY-MM-DD, the gold may keep the article's words ("Sunday", "July
//      12", "December"), so a draft on a Sunday matches "Sunday", 1998-07-12 matches "July 12"
//      and "December 2020" matches "December". A role matches in its "of" form ("Turkey's
//      foreign minister" = "foreign minister of Turkey"), and each of two roles joined by "and"
//      or a post without where it is held ("at ...") is the role; a counterpart of a post matches
//      the counterpart of its holder named after it ("counterpart of the Prime Minister" =
//      "counterpart of Prime Minister Ana Lopes"). A place matches with or without a direction
//      before it ("northern British Columbia" = "British Columbia"). No other partial or
//      substring matching.
//   3. their subjects overlap: for person-role the person's name is equal after normalisation
//      and without an honorific before it ("Dr. Ana Lee" = "Ana Lee");
//      for every other kind the two subjects share at least one content word (words of three
//      letters or more, plural -s dropped, leaving out function words and words that every
//      attribution has: report, statement, said, told ...). A date's or a place's draft split
//      from a clause says its event in subject and relation together ("Six people" | "died in a
//      cholera outbreak in"), as the teacher's review shows it: both are its subject here.
// Each draft and each gold fact is used at most once: candidate pairs are taken greedily, the
// pair whose subjects share the most words first.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { parse as parseYaml } from "yaml";
import { z } from "zod";

import { isIsoDate, parseDate, parseMonthYear, weekdayOf, MONTHS, WEEKDAYS } from "@/lib/questions/dates";
import { readNumber } from "@/lib/questions/numbers";
import { normaliseAnswer } from "@/lib/questions/normalise";

import { DRAFT_KINDS, draftFacts, loadNlp, type DraftFact, type DraftKind } from "./draft";

export const GoldFactSchema = z.strictObject({
  kind: z.enum(DRAFT_KINDS),
  subject: z.string().min(1),
  answer: z.union([z.string(), z.number()]).transform(String),
  aliases: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  /** Numbers: the bound the article gives ("at least", "nearly", "less than", ...). */
  qualifier: z.string().min(1).optional(),
  /** Numbers: the unit, when the subject does not already say it. */
  unit: z.string().min(1).optional(),
  /** A claim rather than the outlet's own statement: who made it. */
  said_by: z.string().min(1).optional(),
  /** A figure the article later replaces (an interim count); the final one is its own fact. */
  interim: z.boolean().optional(),
});
export type GoldFact = z.infer<typeof GoldFactSchema>;

export const GoldFileSchema = z.strictObject({ facts: z.array(GoldFactSchema).min(1) });

export interface KindScore {
  kind: DraftKind;
  precision: number;
  recall: number;
  truePositives: number;
  predicted: number;
  gold: number;
}

export interface ArticleScore {
  slug: string;
  words: number;
  kinds: KindScore[];
  /** Drafts that matched no gold fact, and gold facts no draft matched: for reading, not scoring. */
  falsePositives: DraftFact[];
  missed: GoldFact[];
}

export interface DraftingEvaluation {
  articles: ArticleScore[];
  overall: KindScore[];
  /** Median over 5 runs of the time to draft every article, per 1,000 words; the one-off library load excluded. */
  msPer1000Words: number;
}

export interface FixtureArticle {
  slug: string;
  title: string;
  publishedOn: string;
  body: string;
  gold: GoldFact[];
}

/** Reads `<dir>/<slug>/article.md` (front matter: title, outlet, published) and `gold.yaml`. */
export function loadFixtures(dir = "tests/fixtures/drafting"): FixtureArticle[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((slug) => {
      const text = readFileSync(path.join(dir, slug, "article.md"), "utf8");
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${slug}/article.md: no front matter`);
      const front = z
        .object({ title: z.string(), published: z.string() })
        .parse(parseYaml(match[1] ?? "", { schema: "core" }));
      const gold = GoldFileSchema.parse(parseYaml(readFileSync(path.join(dir, slug, "gold.yaml"), "utf8"))).facts;
      return { slug, title: front.title, publishedOn: front.published, body: (match[2] ?? "").trim(), gold };
    });
}

const GENERIC_WORDS = new Set(
  `the and for with from that this its their his her was were are has have had been not but into over after before about
  report reported reports statement said says told comment claim per works work according`.split(/\s+/),
);

function subjectWords(text: string): Set<string> {
  return new Set(
    normaliseAnswer(text)
      .split(" ")
      .filter((w) => w.length >= 3 && !GENERIC_WORDS.has(w))
      .map((w) => (w.length > 3 ? w.replace(/s$/, "") : w)),
  );
}

const norm = (text: string): string => normaliseAnswer(text.replace(/defence/gi, "defense"));

function numericValue(answer: string, unit?: string): number | undefined {
  return readNumber(`${answer} ${unit ?? ""}`.trim())?.value;
}

/** Whether a draft date (YYYY-MM-DD or "March 2022") is the day or month a gold answer writes. */
export function sameCalendarDate(draft: string, gold: string): boolean {
  const written = gold.trim().replace(/^(on|the)\s+/i, "");
  const weekday = WEEKDAYS.find((day) => day.toLowerCase() === written.toLowerCase());
  if (isIsoDate(draft)) {
    if (weekday) return weekdayOf(draft) === weekday;
    const year = Number(draft.slice(0, 4));
    return parseDate(written, year) === draft;
  }
  const month = parseMonthYear(draft);
  if (!month) return false;
  const goldMonth = MONTHS.findIndex((name) => name.toLowerCase() === written.toLowerCase()) + 1;
  if (goldMonth > 0) return goldMonth === month.month;
  const full = parseMonthYear(written);
  return !!full && full.month === month.month && full.year === month.year;
}

/** "northern British Columbia" -> "British Columbia": a region of a place names the place ("North Korea" stays). */
const withoutDirection = (place: string): string =>
  place.trim().replace(/^(?:northern|southern|eastern|western|central|(?:north|south)-?(?:east|west)ern) /, "");

/** "The Evening Hour's guest host" -> "guest host of The Evening Hour"; anything else as it is. */
function roleOfForm(role: string): string {
  const possessive = /^((?:the )?\p{Lu}[\p{L}.-]*(?: \p{Lu}[\p{L}.-]*)*)['’]s (.+)$/iu.exec(role.trim());
  return possessive ? `${possessive[2]} of ${possessive[1]}` : role;
}

/**
 * The forms of a gold role a teacher accepts: the role ("of" form for a possessive), each of two
 * roles joined by "and" ("lawyer and co-defendant"), the post without where it is held
 * ("spokesperson at the fire headquarters").
 */
function roleForms(role: string): string[] {
  const whole = roleOfForm(role);
  // Not inside a name: "Minister of Culture and Heritage" is one post.
  const roles = / of /.test(whole) ? [] : whole.split(/ and /);
  return [whole, ...roles, whole.split(/ at /)[0] ?? whole].map(norm);
}

/**
 * "Chilean counterpart of the Prime Minister" = "Chilean counterpart of Prime Minister Ana Lopes":
 * one says the post, the other names its holder after it (both normalised).
 */
function sameCounterpart(a: string, b: string): boolean {
  const saysPost = (post: string, named: string) => {
    const match = /^(.* counterpart of) the (.+)$/.exec(post);
    return !!match && named.startsWith(`${match[1]} ${match[2]} `);
  };
  return saysPost(a, b) || saysPost(b, a);
}

/** Whether the draft's answer is the gold answer (see the rule at the top of the file). */
export function answersMatch(draft: DraftFact, gold: GoldFact): boolean {
  const golds = [gold.answer, ...gold.aliases];
  if (gold.kind === "number") {
    const value = numericValue(draft.answer, draft.unit);
    return value !== undefined && golds.some((g) => numericValue(g) === value);
  }
  const answer = norm(draft.answer);
  if (golds.some((g) => norm(g) === answer)) return true;
  if (gold.kind === "place") {
    const bare = norm(withoutDirection(draft.answer));
    if (golds.some((g) => norm(withoutDirection(g)) === bare)) return true;
  }
  if (gold.kind === "person-role") {
    const role = norm(roleOfForm(draft.answer));
    return golds.some((g) => roleForms(g).includes(role) || sameCounterpart(norm(g), role));
  }
  if (gold.kind === "date") return golds.some((g) => sameCalendarDate(draft.answer, g));
  if (gold.kind === "relation" && !answer.includes(" ")) {
    return golds.some((g) => norm(g).split(" ").at(-1) === answer);
  }
  return false;
}

/** A person's name without the honorific before it: "Dr. Ana Lee" = "Ana Lee". */
const personName = (name: string): string => norm(name).replace(/^(?:dr|prof|mr|mrs|ms) /, "");

/** How many content words the subjects share (0 = no overlap); for person-role 1 when the person matches. */
export function subjectOverlap(draft: DraftFact, gold: GoldFact): number {
  if (gold.kind === "person-role") return personName(draft.subject) === personName(gold.subject) ? 1 : 0;
  const goldWords = subjectWords(gold.subject);
  const event =
    (draft.kind === "date" || draft.kind === "place") &&
    draft.relation.includes(" ") &&
    !/^happened (on|in)$/.test(draft.relation);
  // The dateline's agency is asked "Which news agency filed this report?": the teacher reads that
  // subject as the gold's "news agency that wrote the report".
  const filed = draft.kind === "organisation" && draft.relation === "filed by" ? " news agency" : "";
  let shared = 0;
  for (const word of subjectWords(event ? `${draft.subject} ${draft.relation}` : draft.subject + filed))
    if (goldWords.has(word)) shared++;
  return shared;
}

export function matchDrafts(drafts: DraftFact[], gold: GoldFact[]): Array<[DraftFact, GoldFact]> {
  const candidates: Array<{ d: number; g: number; score: number }> = [];
  drafts.forEach((draft, d) =>
    gold.forEach((fact, g) => {
      if (draft.kind !== fact.kind || !answersMatch(draft, fact)) return;
      const score = subjectOverlap(draft, fact);
      if (score > 0) candidates.push({ d, g, score });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.d - b.d || a.g - b.g);
  const usedDrafts = new Set<number>();
  const usedGold = new Set<number>();
  const pairs: Array<[DraftFact, GoldFact]> = [];
  for (const { d, g } of candidates) {
    if (usedDrafts.has(d) || usedGold.has(g)) continue;
    usedDrafts.add(d);
    usedGold.add(g);
    pairs.push([drafts[d] as DraftFact, gold[g] as GoldFact]);
  }
  return pairs;
}

function score(kind: DraftKind, truePositives: number, predicted: number, gold: number): KindScore {
  return {
    kind,
    precision: predicted === 0 ? (gold === 0 ? 1 : 0) : truePositives / predicted,
    recall: gold === 0 ? 1 : truePositives / gold,
    truePositives,
    predicted,
    gold,
  };
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function scoreArticle(article: FixtureArticle, drafts: DraftFact[]): ArticleScore {
  const pairs = matchDrafts(drafts, article.gold);
  const matchedDrafts = new Set(pairs.map(([d]) => d));
  const matchedGold = new Set(pairs.map(([, g]) => g));
  return {
    slug: article.slug,
    words: wordCount(article.body),
    kinds: DRAFT_KINDS.map((kind) =>
      score(
        kind,
        pairs.filter(([d]) => d.kind === kind).length,
        drafts.filter((d) => d.kind === kind).length,
        article.gold.filter((g) => g.kind === kind).length,
      ),
    ),
    falsePositives: drafts.filter((d) => !matchedDrafts.has(d)),
    missed: article.gold.filter((g) => !matchedGold.has(g)),
  };
}

export function evaluateDrafting(dir = "tests/fixtures/drafting"): DraftingEvaluation {
  const fixtures = loadFixtures(dir);
  loadNlp();
  const articles = fixtures.map((article) =>
    scoreArticle(article, draftFacts({ title: article.title, body: article.body, publishedOn: article.publishedOn })),
  );
  const overall = DRAFT_KINDS.map((kind) => {
    const rows = articles.map((a) => a.kinds.find((k) => k.kind === kind) as KindScore);
    const sum = (key: "truePositives" | "predicted" | "gold") => rows.reduce((total, row) => total + row[key], 0);
    return score(kind, sum("truePositives"), sum("predicted"), sum("gold"));
  });
  const words = articles.reduce((total, a) => total + a.words, 0);
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    for (const article of fixtures)
      draftFacts({ title: article.title, body: article.body, publishedOn: article.publishedOn });
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  const median = runs[2] ?? 0;
  return { articles, overall, msPer1000Words: words === 0 ? 0 : (median / words) * 1000 };
}
