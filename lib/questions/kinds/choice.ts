// Multiple choice and true/false: one option is right; the answer is the position chosen.
import { defineKind, inPositionOrder, showChoices, textAt } from "@/lib/questions/kinds/kind";

/** A kind whose answer is one chosen option. */
export function choiceKind<T extends string>(type: T, label: string, shortLabel: string) {
  return defineKind<{ type: T; position: number }>({
    type,
    label,
    shortLabel,
    typed: false,
    answerSchema: (z) => z.object({ type: z.literal(type), position: z.number().int().min(0).max(20) }),
    view: showChoices,
    grade(question, answer) {
      const isCorrect = Boolean(question.options.find((o) => o.position === answer.position)?.isCorrect);
      return { isCorrect, score: isCorrect ? 1 : 0 };
    },
    marks: (question) => ({ rightOptions: question.options.filter((o) => o.isCorrect).map((o) => o.position) }),
    rightAnswer: (question) => inPositionOrder(question.options).find((o) => o.isCorrect)?.text ?? "",
    describe: (answer, options) => textAt(options, answer.position),
  });
}
