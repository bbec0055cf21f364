// npm run bench -- --corpus DIR [--split dev|eval|all] [--sheet FILE [--sample N]] [--drafts-sheet FILE]
// Drafting and question figures on the development corpus (see scripts/lib/corpus.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { loadContent } from "../../lib/content/load";
import { draftFacts } from "../../lib/drafting/draft";
import { draftFactsSheet, evaluateCorpus, gradingSheet, loadCorpus, SPLITS, type Split } from "./corpus";
import { UserFacingError } from "./run-main";

export interface CorpusBenchArgs {
  dir: string;
  split: Split;
  sheet?: string;
  /** Questions on the sheet: a sample spread evenly over the articles (all when absent). */
  sample?: number;
  draftsSheet?: string;
}

/** `--corpus DIR` (or QUIZWIRE_CORPUS_DIR with `--corpus` alone), `--split`, `--sheet`, `--sample`, `--drafts-sheet`. */
export function corpusBenchArgs(argv: string[], env: Record<string, string | undefined>): CorpusBenchArgs | undefined {
  const at = argv.indexOf("--corpus");
  if (at < 0) return undefined;
  const next = argv[at + 1];
  const dir = next && !next.startsWith("--") ? next : env.QUIZWIRE_CORPUS_DIR;
  if (!dir)
    throw new UserFacingError("--corpus needs the folder that holds the corpus articles (or set QUIZWIRE_CORPUS_DIR).");
  const splitAt = argv.indexOf("--split");
  const split = (splitAt < 0 ? "dev" : argv[splitAt + 1]) as Split;
  if (!SPLITS.includes(split)) throw new UserFacingError(`--split takes one of: ${SPLITS.join(", ")}.`);
  const valueOf = (flag: string, what: string) => {
    const index = argv.indexOf(flag);
    if (index < 0) return undefined;
    const value = argv[index + 1];
    if (!value || value.startsWith("--")) throw new UserFacingError(`${flag} needs ${what}.`);
    return value;
  };
  const sheet = valueOf("--sheet", "a file to write the grading sheet to");
  const draftsSheet = valueOf("--drafts-sheet", "a file to write the draft facts' grading sheet to");
  const sampleText = valueOf("--sample", "how many questions to put on the sheet (a whole number)");
  const sample = sampleText === undefined ? undefined : Number(sampleText);
  if (sample !== undefined && !(Number.isInteger(sample) && sample > 0))
    throw new UserFacingError(`--sample takes a whole number of questions, not "${sampleText}".`);
  if (sample !== undefined && !sheet) throw new UserFacingError("--sample needs --sheet FILE to write the sample to.");
  return { dir, split, sheet, sample, draftsSheet };
}

const pct = (value: number) => `${(value * 100).toFixed(0)}%`;

export function runCorpusBench({ dir, split, sheet, sample, draftsSheet }: CorpusBenchArgs): void {
  let loaded: ReturnType<typeof loadCorpus>;
  try {
    loaded = loadCorpus(dir, split);
  } catch (error) {
    // A missing folder or a broken meta.yaml/gold.yaml: the message names the file and field.
    throw new UserFacingError(error instanceof Error ? error.message : String(error));
  }
  const { articles, missing } = loaded;
  for (const { slug, meta } of missing) {
    console.warn(`Not in ${dir}: ${slug} (${meta.outlet}, ${meta.published}): ${meta.url} (look-up: ${meta.lookup})`);
  }
  if (articles.length === 0) throw new UserFacingError(`No ${split} article of the corpus is in ${dir}.`);
  const world = loadContent("content");
  const evaluation = evaluateCorpus(articles, world);

  const words = articles.reduce((t, a) => t + a.body.split(/\s+/).filter(Boolean).length, 0);
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    for (const a of articles) draftFacts({ title: a.title, body: a.body, publishedOn: a.publishedOn });
    runs.push(performance.now() - started);
  }
  const msPer1000 = ([...runs].sort((a, b) => a - b)[1]! / words) * 1000;

  const recallOf = (result: (typeof evaluation.articles)[number], kinds: string[]) => {
    const rows = result.score.kinds.filter((k) => kinds.includes(k.kind));
    const gold = rows.reduce((t, k) => t + k.gold, 0);
    return gold === 0 ? "–" : `${rows.reduce((t, k) => t + k.truePositives, 0)}/${gold}`;
  };
  const perArticle = [
    "| article | words | drafts | matched | people | numbers | places | served | held back | facts served | quiz (without give-away rule) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...evaluation.articles.map(
      (a) =>
        `| ${a.slug} | ${a.words} | ${a.drafts} | ${a.correct} | ${recallOf(a, ["person-role", "relation"])} | ${recallOf(a, ["number"])} | ${recallOf(a, ["place"])} | ${a.served} | ${a.heldBack} | ${a.factsServed} | ${a.defaultQuiz.length} (${a.quizWithoutGiveawayRule}) |`,
    ),
  ].join("\n");
  // Why quizzes are short: an article with fewer than 10 facts serving a question cannot fill one;
  // the others lose questions to the rule that no question gives another's answer away.
  const short = evaluation.articles.filter((a) => a.defaultQuiz.length < 10);
  const shortByFacts = short.filter((a) => a.quizWithoutGiveawayRule < 10).length;
  const shortByGiveaways = short.length - shortByFacts;
  const quizTotal = evaluation.articles.reduce((t, a) => t + a.defaultQuiz.length, 0);
  const quizWithoutRule = evaluation.articles.reduce((t, a) => t + a.quizWithoutGiveawayRule, 0);
  const targets: Record<string, string> = { "people and roles": ">= 0.8", numbers: ">= 0.8", places: ">= 0.8" };
  const questions = evaluation.served + evaluation.heldBack;
  const summary = [
    "| figure | value | target |",
    "| --- | --- | --- |",
    ...evaluation.groups.map(
      (g) =>
        `| strict recall, ${g.name} (${g.matched}/${g.gold}) | ${g.recall.toFixed(2)} | ${targets[g.name] ?? ""} |`,
    ),
    `| precision over all drafts (${evaluation.correct}/${evaluation.drafts}) | ${evaluation.precision.toFixed(2)} | >= 0.9 |`,
    `| questions from the matched drafts: served / held back | ${evaluation.served} / ${evaluation.heldBack} (${questions === 0 ? "–" : pct(evaluation.heldBack / questions)} held back) | |`,
    `| articles with 10+ gold facts serving a default quiz of 10+ | ${evaluation.quizzesOfTen}/${evaluation.quizzesOfTenDue} | all |`,
    `| quizzes under 10: too few facts serve a question / cut short by the give-away rule | ${shortByFacts} / ${shortByGiveaways} | |`,
    `| default quiz questions, in all: as served / without the give-away rule | ${quizTotal} / ${quizWithoutRule} | |`,
    `| drafting time per 1,000 words, median of 3 | ${msPer1000.toFixed(0)} ms | < 1000 |`,
  ].join("\n");
  const heading = `Corpus: ${articles.length} ${split === "all" ? "" : `${split} `}articles (${words} words) from ${dir}`;
  const note =
    "Matching is automatic (lib/drafting/evaluate.ts: same kind, same value, subjects sharing a content word), " +
    "so precision counts a right fact missing from the gold list as wrong, and recall may credit a subject a " +
    "teacher would not accept. Whether the served questions are well-formed is graded by a reader: --sheet FILE.";
  console.log(`${heading}\n\n${perArticle}\n\n${summary}\n\n${note}`);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/corpus-${split}.md`, `# ${heading}\n\n${perArticle}\n\n${summary}\n\n${note}\n`);
  console.log(`\nWritten to bench/results/corpus-${split}.md.`);
  if (sheet) {
    mkdirSync(path.dirname(path.resolve(sheet)), { recursive: true });
    writeFileSync(sheet, gradingSheet(evaluation.articles, articles, sample));
    console.log(`Grading sheet (${Math.min(sample ?? Infinity, evaluation.served)} questions) written to ${sheet}.`);
  }
  if (draftsSheet) {
    mkdirSync(path.dirname(path.resolve(draftsSheet)), { recursive: true });
    writeFileSync(draftsSheet, draftFactsSheet(evaluation.articles, articles));
    console.log(`Draft facts' grading sheet (${evaluation.drafts} drafts) written to ${draftsSheet}.`);
  }
}
