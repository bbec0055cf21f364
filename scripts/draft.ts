// npm run draft path/to/article.txt --published YYYY-MM-DD [--json]   (npm's `--` optional)
// Drafts facts from a news article offline and prints them as facts.yaml (or JSON with --json).
// Accepts plain text (an optional first line is the title) or an article.md with front matter
// (title, outlet, published), in which case --published may be left out.
import { existsSync, readFileSync } from "node:fs";

import { parse as parseYaml } from "yaml";

import { draftFacts, loadNlp, toFactsYaml } from "../lib/drafting/draft";
import { normaliseBody } from "../lib/drafting/text";
import { articleTextProblems } from "../lib/drafting/validate-text";
import { DRAFT_USAGE, parseDraftArgs } from "./lib/draft-args";
import { runMain, UserFacingError } from "./lib/run-main";

interface Article {
  title: string;
  outlet: string;
  url?: string;
  publishedOn?: string;
  body: string;
}

function readArticle(file: string): Article {
  if (!existsSync(file)) throw new UserFacingError(`No such file: ${file}`);
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (front) {
    let data: unknown;
    try {
      data = parseYaml(front[1] ?? "", { schema: "core" });
    } catch (error) {
      throw new UserFacingError(
        `${file}: the front matter is not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`,
      );
    }
    const fields = (typeof data === "object" && data ? data : {}) as Record<string, unknown>;
    const str = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
    return {
      title: str(fields.title) ?? "",
      outlet: str(fields.outlet) ?? "",
      url: str(fields.url),
      publishedOn: str(fields.published),
      body: (front[2] ?? "").trim(),
    };
  }
  // Plain text: a short first line followed by a blank line is the headline.
  const lines = text.split(/\r?\n/);
  const first = (lines[0] ?? "").trim();
  const hasTitle =
    first.length > 0 && first.length <= 200 && !/[.!?]["”]?$/.test(first) && (lines[1] ?? "").trim() === "";
  return {
    title: hasTitle ? first : "Untitled article",
    outlet: "Unknown outlet",
    body: normaliseBody(hasTitle ? lines.slice(1).join("\n") : text),
  };
}

async function main(): Promise<void> {
  const args = parseDraftArgs(process.argv.slice(2), process.env);
  const article = readArticle(args.file);
  const publishedOn = args.published ?? article.publishedOn;
  if (!publishedOn) throw new UserFacingError(`Give the publication date with --published YYYY-MM-DD.\n${DRAFT_USAGE}`);
  const problems = articleTextProblems({ ...article, publishedOn }, new Date());
  if (problems.length > 0) {
    throw new UserFacingError(
      `${args.file} cannot be drafted from:\n${problems.map((p) => `  ${p.field === "publishedOn" ? "published" : p.field}: ${p.message}`).join("\n")}`,
    );
  }
  loadNlp();
  const drafts = draftFacts({ title: article.title, body: article.body, publishedOn });
  if (args.json) {
    process.stdout.write(`${JSON.stringify(drafts, null, 2)}\n`);
  } else {
    process.stdout.write(toFactsYaml(drafts, article.title));
  }
  await Promise.resolve();
}

void runMain(main);
