// From a stored question to what grading needs (feedback: lib/attempts/feedback.ts).
import type { StoredOption } from "@/lib/attempts/view";
import { kindOf } from "@/lib/questions/kinds";
import type { GradableQuestion } from "@/lib/questions/types";

export interface StoredQuestion {
  id: string;
  /** A QuestionTypeName (or a kind registered at run time). */
  type: string;
  version: number;
  stem: string;
  explanation: string;
  quote: string;
  answerText: string | null;
  answerNumber: number | null;
  tolerance: number | null;
  options: StoredOption[];
  facts: { fact: { id: string; answer: string; aliases: { alias: string }[] } }[];
  article: { slug: string; body: string };
}

/** Includes for loading a StoredQuestion with Prisma. */
export const storedQuestionSelect = {
  id: true,
  type: true,
  version: true,
  stem: true,
  explanation: true,
  quote: true,
  answerText: true,
  answerNumber: true,
  tolerance: true,
  options: { select: { position: true, text: true, isCorrect: true, matchText: true, correctPosition: true } },
  facts: { select: { fact: { select: { id: true, answer: true, aliases: { select: { alias: true } } } } } },
  article: { select: { slug: true, body: true } },
} as const;

export function toGradable(question: StoredQuestion): GradableQuestion {
  const kind = kindOf(question.type);
  const acceptedAnswers =
    kind.acceptedAnswers?.(question.facts.map(({ fact }) => ({ aliases: fact.aliases.map((a) => a.alias) }))) ?? [];
  return {
    type: question.type,
    options: question.options,
    answerText: question.answerText,
    answerNumber: question.answerNumber,
    tolerance: question.tolerance,
    acceptedAnswers,
  };
}
