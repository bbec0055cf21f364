// What the browser may see of a question before it is answered: the stem and what its kind
// shows (lib/questions/kinds/), never which choice is right, the expected text or number, the
// pairs or the order.
import { kindOf, type KindAnswer, type KindOption, type KindView } from "@/lib/questions/kinds";

export interface QuestionView extends KindView {
  id: string;
  /** A QuestionTypeName (or a kind registered at run time): the kind picks the widget. */
  type: string;
  stem: string;
  /** YYYY-MM-DD, for time-sensitive questions. */
  asOf: string | null;
}

export type StoredOption = KindOption;

/** The view of a question, its options in the order given (the attempt's: lib/attempts/shuffle.ts). */
export function toQuestionView(question: {
  id: string;
  type: string;
  stem: string;
  asOf: Date | null;
  options: StoredOption[];
}): QuestionView {
  return {
    id: question.id,
    type: question.type,
    stem: question.stem,
    asOf: question.asOf ? question.asOf.toISOString().slice(0, 10) : null,
    ...kindOf(question.type).view(question.options),
  };
}

/** The answer as the student gave it, in words (for summaries, exports and teachers). */
export function describeAnswer(answer: KindAnswer, options: { position: number; text: string }[]): string {
  return kindOf(answer.type).describe(answer, options);
}
