// From a stored question to what grading and feedback need.
import { anchorOfQuote, splitBody } from "@/lib/content/body";
import type { GradableQuestion } from "@/lib/questions/types";
import type { QuestionTypeName } from "@/lib/questions/types";
import type { StoredOption } from "@/lib/attempts/view";

export interface StoredQuestion {
  id: string;
  type: QuestionTypeName;
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
  // A typed answer may be any writing of a tested fact's answer (its aliases).
  const acceptedAnswers =
    question.type === "FILL_BLANK" ? question.facts.flatMap(({ fact }) => fact.aliases.map((a) => a.alias)) : [];
  return {
    type: question.type,
    options: question.options.map((o) => ({
      position: o.position,
      text: o.text,
      isCorrect: o.isCorrect,
      ...(o.matchText !== null ? { matchText: o.matchText } : {}),
      ...(o.correctPosition !== null ? { correctPosition: o.correctPosition } : {}),
    })),
    answerText: question.answerText,
    answerNumber: question.answerNumber,
    tolerance: question.tolerance,
    acceptedAnswers,
  };
}

export interface Feedback {
  isCorrect: boolean;
  score: number;
  /** The right answer, in words. */
  expected: string;
  /** What the student gave, in words. */
  given: string;
  explanation: string;
  /** The exact source sentence, and where it is in the article. */
  quote: string;
  articleSlug: string;
  anchor: string | null;
}

// Where each question's quote sits in its article: splitting the article is the slowest step
// of feedback, and cached questions (lib/attempts/mutations.ts) are the same objects each time.
const anchors = new WeakMap<StoredQuestion, string | null>();

function anchorOf(question: StoredQuestion): string | null {
  if (anchors.has(question)) return anchors.get(question)!;
  // The quote may span several sentences of a paragraph; link the paragraph of its first part.
  const firstPart = question.quote.split(" … ")[0] ?? question.quote;
  const anchor = anchorOfQuote(splitBody(question.article.body), firstPart) ?? null;
  anchors.set(question, anchor);
  return anchor;
}

export function feedbackFor(
  question: StoredQuestion,
  result: { isCorrect: boolean; score: number; expected: string },
  given: string,
): Feedback {
  return {
    isCorrect: result.isCorrect,
    score: result.score,
    expected: result.expected,
    given,
    explanation: question.explanation,
    quote: question.quote,
    articleSlug: question.article.slug,
    anchor: anchorOf(question),
  };
}
