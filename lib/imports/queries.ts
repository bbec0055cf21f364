import "server-only";

import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { ReviewedFactsSchema } from "@/lib/imports/schemas";

type Actor = Pick<CurrentUser, "id">;

export async function listDrafts(db: Db, teacher: Actor) {
  return db.articleDraft.findMany({
    where: { ownerId: teacher.id, publishedAt: null },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, outlet: true, publishedOn: true, updatedAt: true },
  });
}

export async function listImportedArticles(db: Db, teacher: Actor) {
  return db.article.findMany({
    where: { ownerId: teacher.id, source: "IMPORT", retiredAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      slug: true,
      title: true,
      shared: true,
      _count: { select: { facts: true, questions: { where: { status: "SERVED", copyOfId: null } } } },
    },
  });
}

export async function findDraft(db: Db, teacher: Actor, draftId: string) {
  const draft = await db.articleDraft.findFirst({
    where: { id: draftId, ownerId: teacher.id, publishedAt: null },
    select: { id: true, title: true, outlet: true, url: true, publishedOn: true, body: true, factsJson: true },
  });
  return draft ? { ...draft, facts: ReviewedFactsSchema.parse(JSON.parse(draft.factsJson)) } : null;
}

/**
 * Facts a new fact may supersede: live facts of the teacher's own earlier articles. Another
 * teacher's facts are theirs to replace, and shipped ones change through content/ (publishDraft
 * refuses the rest).
 */
export async function listSupersedableFacts(db: Db, teacher: Actor, before: Date) {
  const facts = await db.fact.findMany({
    where: {
      retiredAt: null,
      supersededById: null,
      article: { ownerId: teacher.id, retiredAt: null, publishedOn: { lt: before } },
    },
    orderBy: [{ article: { publishedOn: "desc" } }, { key: "asc" }],
    take: 300,
    select: {
      key: true,
      subject: true,
      relation: true,
      answer: true,
      article: { select: { slug: true, title: true } },
    },
  });
  return facts.map((f) => ({
    ref: `${f.article.slug}#${f.key}`,
    label: `${f.subject} ${f.relation}: ${f.answer} (${f.article.title})`,
  }));
}
