// A seventh question kind that exists only in the tests: "pick the two right options". It is
// not in the app's registry (lib/questions/kinds/index.ts); tests register it to prove that a
// kind plugs in through its module and its widget (pick-two-widget.tsx) alone.
import { defineKind, inPositionOrder, showChoices, textAt } from "@/lib/questions/kinds/kind";

export const pickTwo = defineKind({
  type: "PICK_TWO",
  label: "Pick two",
  shortLabel: "Pick two",
  typed: false,
  answerSchema: (z) =>
    z.object({
      type: z.literal("PICK_TWO"),
      positions: z.array(z.number().int().min(0).max(20)).length(2, "Pick exactly two."),
    }),
  view: showChoices,
  grade(question, answer) {
    const options = inPositionOrder(question.options);
    const right = [...new Set(answer.positions)].filter((p) => options.find((o) => o.position === p)?.isCorrect);
    const score = right.length / 2;
    return { isCorrect: score === 1, score };
  },
  rightAnswer: (question) =>
    inPositionOrder(question.options)
      .filter((o) => o.isCorrect)
      .map((o) => o.text)
      .join(" and "),
  describe: (answer, options) => answer.positions.map((p) => textAt(options, p)).join(" and "),
});
