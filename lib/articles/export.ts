// An article as the content/ files hold it (article.md, facts.yaml), so a teacher's import can
// join the shipped content.
import "server-only";

import { stringify } from "yaml";

import type { findArticleForExport } from "@/lib/articles/queries";

export type ExportedArticle = NonNullable<Awaited<ReturnType<typeof findArticleForExport>>>;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** facts.yaml: the article's live facts. */
export function factsYaml(article: ExportedArticle): string {
  const facts = article.facts.map((f) => ({
    id: f.key,
    subject: f.subject,
    relation: f.relation,
    answer: f.answer,
    type: f.answerType.toLowerCase(),
    ...(f.answerKind ? { kind: f.answerKind } : {}),
    ...(f.aliases.length ? { aliases: f.aliases.map((a) => a.alias) } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.qualifier ? { qualifier: f.qualifier } : {}),
    quote: f.quote,
    asOf: day(f.asOf),
    ...(f.claimedBy ? { claimedBy: f.claimedBy } : {}),
    ...(f.supersedes[0] ? { supersedes: `${f.supersedes[0].article.slug}#${f.supersedes[0].key}` } : {}),
  }));
  return stringify({ facts }, { lineWidth: 0 });
}

/** article.md: front matter, then the body. */
export function articleMarkdown(article: ExportedArticle): string {
  const frontMatter = stringify({
    title: article.title,
    outlet: article.outlet,
    ...(article.url ? { url: article.url } : {}),
    published: day(article.publishedOn),
    ...(article.eventOn ? { eventDate: day(article.eventOn) } : {}),
  });
  return `---\n${frontMatter}---\n\n${article.body}\n`;
}
