// npm run bench - measured figures, printed as a table and written to bench/results/latest.md
// and latest.json (one key per figure). Timings are medians of repeated runs in this process.
// npm run bench -- --corpus DIR: drafting and question figures on the corpus (scripts/lib/corpus.ts).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { loadContent } from "../lib/content/load";
import { FactSchema } from "../lib/content/schemas";
import { draftFacts, toFactInput } from "../lib/drafting/draft";
import { evaluateDrafting } from "../lib/drafting/evaluate";
import { generateArticleQuestions } from "../lib/questions/from-content";
import { selectQuiz } from "../lib/questions/select";
import { isBuildCurrent, markBuildCurrent, sourceHash } from "./lib/build-state";
import { runHttpBench, type BenchFigure } from "./lib/bench-http";
import { corpusBenchArgs, runCorpusBench } from "./lib/corpus-bench";
import { runMain, UserFacingError } from "./lib/run-main";
import { longArticle } from "../tests/fixtures/long-article";

type Figure = BenchFigure;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, work: () => void): { first: number; median: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return { first: samples[0]!, median: median(samples.slice(1)) };
}

await runMain(async () => {
  const corpus = corpusBenchArgs(process.argv.slice(2), process.env);
  if (corpus) return runCorpusBench(corpus);
  const figures: Figure[] = [];
  const content = loadContent("content");
  for (const article of content.articles) {
    let count = 0;
    const generation = time(21, () => {
      count = generateArticleQuestions(content, article.slug).length;
    });
    const questions = generateArticleQuestions(content, article.slug);
    const selection = time(21, () => selectQuiz(questions));
    figures.push(
      {
        key: `generation_${article.slug}_ms`,
        label: `question generation, ${article.slug} (${article.facts.length} facts, ${count} questions), median`,
        value: generation.median,
        unit: "ms",
        target: "< 200",
      },
      {
        key: `generation_${article.slug}_first_ms`,
        label: `question generation, ${article.slug}, first run (cold)`,
        value: generation.first,
        unit: "ms",
      },
      {
        key: `quiz_selection_${article.slug}_ms`,
        label: `default quiz selection, ${article.slug}, median`,
        value: selection.median,
        unit: "ms",
      },
    );
  }

  // Fact drafting against the gold lists (tests/fixtures/drafting): quality and speed.
  const drafting = evaluateDrafting();
  for (const kind of drafting.overall) {
    figures.push(
      {
        key: `drafting_precision_${kind.kind}`,
        label: `drafting precision, ${kind.kind} (${kind.truePositives}/${kind.predicted})`,
        value: kind.precision,
        unit: "ratio",
        target: ">= 0.8",
      },
      {
        key: `drafting_recall_${kind.kind}`,
        label: `drafting recall, ${kind.kind} (${kind.truePositives}/${kind.gold})`,
        value: kind.recall,
        unit: "ratio",
        target: ">= 0.8",
      },
    );
  }
  figures.push({
    key: "drafting_ms_per_1000_words",
    label: `drafting time per 1,000 words (${drafting.articles.length} articles), median`,
    value: drafting.msPer1000Words,
    unit: "ms",
    target: "< 1000",
  });

  // The review page generates every question of a draft on the server's event loop: for the
  // longest article a teacher may paste, that time stalls everyone else's requests.
  {
    const body = longArticle();
    const facts = draftFacts({ title: "A long week of news", body, publishedOn: "2025-11-20" }).flatMap((draft) => {
      const parsed = FactSchema.safeParse(toFactInput(draft));
      return parsed.success ? [parsed.data] : [];
    });
    const longContent = {
      articles: [
        {
          slug: "long",
          frontMatter: { title: "A long week of news", outlet: "Wire", published: "2025-11-20" },
          body,
          facts,
        },
      ],
      entities: content.entities,
    };
    let count = 0;
    const generation = time(5, () => {
      count = generateArticleQuestions(longContent, "long").length;
    });
    figures.push({
      key: "generation_longest_draft_ms",
      label: `question generation for a draft of the longest pasteable article (${body.split(/\s+/).length} words, ${facts.length} facts, ${count} questions), median`,
      value: generation.median,
      unit: "ms",
      target: "< 1000",
    });
  }

  // HTTP figures against the production build (--smoke: a few seconds each, for CI).
  if (!process.argv.includes("--no-http")) {
    if (!isBuildCurrent()) {
      const sources = sourceHash();
      const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production" },
      });
      if (build.status !== 0) throw new UserFacingError("The build failed; see above.");
      markBuildCurrent(sources);
    }
    figures.push(...(await runHttpBench({ smoke: process.argv.includes("--smoke") })));
  }

  const rows = figures.map(
    (f) =>
      `| ${f.label} | ${f.value.toFixed(f.unit === "count" ? 0 : f.unit === "ratio" ? 2 : 1)}${f.unit === "ratio" ? "" : ` ${f.unit}`} | ${f.target ?? ""} |`,
  );
  const table = ["| figure | value | target |", "| --- | --- | --- |", ...rows].join("\n");
  console.log(table);
  mkdirSync("bench/results", { recursive: true });
  const header = `# Benchmark results\n\n${new Date().toISOString()} · Node ${process.version} · ${process.platform}/${process.arch}\n\n`;
  writeFileSync("bench/results/latest.md", `${header}${table}\n`);
  writeFileSync(
    "bench/results/latest.json",
    `${JSON.stringify(Object.fromEntries(figures.map((f) => [f.key, Number(f.value.toFixed(3))])), null, 2)}\n`,
  );
  console.log("\nWritten to bench/results/latest.md and bench/results/latest.json.");
});
