// Put events in order, earliest first. Part marks per item in its right place.
import { defineKind, showChoices, textAt } from "@/lib/questions/kinds/kind";
import type { GradableQuestion } from "@/lib/questions/types";

/** For each place of the student's order, whether the item there belongs there (a repeat never does). */
function placedRows(options: GradableQuestion["options"], order: number[]): boolean[] {
  const seen = new Set<number>();
  return order.map((position, index) => {
    if (seen.has(position)) return false;
    seen.add(position);
    return options.find((o) => o.position === position)?.correctPosition === index;
  });
}

export const ordering = defineKind({
  type: "ORDERING",
  label: "Ordering",
  shortLabel: "Ordering",
  typed: false,
  /** Option positions in the order the student put them. */
  answerSchema: (z) =>
    z.object({
      type: z.literal("ORDERING"),
      order: z.array(z.number().int().min(0).max(20)).min(2).max(10),
    }),
  view: showChoices,
  grade(question, answer) {
    const rows = placedRows(question.options, answer.order);
    const right = rows.filter(Boolean).length;
    return {
      isCorrect: question.options.length > 0 && right === question.options.length && rows.length === right,
      score: question.options.length ? right / question.options.length : 0,
    };
  },
  marks: (question, answer) => ({ rows: placedRows(question.options, answer.order) }),
  rightAnswer: (question) =>
    [...question.options]
      .sort((a, b) => (a.correctPosition ?? 0) - (b.correctPosition ?? 0))
      .map((o) => o.text)
      .join(" → "),
  describe: (answer, options) => answer.order.map((position) => textAt(options, position)).join(" → "),
});
