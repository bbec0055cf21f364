// Importing by link: the teacher gives an article's address, the server reads it (in the
// drafting thread: lib/drafting/draft-in-worker.ts) and hands back the extracted headline,
// outlet, author, date and text for the teacher to check before drafting, through the same
// createDraft as pasted text. An address already in Quizwire is found, not imported again:
// among what this teacher can see only (shipped and shared articles, their own imports and
// drafts), so another teacher's private import is never revealed.
import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { readArticleInWorker } from "@/lib/drafting/draft-in-worker";
import { AppError } from "@/lib/errors";
import { canonicalUrl } from "@/lib/links/canonical";
import type { ExtractedArticle } from "@/lib/links/extract";
import { LinkError, parseLink } from "@/lib/links/fetch-page";
import { getFetchAllowedHosts } from "@/lib/settings";

type Actor = Pick<CurrentUser, "id">;

export interface ExistingImport {
  kind: "article" | "draft";
  title: string;
  href: string;
}

export type LinkReading = { existing: ExistingImport } | { article: ExtractedArticle };

/** The address as stored: checked and canonical; a bad one is refused next to the field. */
export function linkOf(raw: string): string {
  try {
    return canonicalUrl(parseLink(raw).href);
  } catch (error) {
    if (error instanceof LinkError) throw new AppError("invalid_input", error.message, { url: error.message });
    throw error;
  }
}

/** The article or draft at this address that this teacher can see, if any. */
export async function findImportOfUrl(db: Db, teacher: Actor, url: string): Promise<ExistingImport | undefined> {
  const article = await db.article.findFirst({
    where: { url, retiredAt: null, OR: [{ shared: true }, { ownerId: teacher.id }] },
    orderBy: { createdAt: "asc" },
    select: { slug: true, title: true },
  });
  if (article) return { kind: "article", title: article.title, href: `/teacher/articles/${article.slug}` };
  const draft = await db.articleDraft.findFirst({
    where: { url, ownerId: teacher.id, publishedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true },
  });
  if (draft) return { kind: "draft", title: draft.title, href: `/teacher/import/${draft.id}` };
  return undefined;
}

/** The message for an address already imported, naming where it is. */
export function alreadyImported(existing: ExistingImport): string {
  return existing.kind === "article"
    ? `This article is already in Quizwire: “${existing.title}”. Open it instead of importing it again.`
    : `You already have a draft of this article: “${existing.title}”. Open it to go on reviewing.`;
}

/** Reads the article at a link for this teacher, or finds it already imported. */
export async function readLink(db: Db, teacher: Actor, raw: string): Promise<LinkReading> {
  const url = linkOf(raw);
  const before = await findImportOfUrl(db, teacher, url);
  if (before) return { existing: before };
  let article: ExtractedArticle;
  try {
    article = await readArticleInWorker(`link:${teacher.id}`, url, {
      allowPrivateHosts: await getFetchAllowedHosts(db),
    });
  } catch (error) {
    if (error instanceof LinkError) throw new AppError("invalid_input", error.message, { url: error.message });
    throw error;
  }
  // A redirect may have led to an address already imported.
  const final = canonicalUrl(article.url);
  const after = final === url ? undefined : await findImportOfUrl(db, teacher, final);
  if (after) return { existing: after };
  return { article: { ...article, url: final } };
}
