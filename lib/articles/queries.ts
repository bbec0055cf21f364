// Reading articles for the library. Articles are public to every signed-in or anonymous
// reader: reading an article is part of studying it.
import type { Db } from "@/lib/db/client";

export interface ArticleSummary {
  slug: string;
  title: string;
  outlet: string;
  publishedOn: Date;
  factCount: number;
}

/** The library: live articles, newest first, with how many live facts each has. */
export async function listArticles(db: Db): Promise<ArticleSummary[]> {
  const articles = await db.article.findMany({
    where: { retiredAt: null, shared: true },
    orderBy: [{ publishedOn: "desc" }, { title: "asc" }],
    select: {
      slug: true,
      title: true,
      outlet: true,
      publishedOn: true,
      _count: { select: { facts: { where: { retiredAt: null } } } },
    },
  });
  return articles.map(({ _count, ...article }) => ({ ...article, factCount: _count.facts }));
}

export async function findArticleBySlug(db: Db, slug: string) {
  return db.article.findFirst({
    where: { slug, retiredAt: null, shared: true },
    select: {
      slug: true,
      title: true,
      outlet: true,
      url: true,
      publishedOn: true,
      eventOn: true,
      body: true,
      questionSets: { where: { kind: "ARTICLE" }, select: { id: true, _count: { select: { items: true } } } },
      _count: { select: { facts: { where: { retiredAt: null } } } },
    },
  });
}
