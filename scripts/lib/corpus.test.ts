import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { loadContent } from "../../lib/content/load";
import { corpusBenchArgs } from "./corpus-bench";
import { draftFactsSheet, evaluateCorpus, gradingSheet, loadCorpus } from "./corpus";
import { UserFacingError } from "./run-main";

// A corpus of one article we wrote, laid out as the real one is: gold facts in one folder (the
// committed half), the text in another (the half that stays outside the repository).
const root = mkdtempSync(path.join(os.tmpdir(), "quizwire-corpus-"));
const goldDir = path.join(root, "gold");
const textDir = path.join(root, "texts");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const meta = (split: string) => `url: https://news.example/${split}
lookup: harbour bridge reopens
topic: politics
style: wire
split: ${split}
title: Harbour bridge reopens
outlet: Example News
published: 2025-03-04
`;
write(path.join(goldDir, "bridge-2025-03-04", "meta.yaml"), meta("dev"));
write(
  path.join(goldDir, "bridge-2025-03-04", "gold.yaml"),
  `facts:
  - { kind: person-role, subject: Mara Lind, answer: transport minister }
  - { kind: number, subject: cost of the repairs in euros, answer: "40 million", qualifier: about }
  - { kind: place, subject: the bridge, answer: Rostock }
`,
);
write(path.join(goldDir, "unseen-2025-03-05", "meta.yaml"), meta("eval"));
write(path.join(goldDir, "unseen-2025-03-05", "gold.yaml"), "facts:\n  - { kind: place, subject: x, answer: y }\n");
write(
  path.join(textDir, "bridge-2025-03-04", "article.md"),
  `---
title: Harbour bridge reopens after two years
outlet: Example News
published: 2025-03-04
---

The harbour bridge in Rostock reopened on Monday after two years of repairs that cost about 40 million euros.

Transport minister Mara Lind opened the bridge to traffic at noon.
`,
);

describe("the corpus", () => {
  it("joins the committed gold facts with the texts kept outside, one split at a time", () => {
    const dev = loadCorpus(textDir, "dev", goldDir);
    expect(dev.articles.map((a) => a.slug)).toEqual(["bridge-2025-03-04"]);
    expect(dev.articles[0]).toMatchObject({
      title: "Harbour bridge reopens after two years",
      publishedOn: "2025-03-04",
    });
    expect(dev.missing).toEqual([]);
    // The evaluation article's text is not there: it is named with how to find it again.
    const evaluation = loadCorpus(textDir, "eval", goldDir);
    expect(evaluation.articles).toEqual([]);
    expect(evaluation.missing.map((m) => [m.slug, m.meta.lookup])).toEqual([
      ["unseen-2025-03-05", "harbour bridge reopens"],
    ]);
  });

  it("reads each line of a text as a paragraph, as a teacher's paste reaches the drafter", () => {
    const lines = path.join(root, "lines");
    write(path.join(lines, "gold", "bridge-2025-03-04", "meta.yaml"), meta("dev"));
    write(
      path.join(lines, "gold", "bridge-2025-03-04", "gold.yaml"),
      "facts:\n  - { kind: place, subject: x, answer: y }\n",
    );
    write(
      path.join(lines, "texts", "bridge-2025-03-04", "article.md"),
      "---\ntitle: T\npublished: 2025-03-04\n---\nROSTOCK: The bridge reopened.\nMara Lind opened it.\n",
    );
    const body = loadCorpus(path.join(lines, "texts"), "dev", path.join(lines, "gold")).articles[0]?.body;
    expect(body).toBe("ROSTOCK: The bridge reopened.\n\nMara Lind opened it.");
  });

  it("says which file is wrong and where", () => {
    write(path.join(goldDir, "broken-2025-03-06", "meta.yaml"), meta("later"));
    write(path.join(goldDir, "broken-2025-03-06", "gold.yaml"), "facts: []\n");
    try {
      expect(() => loadCorpus(textDir, "dev", goldDir)).toThrow(/broken-2025-03-06\/meta\.yaml: split:/);
    } finally {
      rmSync(path.join(goldDir, "broken-2025-03-06"), { recursive: true });
    }
  });

  it("scores the drafts against the gold facts and grades the questions they lead to", () => {
    const { articles } = loadCorpus(textDir, "dev", goldDir);
    const result = evaluateCorpus(articles, loadContent("content"));
    const people = result.groups.find((g) => g.name === "people and roles")!;
    expect(people).toMatchObject({ gold: 1 });
    expect(result.drafts).toBeGreaterThan(0);
    expect(result.correct).toBeLessThanOrEqual(result.drafts);
    expect(result.served + result.heldBack).toBe(result.articles[0]!.questions.length);
    const sheet = gradingSheet(result.articles, articles);
    expect(sheet).toContain("## Harbour bridge reopens after two years (Example News, 2025-03-04)");
    for (const question of result.articles[0]!.questions.filter((q) => !q.heldBackReason)) {
      expect(sheet).toContain(question.stem);
    }
  });

  it("samples the sheet evenly and lists every draft fact for grading precision", () => {
    const { articles } = loadCorpus(textDir, "dev", goldDir);
    const result = evaluateCorpus(articles, loadContent("content"));
    const served = result.articles[0]!.questions.filter((q) => !q.heldBackReason);
    expect(served.length).toBeGreaterThan(2);
    const sample = gradingSheet(result.articles, articles, 2);
    expect(sample.match(/^\d+\. \[/gm)).toHaveLength(2);
    expect(sample).toContain(served[0]!.stem);
    const drafts = draftFactsSheet(result.articles, articles);
    expect(drafts.match(/^\d+\. \[/gm)).toHaveLength(result.drafts);
    for (const draft of result.articles[0]!.draftFacts) expect(drafts).toContain(draft.quote);
  });

  it("says how to call it when a flag is missing its value", () => {
    const args = (...argv: string[]) => corpusBenchArgs(["--corpus", "/c", ...argv], {});
    expect(args("--sheet", "/tmp/s.md", "--sample", "50", "--drafts-sheet", "/tmp/d.md")).toEqual({
      dir: "/c",
      split: "dev",
      sheet: "/tmp/s.md",
      sample: 50,
      draftsSheet: "/tmp/d.md",
    });
    expect(() => args("--sheet", "/tmp/s.md", "--sample", "ten")).toThrow(/--sample takes a whole number/);
    expect(() => args("--sample", "10")).toThrow(/--sample needs --sheet/);
    expect(() => args("--drafts-sheet")).toThrow(UserFacingError);
    expect(() => args("--sheet", "--split", "dev")).toThrow(/--sheet needs a file/);
  });
});
