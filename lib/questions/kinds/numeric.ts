// A number to type, right within the question's tolerance, however it is written.
import { defineKind } from "@/lib/questions/kinds/kind";
import { noChoices, typedAnswerSchema } from "@/lib/questions/kinds/typed";
import { parseNumber } from "@/lib/questions/numbers";

export const numeric = defineKind<{ type: "NUMERIC"; text: string }>({
  type: "NUMERIC",
  label: "Numeric",
  shortLabel: "Numeric",
  typed: true,
  answerSchema: typedAnswerSchema("NUMERIC"),
  view: noChoices,
  grade(question, answer) {
    const target = question.answerNumber ?? undefined;
    const value = parseNumber(answer.text);
    const tolerance = question.tolerance ?? 0;
    const isCorrect =
      target !== undefined &&
      value !== undefined &&
      Math.abs(value - target) <= tolerance + 1e-9 * Math.max(1, Math.abs(target));
    return { isCorrect, score: isCorrect ? 1 : 0 };
  },
  rightAnswer: (question) => question.answerText ?? String(question.answerNumber ?? ""),
  describe: (answer) => answer.text,
});
