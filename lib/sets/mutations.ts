// Changes to question sets and to questions. A teacher changes only their own sets; any
// teacher may retire a generated question or edit its wording (a new version, attributed),
// of an article they can see: another teacher's unshared import is not theirs to change.
import { articleVisibleTo } from "@/lib/articles/queries";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";

type Actor = Pick<CurrentUser, "id" | "role">;

async function requireServedQuestions(db: Db, teacher: Actor, questionIds: string[]): Promise<void> {
  const unique = [...new Set(questionIds)];
  const found = await db.question.count({
    where: { id: { in: unique }, status: "SERVED", article: articleVisibleTo(teacher) },
  });
  if (found !== unique.length)
    throw new AppError(
      "invalid_input",
      "Some of those questions are held back or retired: pick served questions only.",
    );
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
  const whole = articleSlugs.length
    ? await db.question.findMany({
        where: { status: "SERVED", article: { slug: { in: articleSlugs }, ...articleVisibleTo(teacher) } },
        orderBy: [{ article: { publishedOn: "asc" } }, { key: "asc" }],
        select: { id: true },
      })
    : [];
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

/** Takes a question out of service for everyone (it stays on record for past answers). */
export async function retireQuestion(db: Db, teacher: Actor, questionId: string): Promise<void> {
  const updated = await db.question.updateMany({
    where: { id: questionId, status: { not: "RETIRED" }, article: articleVisibleTo(teacher) },
    data: { status: "RETIRED", retiredById: teacher.id },
  });
  if (updated.count !== 1) throw notFound("That question");
  // It leaves the articles' quizzes (custom sets keep it until their owner removes it).
  await db.questionSetItem.deleteMany({ where: { questionId, set: { kind: "ARTICLE" } } });
}

/** Rewords a question: a new version; answers given earlier keep the version they answered. */
export async function editQuestion(
  db: Db,
  teacher: Actor,
  questionId: string,
  { stem, explanation }: { stem: string; explanation: string },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const question = await tx.question.findFirst({
      where: { id: questionId, article: articleVisibleTo(teacher) },
      select: {
        version: true,
        stem: true,
        explanation: true,
        versions: { orderBy: { version: "desc" }, take: 1, select: { snapshot: true } },
      },
    });
    if (!question) throw notFound("That question");
    if (question.stem === stem && question.explanation === explanation) return question.version;
    const version = question.version + 1;
    const snapshot = JSON.stringify({
      ...(JSON.parse(question.versions[0]?.snapshot ?? "{}") as object),
      stem,
      explanation,
    });
    await tx.question.update({
      where: { id: questionId },
      data: {
        stem,
        explanation,
        version,
        editedById: teacher.id,
        versions: { create: { version, stem, explanation, snapshot, editedById: teacher.id } },
      },
    });
    return version;
  });
}
