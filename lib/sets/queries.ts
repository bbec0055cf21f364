// Question sets and the question bank, as a teacher sees them: their own sets, the sets other
// teachers shared, every article's quiz, and every generated question with its status.
import { articleVisibleTo } from "@/lib/articles/queries";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { QuestionType } from "@/lib/generated/sqlite/enums";

type Actor = Pick<CurrentUser, "id">;

/** Sets a teacher may assign: their own, shared ones, and the articles' quizzes. */
export function visibleSetWhere(teacher: Actor) {
  return { OR: [{ ownerId: teacher.id }, { shared: true, kind: { in: ["CUSTOM" as const, "ARTICLE" as const] } }] };
}

export async function listTeacherSets(db: Db, teacher: Actor) {
  const sets = await db.questionSet.findMany({
    where: { kind: { not: "REVIEW" }, ...visibleSetWhere(teacher) },
    orderBy: [{ kind: "desc" }, { updatedAt: "desc" }],
    select: {
      id: true,
      title: true,
      kind: true,
      shared: true,
      ownerId: true,
      owner: { select: { displayName: true } },
      article: { select: { slug: true } },
      _count: { select: { items: true } },
    },
  });
  return sets.map((s) => ({
    id: s.id,
    title: s.title,
    kind: s.kind,
    shared: s.shared,
    mine: s.ownerId === teacher.id,
    ownerName: s.owner?.displayName ?? null,
    articleSlug: s.article?.slug ?? null,
    questionCount: s._count.items,
  }));
}

export async function findVisibleSet(db: Db, teacher: Actor, setId: string) {
  return db.questionSet.findFirst({
    where: { id: setId, kind: { not: "REVIEW" }, ...visibleSetWhere(teacher) },
    select: {
      id: true,
      title: true,
      kind: true,
      shared: true,
      ownerId: true,
      items: {
        orderBy: { position: "asc" },
        select: {
          question: {
            select: {
              id: true,
              type: true,
              stem: true,
              status: true,
              article: { select: { title: true, slug: true } },
            },
          },
        },
      },
    },
  });
}

/** Every question of an article the teacher can see (held back and retired included). */
export async function listArticleQuestions(db: Db, teacher: Actor, slug: string, type?: QuestionType) {
  const article = await db.article.findFirst({
    where: { slug, ...articleVisibleTo(teacher) },
    select: { id: true, slug: true, title: true },
  });
  if (!article) return null;
  const questions = await db.question.findMany({
    where: { articleId: article.id, ...(type ? { type } : {}) },
    orderBy: [{ status: "asc" }, { type: "asc" }, { key: "asc" }],
    select: {
      id: true,
      type: true,
      status: true,
      heldBackReason: true,
      stem: true,
      explanation: true,
      quote: true,
      version: true,
      answerText: true,
      editedBy: { select: { displayName: true } },
      retiredBy: { select: { displayName: true } },
      options: {
        orderBy: { position: "asc" },
        select: { text: true, isCorrect: true, matchText: true, correctPosition: true },
      },
      reports: { where: { resolvedAt: null }, select: { reason: true } },
    },
  });
  return { article, questions };
}

export async function listArticlesForSets(db: Db, teacher: Actor) {
  return db.article.findMany({
    where: articleVisibleTo(teacher),
    orderBy: { publishedOn: "desc" },
    select: { slug: true, title: true, _count: { select: { questions: { where: { status: "SERVED" } } } } },
  });
}
