// A set's questions as the bank formats carry them, for a teacher who can see the set.
import "server-only";

import { bankQuestionOf } from "@/lib/banks/from-question";
import type { BankQuestion } from "@/lib/banks/types";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { visibleSetWhere } from "@/lib/sets/queries";

export async function findSetForExport(
  db: Db,
  teacher: Pick<CurrentUser, "id">,
  setId: string,
): Promise<{ title: string; questions: BankQuestion[] } | null> {
  const set = await db.questionSet.findFirst({
    where: { id: setId, kind: { not: "REVIEW" }, ...visibleSetWhere(teacher) },
    select: {
      title: true,
      items: {
        orderBy: { position: "asc" },
        select: {
          question: {
            select: {
              type: true,
              stem: true,
              explanation: true,
              quote: true,
              answerText: true,
              answerNumber: true,
              tolerance: true,
              options: {
                orderBy: { position: "asc" },
                select: { position: true, text: true, isCorrect: true, matchText: true, correctPosition: true },
              },
              article: { select: { title: true, outlet: true, source: true } },
              facts: { select: { fact: { select: { aliases: { select: { alias: true } } } } } },
            },
          },
        },
      },
    },
  });
  if (!set) return null;
  return { title: set.title, questions: set.items.map((item) => bankQuestionOf(item.question)) };
}

/** The teacher's question banks, newest first, with the set each came in as. */
export async function listBanks(db: Db, teacher: Pick<CurrentUser, "id">) {
  const banks = await db.article.findMany({
    where: { ownerId: teacher.id, source: "BANK", retiredAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      outlet: true,
      shared: true,
      createdAt: true,
      _count: { select: { questions: { where: { status: "SERVED", copyOfId: null, ownerId: null } } } },
    },
  });
  // The set the import made: the teacher's own, holding the bank's questions.
  const sets = await db.questionSet.findMany({
    where: {
      ownerId: teacher.id,
      kind: "CUSTOM",
      items: { some: { question: { articleId: { in: banks.map((b) => b.id) } } } },
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      items: { take: 1, orderBy: { position: "asc" }, select: { question: { select: { articleId: true } } } },
    },
  });
  return banks.map(({ id, _count, ...bank }) => ({
    ...bank,
    questions: _count.questions,
    setId: sets.find((s) => s.items[0]?.question.articleId === id)?.id ?? null,
  }));
}
