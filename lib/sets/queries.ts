// Question sets and the question bank, as a teacher sees them: their own sets, the sets other
// teachers shared, the quizzes of the articles they can see, and every generated question with
// its status. What a teacher can see of an article's content follows the article
// (articleVisibleTo): another teacher's unshared import is not theirs to list, open or assign.
import "server-only";

import { articleVisibleTo } from "@/lib/articles/queries";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { QuestionType } from "@/lib/generated/sqlite/enums";
import {
  difficultyOf,
  matchesFilter,
  type PickerFact,
  type PickerFilter,
  type PickerQuestion,
  previewOf,
  searchTextOf,
} from "@/lib/sets/picker";

type Actor = Pick<CurrentUser, "id">;

/**
 * Sets a teacher may open and assign: their own; another teacher's shared set when every
 * question in it is of an article this teacher can see; and the quiz of each article they can
 * see, unless they have their own version of some of its questions (then their own copy of the
 * quiz, made with that version, stands in for it).
 */
export function visibleSetWhere(teacher: Actor) {
  return {
    OR: [
      { ownerId: teacher.id },
      {
        kind: "CUSTOM" as const,
        shared: true,
        items: { every: { question: { article: articleVisibleTo(teacher) } } },
      },
      {
        kind: "ARTICLE" as const,
        article: {
          ...articleVisibleTo(teacher),
          questions: { none: { ownerId: teacher.id, copyOfId: { not: null } } },
        },
      },
    ],
  };
}

/**
 * The questions a teacher works with, of the articles they can see: the shared ones, except
 * where the teacher has their own version (a rewording or retiring of content they do not
 * own), those versions, and the questions they wrote. Another teacher's versions and written
 * questions are never in view.
 */
export function questionInViewOf(teacher: Actor) {
  return {
    article: articleVisibleTo(teacher),
    OR: [{ copyOfId: null, ownerId: null, copies: { none: { ownerId: teacher.id } } }, { ownerId: teacher.id }],
  };
}

/** Whether the teacher's edits of an article's questions change them for everyone: its owner's, an admin's of shipped content. */
export function changesForEveryone(teacher: Pick<CurrentUser, "id" | "role">, article: { ownerId: string | null }) {
  return article.ownerId === teacher.id || (article.ownerId === null && teacher.role === "ADMIN");
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
      // Once a student has started it, a set keeps the questions they saw.
      _count: { select: { attempts: true } },
      items: {
        orderBy: { position: "asc" },
        select: {
          question: {
            select: {
              id: true,
              type: true,
              stem: true,
              status: true,
              answerText: true,
              answerNumber: true,
              tolerance: true,
              options: {
                orderBy: { position: "asc" },
                select: { text: true, isCorrect: true, matchText: true, correctPosition: true },
              },
              article: { select: { title: true, slug: true } },
            },
          },
        },
      },
    },
  });
}

/**
 * Every question of an article the teacher can see (held back and retired included), with the
 * teacher's own versions in place of the originals.
 */
export async function listArticleQuestions(
  db: Db,
  teacher: Pick<CurrentUser, "id" | "role">,
  slug: string,
  type?: QuestionType,
) {
  const found = await db.article.findFirst({
    where: { slug, ...articleVisibleTo(teacher) },
    select: { id: true, slug: true, title: true, ownerId: true },
  });
  if (!found) return null;
  const { ownerId, ...article } = found;
  const questions = await db.question.findMany({
    where: { articleId: article.id, ...questionInViewOf(teacher), ...(type ? { type } : {}) },
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
      copyOfId: true,
      ownerId: true,
      answerNumber: true,
      tolerance: true,
      editedBy: { select: { displayName: true } },
      retiredBy: { select: { displayName: true } },
      options: {
        orderBy: { position: "asc" },
        select: { text: true, isCorrect: true, matchText: true, correctPosition: true },
      },
      reports: { where: { resolvedAt: null }, select: { reason: true } },
      facts: { select: { factId: true } },
    },
  });
  // The article's default quiz (kind ARTICLE): what "Assign its quiz" assigns.
  const quiz = await db.questionSet.findUnique({
    where: { articleId: article.id },
    select: { id: true, _count: { select: { items: true } } },
  });
  return {
    article,
    quiz: quiz ? { setId: quiz.id, size: quiz._count.items } : null,
    /** The teacher's changes reach everyone; otherwise each change makes the teacher's own version. */
    changesForEveryone: changesForEveryone(teacher, { ownerId }),
    questions: questions.map(({ copyOfId, ownerId, ...q }) => ({
      ...q,
      /** The question this stands for (itself, or the original of the teacher's own version). */
      originalId: copyOfId ?? q.id,
      ownVersion: copyOfId !== null,
      /** A question the teacher wrote (lib/sets/authoring.ts). */
      written: copyOfId === null && ownerId !== null,
    })),
  };
}

export async function listArticlesForSets(db: Db, teacher: Actor) {
  return db.article.findMany({
    where: articleVisibleTo(teacher),
    orderBy: { publishedOn: "desc" },
    select: {
      slug: true,
      title: true,
      _count: { select: { questions: { where: { status: "SERVED", copyOfId: null, ownerId: null } } } },
    },
  });
}

/**
 * The question bank the picker shows: every served question in the teacher's view (their own
 * versions in place of the originals) of the articles they can see (or of one of them), with
 * its choices, right answer, facts and how hard it has proved; and those articles' facts, in
 * the order each article states them.
 */
export async function listQuestionBank(
  db: Db,
  teacher: Pick<CurrentUser, "id" | "role">,
  { articleSlug }: { articleSlug?: string } = {},
) {
  const articles = await db.article.findMany({
    where: { ...articleVisibleTo(teacher), ...(articleSlug ? { slug: articleSlug } : {}) },
    orderBy: { publishedOn: "desc" },
    select: { id: true, slug: true, title: true, body: true },
  });
  const slugOf = new Map(articles.map((a) => [a.id, a.slug]));
  const questions = await db.question.findMany({
    where: { status: "SERVED", articleId: { in: articles.map((a) => a.id) }, ...questionInViewOf(teacher) },
    orderBy: [{ type: "asc" }, { key: "asc" }],
    select: {
      id: true,
      articleId: true,
      type: true,
      stem: true,
      answerText: true,
      answerNumber: true,
      tolerance: true,
      copyOfId: true,
      options: {
        orderBy: { position: "asc" },
        select: { text: true, isCorrect: true, matchText: true, correctPosition: true },
      },
      facts: { select: { fact: { select: { id: true, subject: true, relation: true, answer: true, quote: true } } } },
    },
  });
  // How hard each question has proved: every answer to it (a teacher's own version counts its
  // original's answers too, as it asks the same), from all classes, named nowhere.
  const asked = [...new Set(questions.flatMap((q) => [q.id, ...(q.copyOfId ? [q.copyOfId] : [])]))];
  const stats = new Map<string, { answered: number; score: number }>();
  for (let at = 0; at < asked.length; at += 500) {
    const rows = await db.response.groupBy({
      by: ["questionId"],
      where: { questionId: { in: asked.slice(at, at + 500) } },
      _count: { _all: true },
      _sum: { score: true },
    });
    for (const row of rows) stats.set(row.questionId, { answered: row._count._all, score: row._sum.score ?? 0 });
  }
  const facts = new Map<string, PickerFact & { at: number; articleAt: number }>();
  const bank: PickerQuestion[] = questions.map((q) => {
    const article = articles.findIndex((a) => a.id === q.articleId);
    for (const { fact } of q.facts) {
      if (facts.has(fact.id)) continue;
      const at = articles[article]!.body.indexOf(fact.quote);
      facts.set(fact.id, {
        ...fact,
        articleSlug: slugOf.get(q.articleId)!,
        at: at < 0 ? Number.MAX_SAFE_INTEGER : at,
        articleAt: article,
      });
    }
    const own = stats.get(q.id);
    const original = q.copyOfId ? stats.get(q.copyOfId) : undefined;
    const answered = (own?.answered ?? 0) + (original?.answered ?? 0);
    const shareRight = answered ? ((own?.score ?? 0) + (original?.score ?? 0)) / answered : null;
    return {
      id: q.id,
      articleSlug: slugOf.get(q.articleId)!,
      type: q.type,
      stem: q.stem,
      ...previewOf(q),
      factIds: q.facts.map((f) => f.fact.id).sort(),
      answered,
      shareRight,
      difficulty: difficultyOf(answered, shareRight),
    };
  });
  return {
    articles: articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      served: bank.filter((q) => q.articleSlug === a.slug).length,
    })),
    facts: [...facts.values()]
      .sort((a, b) => a.articleAt - b.articleAt || a.at - b.at || a.subject.localeCompare(b.subject))
      .map(({ id, articleSlug, subject, relation, answer, quote }) => ({
        id,
        articleSlug,
        subject,
        relation,
        answer,
        quote,
      })),
    questions: bank,
  };
}

export type QuestionBank = Awaited<ReturnType<typeof listQuestionBank>>;

/** The bank's questions that match a filter, as the picker shows them (and a browser without JavaScript gets them). */
export function filterQuestionBank(bank: QuestionBank, filter: PickerFilter): PickerQuestion[] {
  const factsById = new Map(bank.facts.map((f) => [f.id, f]));
  return bank.questions.filter((q) => matchesFilter(q, searchTextOf(q, factsById), filter));
}
