// The right answers of a quiz's questions, read from the e2e database: what the leak
// scanner looks for and what the players' answers are chosen from.
import type { Db } from "@/lib/db/client";

import type { AnswerKey } from "./leak-scan";

/** The answer keys of a question set's questions, in the set's order. */
export async function loadAnswerKeys(db: Db, setId: string): Promise<AnswerKey[]> {
  const items = await db.questionSetItem.findMany({
    where: { setId },
    orderBy: { position: "asc" },
    select: { questionId: true },
  });
  return loadQuestionKeys(
    db,
    items.map((i) => i.questionId),
  );
}

/** The answer keys of these questions, in this order. */
export async function loadQuestionKeys(db: Db, ids: readonly string[]): Promise<AnswerKey[]> {
  const questions = await db.question.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      type: true,
      stem: true,
      explanation: true,
      quote: true,
      answerText: true,
      answerNumber: true,
      options: {
        orderBy: { position: "asc" },
        select: { position: true, text: true, isCorrect: true, matchText: true, correctPosition: true },
      },
      facts: { select: { fact: { select: { aliases: { select: { alias: true } } } } } },
    },
  });
  return ids.flatMap((questionId) =>
    questions
      .filter((q) => q.id === questionId)
      .map(({ id, facts, ...question }) => ({
        questionId: id,
        ...question,
        aliases: facts.flatMap(({ fact }) => fact.aliases.map((a) => a.alias)),
      })),
  );
}
