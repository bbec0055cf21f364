// Content files -> generator input. The storage code and the tests build generator input the
// same way, through these functions.
import type { ArticleContent, Content } from "@/lib/content/load";
import type { EntityInput, FactInput } from "@/lib/content/schemas";
import { generateQuestions } from "@/lib/questions/generate";
import type { GeneratedQuestion, GeneratorArticle, GeneratorEntity, GeneratorFact } from "@/lib/questions/types";

export function toGeneratorArticle(article: ArticleContent): GeneratorArticle {
  return {
    slug: article.slug,
    title: article.frontMatter.title,
    outlet: article.frontMatter.outlet,
    publishedOn: article.frontMatter.published,
    body: article.body,
  };
}

export function toGeneratorFact(fact: FactInput, superseded = false): GeneratorFact {
  return {
    key: fact.id,
    subject: fact.subject,
    relation: fact.relation,
    answer: fact.answer,
    type: fact.type,
    ...(fact.kind !== undefined ? { kind: fact.kind } : {}),
    ...(fact.unit !== undefined ? { unit: fact.unit } : {}),
    ...(fact.qualifier !== undefined ? { qualifier: fact.qualifier } : {}),
    aliases: [...fact.aliases],
    quote: fact.quote,
    asOf: fact.asOf,
    ...(fact.claimedBy !== undefined ? { claimedBy: fact.claimedBy } : {}),
    ...(superseded ? { superseded: true } : {}),
  };
}

export function toGeneratorEntity(entity: EntityInput): GeneratorEntity {
  return {
    key: entity.id,
    name: entity.name,
    type: entity.type,
    ...(entity.kind !== undefined ? { kind: entity.kind } : {}),
    ...(entity.role !== undefined ? { role: entity.role } : {}),
    ...(entity.country !== undefined ? { country: entity.country } : {}),
    ...(entity.within !== undefined ? { within: entity.within } : {}),
    ...(entity.world !== undefined ? { world: entity.world } : {}),
    aliases: [...entity.aliases],
  };
}

/** "slug#fact-id" of every fact that a fact of another article supersedes. */
export function supersededFactIds(content: Pick<Content, "articles">): Set<string> {
  const ids = new Set<string>();
  for (const article of content.articles)
    for (const fact of article.facts) if (fact.supersedes) ids.add(fact.supersedes);
  return ids;
}

/** The generator's input for one article of the loaded content. */
export function generatorInput(
  content: Pick<Content, "articles" | "entities">,
  slug: string,
  alsoSuperseded: ReadonlySet<string> = new Set(),
): { article: GeneratorArticle; facts: GeneratorFact[]; entities: GeneratorEntity[] } {
  const article = content.articles.find((a) => a.slug === slug);
  if (!article) throw new Error(`No article "${slug}" in the content`);
  const superseded = new Set([...supersededFactIds(content), ...alsoSuperseded]);
  return {
    article: toGeneratorArticle(article),
    facts: article.facts.map((fact) => toGeneratorFact(fact, superseded.has(`${slug}#${fact.id}`))),
    entities: content.entities.map(toGeneratorEntity),
  };
}

/** All questions for one article of the loaded content (what the content load stores, and the benchmark times). */
export function generateArticleQuestions(
  content: Pick<Content, "articles" | "entities">,
  slug: string,
  alsoSuperseded: ReadonlySet<string> = new Set(),
): GeneratedQuestion[] {
  const { article, facts, entities } = generatorInput(content, slug, alsoSuperseded);
  return generateQuestions(article, facts, entities);
}
