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
