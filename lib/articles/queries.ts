// Reading articles for the library. Articles are public to every signed-in or anonymous
// reader: reading an article is part of studying it.
import "server-only";

import type { Db } from "@/lib/db/client";

/**
 * Articles a reader may open: shipped and shared ones for everyone; a teacher's own imports;
 * and a teacher's imports for the students in that teacher's classes.
 */
export function articleVisibleTo(viewer: { id: string } | null) {
  if (!viewer) return { retiredAt: null, shared: true };
  return {
    retiredAt: null,
    OR: [
      { shared: true },
      { ownerId: viewer.id },
      { owner: { classesTaught: { some: { enrolments: { some: { studentId: viewer.id, removedAt: null } } } } } },
    ],
  };
}

export interface ArticleSummary {
  slug: string;
  title: string;
  outlet: string;
  publishedOn: Date;
  factCount: number;
}

/** The library: live articles, newest first, with how many live facts each has (question banks have no text to read). */
export async function listArticles(db: Db, viewer: { id: string } | null = null): Promise<ArticleSummary[]> {
  const articles = await db.article.findMany({
    where: { ...articleVisibleTo(viewer), source: { not: "BANK" } },
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

/** An article to read (a question bank has no text: its page does not exist). */
export async function findArticleBySlug(db: Db, slug: string, viewer: { id: string } | null = null) {
  return db.article.findFirst({
    where: { slug, ...articleVisibleTo(viewer), source: { not: "BANK" } },
    select: {
      slug: true,
      title: true,
      outlet: true,
      url: true,
      publishedOn: true,
      eventOn: true,
      body: true,
      source: true,
      shared: true,
      ownerId: true,
      questionSets: { where: { kind: "ARTICLE" }, select: { id: true, _count: { select: { items: true } } } },
      _count: { select: { facts: { where: { retiredAt: null } } } },
    },
  });
}

/** An article with its live facts, as the content/ files hold them, for a reader who may see it. */
export async function findArticleForExport(db: Db, viewer: { id: string }, slug: string) {
  return db.article.findFirst({
    where: { slug, ...articleVisibleTo(viewer) },
    select: {
      title: true,
      outlet: true,
      url: true,
      publishedOn: true,
      eventOn: true,
      body: true,
      facts: {
        where: { retiredAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          key: true,
          subject: true,
          relation: true,
          answer: true,
          answerType: true,
          answerKind: true,
          unit: true,
          qualifier: true,
          quote: true,
          asOf: true,
          claimedBy: true,
          aliases: { select: { alias: true } },
          supersedes: { select: { key: true, article: { select: { slug: true } } } },
        },
      },
    },
  });
}
