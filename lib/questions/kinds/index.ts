// The question kinds the app knows, by type. A new kind is one module beside this file, one
// line here and one widget (components/quiz/widgets/index.ts): see docs/question-kinds.md.
import { fillBlank } from "@/lib/questions/kinds/fill-blank";
import type { AnswerOf, AnyQuestionKind } from "@/lib/questions/kinds/kind";
import { matching } from "@/lib/questions/kinds/matching";
import { multipleChoice } from "@/lib/questions/kinds/multiple-choice";
import { numeric } from "@/lib/questions/kinds/numeric";
import { ordering } from "@/lib/questions/kinds/ordering";
import { trueFalse } from "@/lib/questions/kinds/true-false";

export type { AnyQuestionKind, KindAnswer, KindOption, KindView, QuestionKind } from "@/lib/questions/kinds/kind";

/** What a student sends to a shipped kind (a registered one sends its own `{ type, ... }`). */
export type GivenAnswer =
  | AnswerOf<typeof multipleChoice>
  | AnswerOf<typeof trueFalse>
  | AnswerOf<typeof fillBlank>
  | AnswerOf<typeof numeric>
  | AnswerOf<typeof matching>
  | AnswerOf<typeof ordering>;

/** The shipped kinds, in the order teachers see them listed. */
export const SHIPPED_KINDS: readonly AnyQuestionKind[] = [
  multipleChoice,
  trueFalse,
  fillBlank,
  numeric,
  matching,
  ordering,
];

const kinds = new Map<string, AnyQuestionKind>(SHIPPED_KINDS.map((kind) => [kind.type, kind]));

/** The kind of a question type, or undefined for a type nobody registered. */
export function findKind(type: string): AnyQuestionKind | undefined {
  return kinds.get(type);
}

/** The kind of a question type; a type with no kind is a programming error. */
export function kindOf(type: string): AnyQuestionKind {
  const kind = kinds.get(type);
  if (!kind) throw new TypeError(`No question kind is registered for type ${type}`);
  return kind;
}

/** Every registered kind. */
export function allKinds(): AnyQuestionKind[] {
  return [...kinds.values()];
}

/**
 * Adds a kind at run time. The app registers nothing this way (its kinds are SHIPPED_KINDS);
 * tests use it to prove that a kind plugs in through its module alone. Returns the undo.
 */
export function registerKind(kind: AnyQuestionKind): () => void {
  if (kinds.has(kind.type)) throw new TypeError(`A question kind is already registered for type ${kind.type}`);
  kinds.set(kind.type, kind);
  return () => {
    kinds.delete(kind.type);
  };
}
