// Put events in order, earliest first. Part marks per item in its right place.
import { defineKind, inPositionOrder, showChoices, textAt } from "@/lib/questions/kinds/kind";

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
    const options = inPositionOrder(question.options);
    const seen = new Set<number>();
    const right = answer.order.filter((position, index) => {
      if (seen.has(position)) return false;
      seen.add(position);
      return options.find((o) => o.position === position)?.correctPosition === index;
    }).length;
    return {
      isCorrect: options.length > 0 && right === options.length && answer.order.length === options.length,
      score: options.length ? right / options.length : 0,
    };
  },
  rightAnswer: (question) =>
    [...question.options]
      .sort((a, b) => (a.correctPosition ?? 0) - (b.correctPosition ?? 0))
      .map((o) => o.text)
      .join(" → "),
  describe: (answer, options) => answer.order.map((position) => textAt(options, position)).join(" → "),
});
