// Stores an article's generated questions, touching only what changed: an unchanged
// question keeps its row (same id); a changed one gets a new version (earlier answers keep
// the version they answered, and QuestionVersion keeps what that version said); a question
// the generator no longer makes is retired, never deleted. Also keeps the article's default
// quiz (its ARTICLE question set) in step with the generator's selection.
import "server-only";

import { createHash } from "node:crypto";

import type { SyncCounts } from "@/lib/content/sync";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { GeneratedQuestion } from "@/lib/questions/types";
import { GENERATOR_VERSION } from "@/lib/questions/types";

type Tx = Prisma.TransactionClient;

/** Everything a student or teacher would see of a question, and its right answer. */
export function questionContentHash(question: GeneratedQuestion): string {
  const { key: _key, ...content } = question;
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 32);
}

function questionFields(question: GeneratedQuestion) {
  return {
    type: question.type,
    generatorVersion: GENERATOR_VERSION,
    status: (question.heldBackReason ? "HELD_BACK" : "SERVED") as "HELD_BACK" | "SERVED" | "RETIRED",
    heldBackReason: question.heldBackReason ?? null,
    stem: question.stem,
    explanation: question.explanation,
    quote: question.quote,
    asOf: question.asOf ? new Date(`${question.asOf}T00:00:00.000Z`) : null,
    answerText: question.answerText ?? null,
    answerNumber: question.answerNumber ?? null,
    tolerance: question.tolerance ?? null,
    contentHash: questionContentHash(question),
  };
}

function optionRows(question: GeneratedQuestion) {
  return question.options.map((option, position) => ({
    position,
    text: option.text,
    isCorrect: option.isCorrect,
    matchText: option.matchText ?? null,
    correctPosition: option.correctPosition ?? null,
  }));
}

function factLinks(question: GeneratedQuestion, factIds: Map<string, string>) {
  return question.factKeys.map((key) => {
    const factId = factIds.get(key);
    if (!factId) throw new Error(`Question ${question.key} tests fact "${key}", which is not in its article`);
    return { factId };
  });
}

function versionRow(question: GeneratedQuestion, version: number) {
  return { version, stem: question.stem, explanation: question.explanation, snapshot: JSON.stringify(question) };
}

/**
 * Teachers' own versions of a question whose generated content changed (a corrected answer,
 * new options): each takes the new content as a new version of its own, and keeps its
 * teacher's wording and retirement, as a shared question keeps an edit.
 */
async function syncCopies(
  tx: Tx,
  originalId: string,
  question: GeneratedQuestion,
  fields: ReturnType<typeof questionFields>,
  factIds: Map<string, string>,
): Promise<void> {
  const copies = await tx.question.findMany({
    where: { copyOfId: originalId },
    select: { id: true, version: true, stem: true, explanation: true, retiredById: true, editedById: true },
  });
  for (const copy of copies) {
    const kept = copy.editedById ? { ...question, stem: copy.stem, explanation: copy.explanation } : question;
    const version = copy.version + 1;
    await tx.questionOption.deleteMany({ where: { questionId: copy.id } });
    await tx.questionFact.deleteMany({ where: { questionId: copy.id } });
    await tx.question.update({
      where: { id: copy.id },
      data: {
        ...fields,
        status: copy.retiredById ? "RETIRED" : fields.status,
        stem: kept.stem,
        explanation: kept.explanation,
        version,
        options: { create: optionRows(question) },
        facts: { create: factLinks(question, factIds) },
        versions: { create: versionRow(kept, version) },
      },
    });
  }
}

export async function syncArticleQuestions(
  tx: Tx,
  article: { id: string; title: string },
  factIds: Map<string, string>,
  generated: GeneratedQuestion[],
  quiz: GeneratedQuestion[],
  counts: SyncCounts,
): Promise<void> {
  // The shared questions; teachers' own versions (copyOfId) follow their original below, and
  // questions teachers wrote (ownerId without copyOfId) are theirs, never the generator's.
  const existing = await tx.question.findMany({
    where: { articleId: article.id, copyOfId: null, ownerId: null },
    select: { id: true, key: true, contentHash: true, version: true, status: true, stem: true, explanation: true, editedById: true, retiredById: true },
  });
  const byKey = new Map(existing.map((q) => [q.key, q]));
  const ids = new Map<string, string>();

  for (const question of generated) {
    const fields = questionFields(question);
    const current = byKey.get(question.key);
    if (!current) {
      const created = await tx.question.create({
        data: {
          articleId: article.id,
          key: question.key,
          ...fields,
          options: { create: optionRows(question) },
          facts: { create: factLinks(question, factIds) },
          versions: { create: versionRow(question, 1) },
        },
        select: { id: true },
      });
      ids.set(question.key, created.id);
      counts.created++;
      continue;
    }
    ids.set(question.key, current.id);
    // A teacher's decisions outlive regeneration: a retired question stays retired, and an
    // edited stem or explanation stays as the teacher wrote it.
    if (current.retiredById) fields.status = "RETIRED";
    const kept = current.editedById ? { ...question, stem: current.stem, explanation: current.explanation } : question;
    if (current.contentHash === fields.contentHash) {
      if (current.status === fields.status) {
        counts.unchanged++;
      } else {
        await tx.question.update({ where: { id: current.id }, data: { status: fields.status } });
        counts.updated++;
      }
      continue;
    }
    const version = current.version + 1;
    await tx.questionOption.deleteMany({ where: { questionId: current.id } });
    await tx.questionFact.deleteMany({ where: { questionId: current.id } });
    await tx.question.update({
      where: { id: current.id },
      data: {
        ...fields,
        stem: kept.stem,
        explanation: kept.explanation,
        version,
        options: { create: optionRows(question) },
        facts: { create: factLinks(question, factIds) },
        versions: { create: versionRow(kept, version) },
      },
    });
    await syncCopies(tx, current.id, question, fields, factIds);
    counts.updated++;
  }

  const keep = new Set(generated.map((q) => q.key));
  const gone = existing.filter((q) => !keep.has(q.key) && q.status !== "RETIRED");
  if (gone.length > 0) {
    // Teachers' own versions of a question the generator no longer makes go with it.
    await tx.question.updateMany({
      where: { OR: [{ id: { in: gone.map((q) => q.id) } }, { copyOfId: { in: gone.map((q) => q.id) } }] },
      data: { status: "RETIRED" },
    });
    counts.retired += gone.length;
  }

  // The article's default quiz.
  const set = await tx.questionSet.upsert({
    where: { articleId: article.id },
    create: { articleId: article.id, kind: "ARTICLE", title: article.title, shared: true },
    update: { title: article.title },
    select: { id: true, items: { orderBy: { position: "asc" }, select: { questionId: true } } },
  });
  const retiredByTeacher = new Set(existing.filter((q) => q.retiredById).map((q) => q.id));
  const wanted = quiz.map((q) => ids.get(q.key)!).filter((id) => id && !retiredByTeacher.has(id));
  const current = set.items.map((item) => item.questionId);
  if (wanted.join() !== current.join()) {
    await tx.questionSetItem.deleteMany({ where: { setId: set.id } });
    await tx.questionSetItem.createMany({ data: wanted.map((questionId, position) => ({ setId: set.id, questionId, position })) });
  }
}
