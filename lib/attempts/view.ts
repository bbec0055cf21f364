// What the browser may see of a question before it is answered: the stem and the choices,
// never which choice is right, the expected text or number, the pairs or the order.
import type { QuestionTypeName } from "@/lib/questions/types";

export interface QuestionView {
  id: string;
  type: QuestionTypeName;
  stem: string;
  /** YYYY-MM-DD, for time-sensitive questions. */
  asOf: string | null;
  /** Multiple choice, true/false and ordering: the choices in display order. */
  options: { position: number; text: string }[];
  /** Matching: the right-hand items, alphabetical (their order says nothing about the pairs). */
  matchTargets: string[];
}

export interface StoredOption {
  position: number;
  text: string;
  isCorrect: boolean;
  matchText: string | null;
  correctPosition: number | null;
}

export function toQuestionView(question: {
  id: string;
  type: QuestionTypeName;
  stem: string;
  asOf: Date | null;
  options: StoredOption[];
}): QuestionView {
  const ordered = [...question.options].sort((a, b) => a.position - b.position);
  const showsChoices =
    question.type === "MULTIPLE_CHOICE" ||
    question.type === "TRUE_FALSE" ||
    question.type === "ORDERING" ||
    question.type === "MATCHING";
  return {
    id: question.id,
    type: question.type,
    stem: question.stem,
    asOf: question.asOf ? question.asOf.toISOString().slice(0, 10) : null,
    options: showsChoices ? ordered.map((o) => ({ position: o.position, text: o.text })) : [],
    matchTargets:
      question.type === "MATCHING"
        ? ordered
            .map((o) => o.matchText ?? "")
            .filter(Boolean)
            .sort((a, b) => a.localeCompare(b))
        : [],
  };
}

/** The answer as the student gave it, in words (for summaries, exports and teachers). */
export function describeAnswer(
  answer: { type: QuestionTypeName; position?: number; text?: string; matches?: string[]; order?: number[] },
  options: { position: number; text: string }[],
): string {
  const textAt = (position: number) => options.find((o) => o.position === position)?.text ?? "?";
  switch (answer.type) {
    case "MULTIPLE_CHOICE":
    case "TRUE_FALSE":
      return textAt(answer.position ?? -1);
    case "FILL_BLANK":
    case "NUMERIC":
      return answer.text ?? "";
    case "MATCHING":
      return [...options]
        .sort((a, b) => a.position - b.position)
        .map((o, i) => `${o.text} → ${answer.matches?.[i] ?? "?"}`)
        .join("; ");
    case "ORDERING":
      return (answer.order ?? []).map(textAt).join(" → ");
  }
}
