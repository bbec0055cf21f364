// Changes to question sets and to questions. A teacher changes only their own sets, made of
// the questions in their view (lib/sets/queries.ts questionInViewOf). Rewording or retiring a
// question changes it for everyone only when the teacher owns its article (an admin, for
// shipped content); anyone else's change makes their own version of it (copy on write),
// which takes the original's place in their own sets and nowhere else.
import "server-only";

import { articleVisibleTo } from "@/lib/articles/queries";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { changesForEveryone, questionInViewOf } from "@/lib/sets/queries";

type Actor = Pick<CurrentUser, "id" | "role">;
type Tx = Prisma.TransactionClient;

async function requireServedQuestions(db: Db, teacher: Actor, questionIds: string[]): Promise<void> {
  const unique = [...new Set(questionIds)];
  const found = await db.question.count({
    where: { id: { in: unique }, status: "SERVED", ...questionInViewOf(teacher) },
  });
  if (found !== unique.length)
    throw new AppError(
      "invalid_input",
      "Some of those questions are held back or retired: pick served questions only.",
    );
}

/** The served questions of these articles that the teacher can see, oldest article first ("All N served questions"). */
async function servedQuestionsOf(db: Db, teacher: Actor, articleSlugs: string[]): Promise<{ id: string }[]> {
  if (articleSlugs.length === 0) return [];
  return db.question.findMany({
    where: {
      status: "SERVED",
      ...questionInViewOf(teacher),
      article: { slug: { in: articleSlugs }, ...articleVisibleTo(teacher) },
    },
    orderBy: [{ article: { publishedOn: "asc" } }, { key: "asc" }],
    select: { id: true },
  });
}

export async function createSet(
  db: Db,
  teacher: Actor,
  {
    title,
    questionIds: picked,
    articleSlugs = [],
    shared,
  }: { title: string; questionIds: string[]; articleSlugs?: string[]; shared: boolean },
) {
  const whole = await servedQuestionsOf(db, teacher, articleSlugs);
  const questionIds = [...picked, ...whole.map((q) => q.id)];
  if (questionIds.length === 0)
    throw new AppError("invalid_input", "Pick at least one question.", {
      questionIds: "Pick at least one question, or a whole article.",
    });
  await requireServedQuestions(db, teacher, questionIds);
  return db.questionSet.create({
    data: {
      title,
      kind: "CUSTOM",
      ownerId: teacher.id,
      shared,
      items: { create: [...new Set(questionIds)].map((questionId, position) => ({ questionId, position })) },
    },
    select: { id: true },
  });
}

async function requireOwnSet(db: Db, teacher: Actor, setId: string) {
  const set = await db.questionSet.findFirst({
    where: { id: setId, ownerId: teacher.id, kind: "CUSTOM" },
    select: { id: true, items: { select: { questionId: true } } },
  });
  if (!set) throw notFound("That question set");
  return set;
}

/** New order (the same questions, or a subset: questions left out are removed). */
export async function reorderSet(db: Db, teacher: Actor, setId: string, questionIds: string[]): Promise<void> {
  const set = await requireOwnSet(db, teacher, setId);
  const current = new Set(set.items.map((i) => i.questionId));
  if (questionIds.some((id) => !current.has(id)) || new Set(questionIds).size !== questionIds.length) {
    throw new AppError("invalid_input", "The new order must list questions of this set, once each.");
  }
  // Leaving questions out removes them: not from a set students have started.
  if (questionIds.length < current.size && (await db.attempt.count({ where: { setId } })) > 0) {
    throw new AppError("conflict", ANSWERED_SET_MESSAGE);
  }
  await db.$transaction([
    db.questionSetItem.deleteMany({ where: { setId } }),
    db.questionSetItem.createMany({
      data: questionIds.map((questionId, position) => ({ setId, questionId, position })),
    }),
    db.questionSet.update({ where: { id: setId }, data: { updatedAt: new Date() } }),
  ]);
}

/** A fresh random order (for a class that should not compare answers by position). */
export async function shuffleSet(db: Db, teacher: Actor, setId: string, random = Math.random): Promise<void> {
  const set = await requireOwnSet(db, teacher, setId);
  const ids = set.items.map((i) => i.questionId);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  await reorderSet(db, teacher, setId, ids);
}

export async function setSetShared(db: Db, teacher: Actor, setId: string, shared: boolean): Promise<void> {
  await requireOwnSet(db, teacher, setId);
  await db.questionSet.update({ where: { id: setId }, data: { shared } });
}

export async function renameSet(db: Db, teacher: Actor, setId: string, title: string): Promise<void> {
  await requireOwnSet(db, teacher, setId);
  await db.questionSet.update({ where: { id: setId }, data: { title } });
}

/** What a change of a question did: changed it for everyone, or made the teacher's own version. */
export interface QuestionChange {
  /** The question's version after the change (of the teacher's own version, when ownVersion). */
  version: number;
  ownVersion: boolean;
  /** The teacher's sets (not yet answered) that now use their version in place of the original. */
  setsChanged: string[];
  /** The teacher's own copy of the article's quiz, made at their first change of that article. */
  newSet: { id: string; title: string } | null;
  /** A question the teacher wrote (lib/sets/authoring.ts): changed in place, theirs alone. */
  written?: boolean;
}

/** What to tell the teacher about a change, in words. */
export function describeChange(change: QuestionChange): { version: number; ownVersion: boolean; message: string } {
  const { version, ownVersion, setsChanged, newSet } = change;
  if (change.written) return { version, ownVersion, message: `Saved as version ${version} of your question.` };
  if (!ownVersion) return { version, ownVersion, message: `Saved as version ${version} for everyone.` };
  const where = [
    ...(setsChanged.length
      ? [`your ${setsChanged.length === 1 ? "set" : "sets"} ${setsChanged.map((t) => `"${t}"`).join(", ")}`]
      : []),
    ...(newSet ? [`your new set "${newSet.title}", a copy of the article's quiz that you assign instead of it`] : []),
  ];
  return {
    version,
    ownVersion,
    message:
      "Saved as your own version: other teachers and their students keep the original." +
      (where.length ? ` It is used in ${where.join(" and in ")}.` : "") +
      " Sets your students have already answered keep what they saw.",
  };
}

const changeTarget = {
  id: true,
  articleId: true,
  status: true,
  version: true,
  stem: true,
  explanation: true,
  ownerId: true,
  copyOfId: true,
  article: { select: { ownerId: true } },
  versions: { orderBy: { version: "desc" as const }, take: 1, select: { snapshot: true } },
} as const;

/**
 * The question a teacher's change applies to: their own version of it if they have one, else
 * the question itself if it is in their view (never another teacher's version or unshared import).
 */
async function findChangeTarget(tx: Tx, teacher: Actor, questionId: string) {
  const own = await tx.question.findFirst({
    where: { copyOfId: questionId, ownerId: teacher.id, article: articleVisibleTo(teacher) },
    select: changeTarget,
  });
  if (own) return own;
  const question = await tx.question.findFirst({
    where: { id: questionId, ...questionInViewOf(teacher) },
    select: changeTarget,
  });
  if (!question) throw notFound("That question");
  return question;
}

export type ChangeTarget = Awaited<ReturnType<typeof findChangeTarget>>;
type Target = ChangeTarget;

/** The teacher's own version of a question they may not change for everyone: a full copy (options, facts, answer). */
async function copyForTeacher(
  tx: Tx,
  teacher: Actor,
  original: Target,
  change: { stem: string; explanation: string; retire: boolean },
): Promise<Target> {
  const source = await tx.question.findUniqueOrThrow({
    where: { id: original.id },
    include: { options: { orderBy: { position: "asc" } }, facts: true },
  });
  const snapshot = JSON.stringify({
    ...(JSON.parse(original.versions[0]?.snapshot ?? "{}") as object),
    stem: change.stem,
    explanation: change.explanation,
  });
  const edited = change.stem !== source.stem || change.explanation !== source.explanation;
  return tx.question.create({
    data: {
      articleId: source.articleId,
      type: source.type,
      key: `${source.key}~${teacher.id}`,
      generatorVersion: source.generatorVersion,
      status: change.retire ? "RETIRED" : source.status,
      heldBackReason: source.heldBackReason,
      stem: change.stem,
      explanation: change.explanation,
      quote: source.quote,
      asOf: source.asOf,
      answerText: source.answerText,
      answerNumber: source.answerNumber,
      tolerance: source.tolerance,
      contentHash: source.contentHash,
      copyOfId: source.id,
      ownerId: teacher.id,
      editedById: edited ? teacher.id : null,
      retiredById: change.retire ? teacher.id : null,
      options: {
        create: source.options.map(({ position, text, isCorrect, matchText, correctPosition }) => ({
          position,
          text,
          isCorrect,
          matchText,
          correctPosition,
        })),
      },
      facts: { create: source.facts.map(({ factId }) => ({ factId })) },
      versions: {
        create: { version: 1, stem: change.stem, explanation: change.explanation, snapshot, editedById: teacher.id },
      },
    },
    select: changeTarget,
  });
}

/**
 * Puts the teacher's version in place of the original in their own sets that nobody has
 * answered yet (a set already answered keeps what its students saw), or takes it out of them
 * when retired; and at the teacher's first change of an article, copies its quiz into a set of
 * their own, which stands in for the shared quiz in their list.
 */
async function useOwnVersion(
  tx: Tx,
  teacher: Actor,
  originalId: string,
  copy: { id: string; articleId: string; retired: boolean },
  firstOfArticle: boolean,
): Promise<Pick<QuestionChange, "setsChanged" | "newSet">> {
  const sets = await tx.questionSet.findMany({
    where: {
      ownerId: teacher.id,
      kind: "CUSTOM",
      attempts: { none: {} },
      items: { some: { questionId: { in: [originalId, copy.id] } } },
    },
    select: { id: true, title: true, items: { orderBy: { position: "asc" }, select: { questionId: true } } },
  });
  for (const set of sets) {
    const ids = set.items.map((i) => i.questionId);
    const next = copy.retired
      ? ids.filter((id) => id !== originalId && id !== copy.id)
      : [...new Set(ids.map((id) => (id === originalId ? copy.id : id)))];
    if (next.join() === ids.join()) continue;
    await tx.questionSetItem.deleteMany({ where: { setId: set.id } });
    await tx.questionSetItem.createMany({
      data: next.map((questionId, position) => ({ setId: set.id, questionId, position })),
    });
    await tx.questionSet.update({ where: { id: set.id }, data: { updatedAt: new Date() } });
  }
  let newSet: QuestionChange["newSet"] = null;
  if (firstOfArticle) {
    const quiz = await tx.questionSet.findUnique({
      where: { articleId: copy.articleId },
      select: { title: true, items: { orderBy: { position: "asc" }, select: { questionId: true } } },
    });
    const ids = (quiz?.items ?? [])
      .map((i) => (i.questionId === originalId ? (copy.retired ? null : copy.id) : i.questionId))
      .filter((id) => id !== null);
    if (quiz && ids.length > 0) {
      const title = `${quiz.title} (your version)`.slice(0, 120);
      const created = await tx.questionSet.create({
        data: {
          title,
          kind: "CUSTOM",
          ownerId: teacher.id,
          shared: false,
          items: { create: ids.map((questionId, position) => ({ questionId, position })) },
        },
        select: { id: true },
      });
      newSet = { id: created.id, title };
    }
  }
  return { setsChanged: sets.map((s) => s.title), newSet };
}

/**
 * Applies a teacher's change to a question: in place when it is their own version or question,
 * or they may change it for everyone; otherwise as their own version, made now (with
 * `changeCopy`, the change is then made to that version as well: its version 1 is the original).
 */
export async function changeQuestion(
  db: Db,
  teacher: Actor,
  questionId: string,
  change: (tx: Tx, question: Target) => Promise<number>,
  copyWith: (question: Target) => { stem: string; explanation: string; retire: boolean },
  { changeCopy = false }: { changeCopy?: boolean } = {},
): Promise<QuestionChange> {
  return db.$transaction(async (tx) => {
    const question = await findChangeTarget(tx, teacher, questionId);
    if (question.copyOfId === null && question.ownerId === teacher.id) {
      return { version: await change(tx, question), ownVersion: true, setsChanged: [], newSet: null, written: true };
    }
    if (question.copyOfId === null && changesForEveryone(teacher, question.article)) {
      return { version: await change(tx, question), ownVersion: false, setsChanged: [], newSet: null };
    }
    let own = question;
    let firstOfArticle = false;
    if (question.copyOfId === null) {
      // Questions the teacher wrote are no versions of the article's: its quiz is still theirs to use.
      firstOfArticle =
        (await tx.question.count({
          where: { articleId: question.articleId, ownerId: teacher.id, copyOfId: { not: null } },
        })) === 0;
      own = await copyForTeacher(tx, teacher, question, copyWith(question));
      if (changeCopy) {
        await change(tx, own);
        own = await tx.question.findUniqueOrThrow({ where: { id: own.id }, select: changeTarget });
      }
    } else {
      await change(tx, question);
      own = await tx.question.findUniqueOrThrow({ where: { id: question.id }, select: changeTarget });
    }
    const used = await useOwnVersion(
      tx,
      teacher,
      own.copyOfId!,
      { id: own.id, articleId: own.articleId, retired: own.status === "RETIRED" },
      firstOfArticle,
    );
    return { version: own.version, ownVersion: true, ...used };
  });
}

/**
 * Takes a question out of service: for everyone when the teacher may change it for everyone
 * (it stays on record for past answers, and leaves the articles' quizzes; custom sets keep it
 * until their owner removes it); otherwise out of the teacher's own sets and view only.
 */
export async function retireQuestion(db: Db, teacher: Actor, questionId: string): Promise<QuestionChange> {
  return changeQuestion(
    db,
    teacher,
    questionId,
    async (tx, question) => {
      if (question.status === "RETIRED") throw notFound("That question");
      await tx.question.update({
        where: { id: question.id },
        data: { status: "RETIRED", retiredById: teacher.id },
      });
      if (question.copyOfId === null)
        await tx.questionSetItem.deleteMany({ where: { questionId: question.id, set: { kind: "ARTICLE" } } });
      return question.version;
    },
    (question) => {
      if (question.status === "RETIRED") throw notFound("That question");
      return { stem: question.stem, explanation: question.explanation, retire: true };
    },
  );
}

/**
 * Rewords a question: a new version (answers given earlier keep the version they answered),
 * for everyone or of the teacher's own version.
 */
export async function editQuestion(
  db: Db,
  teacher: Actor,
  questionId: string,
  { stem, explanation }: { stem: string; explanation: string },
): Promise<QuestionChange> {
  return changeQuestion(
    db,
    teacher,
    questionId,
    async (tx, question) => {
      if (question.stem === stem && question.explanation === explanation) return question.version;
      const version = question.version + 1;
      const snapshot = JSON.stringify({
        ...(JSON.parse(question.versions[0]?.snapshot ?? "{}") as object),
        stem,
        explanation,
      });
      await tx.question.update({
        where: { id: question.id },
        data: {
          stem,
          explanation,
          version,
          editedById: teacher.id,
          versions: { create: { version, stem, explanation, snapshot, editedById: teacher.id } },
        },
      });
      return version;
    },
    () => ({ stem, explanation, retire: false }),
  );
}

/** Why a set students have started cannot change its questions. */
export const ANSWERED_SET_MESSAGE =
  "Students have already started this set, so it keeps the questions they saw. Build a new set to ask different questions.";

/** The teacher's own set, if no student has started it yet (its questions can still change). */
async function requireOwnUnansweredSet(db: Db, teacher: Actor, setId: string) {
  const set = await requireOwnSet(db, teacher, setId);
  if ((await db.attempt.count({ where: { setId } })) > 0) throw new AppError("conflict", ANSWERED_SET_MESSAGE);
  return set;
}

/**
 * Adds questions (picked ones, and the served questions of whole articles) at the end of the
 * teacher's own set, in the order given; questions already in it stay where they are. Only
 * served questions in the teacher's view, and only while no student has started the set.
 * Returns how many were added.
 */
export async function addToSet(
  db: Db,
  teacher: Actor,
  setId: string,
  { questionIds: picked, articleSlugs = [] }: { questionIds: string[]; articleSlugs?: string[] },
): Promise<number> {
  const set = await requireOwnUnansweredSet(db, teacher, setId);
  const whole = await servedQuestionsOf(db, teacher, articleSlugs);
  const present = new Set(set.items.map((i) => i.questionId));
  const added = [...new Set([...picked, ...whole.map((q) => q.id)])].filter((id) => !present.has(id));
  if (picked.length + articleSlugs.length === 0)
    throw new AppError("invalid_input", "Pick at least one question.", {
      questionIds: "Pick at least one question, or a whole article.",
    });
  if (added.length === 0) return 0;
  const found = await db.question.count({
    where: { id: { in: added }, status: "SERVED", ...questionInViewOf(teacher) },
  });
  if (found !== added.length)
    throw new AppError(
      "invalid_input",
      "Some of those questions are not in your question bank (held back, retired, or of an article you cannot see): pick from the list.",
    );
  const last = await db.questionSetItem.aggregate({ where: { setId }, _max: { position: true } });
  const from = (last._max.position ?? -1) + 1;
  await db.$transaction([
    db.questionSetItem.createMany({
      data: added.map((questionId, i) => ({ setId, questionId, position: from + i })),
    }),
    db.questionSet.update({ where: { id: setId }, data: { updatedAt: new Date() } }),
  ]);
  return added.length;
}

/** Takes a question out of the teacher's own set, while no student has started it. */
export async function removeFromSet(db: Db, teacher: Actor, setId: string, questionId: string): Promise<void> {
  const set = await requireOwnUnansweredSet(db, teacher, setId);
  const ids = set.items.map((i) => i.questionId);
  if (!ids.includes(questionId)) throw notFound("That question in this set");
  const ordered = await db.questionSetItem.findMany({
    where: { setId },
    orderBy: { position: "asc" },
    select: { questionId: true },
  });
  await reorderSet(
    db,
    teacher,
    setId,
    ordered.map((i) => i.questionId).filter((id) => id !== questionId),
  );
}
