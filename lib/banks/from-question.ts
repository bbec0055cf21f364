// A stored question as the bank formats carry it: its options and answer as the teacher's form
// reads them (authoredAnswerOf), a fill-in question's accepted writings with its facts' aliases
// (which grading accepts too), and its source sentence with the article it is from. Pure.
import type { BankQuestion } from "@/lib/banks/types";
import { authoredAnswerOf, type AuthoredOption } from "@/lib/questions/authoring";
import { normaliseAnswer } from "@/lib/questions/normalise";
import type { QuestionTypeName } from "@/lib/questions/types";

export interface StoredQuestion {
  type: QuestionTypeName;
  stem: string;
  explanation: string;
  quote: string;
  answerText: string | null;
  answerNumber: number | null;
  tolerance: number | null;
  options: AuthoredOption[];
  article: { title: string; outlet: string; source: string };
  facts: { fact: { aliases: { alias: string }[] } }[];
}

function sourceOf(question: StoredQuestion): string | undefined {
  const quote = question.quote.trim();
  if (!quote) return undefined;
  // A bank's question keeps the source its file gave; an article's names the article.
  if (question.article.source === "BANK") return quote;
  return `${quote} (${question.article.title}, ${question.article.outlet})`;
}

export function bankQuestionOf(question: StoredQuestion): BankQuestion {
  let answer = authoredAnswerOf(question);
  if (answer.type === "FILL_BLANK") {
    const seen = new Set([normaliseAnswer(answer.answerText)]);
    const writings = [
      ...answer.alternatives.split("\n"),
      ...question.facts.flatMap((f) => f.fact.aliases.map((a) => a.alias)),
    ].filter((w) => {
      const form = normaliseAnswer(w);
      if (!w.trim() || !form || seen.has(form)) return false;
      seen.add(form);
      return true;
    });
    answer = { ...answer, alternatives: writings.join("\n") };
  }
  const source = sourceOf(question);
  return {
    type: question.type,
    stem: question.stem,
    answer,
    explanation: question.explanation,
    ...(source ? { source } : {}),
  };
}
