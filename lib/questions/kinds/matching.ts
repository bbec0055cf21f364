// Pair each left-hand item (a person) with a right-hand one (their role). Part marks per pair.
import { choicesOf, defineKind, inPositionOrder } from "@/lib/questions/kinds/kind";
import { normaliseAnswer } from "@/lib/questions/normalise";

export const matching = defineKind({
  type: "MATCHING",
  label: "Matching",
  shortLabel: "Matching",
  typed: false,
  /** For each left-hand option in position order, the right-hand item the student paired with it. */
  answerSchema: (z) => z.object({ type: z.literal("MATCHING"), matches: z.array(z.string().max(200)).min(1).max(10) }),
  view: (options) => ({
    options: choicesOf(options),
    // Alphabetical: their order says nothing about the pairs.
    matchTargets: options
      .map((o) => o.matchText ?? "")
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b)),
  }),
  grade(question, answer) {
    const options = inPositionOrder(question.options);
    const right = options.filter((option, index) => {
      const given = answer.matches[index];
      return given !== undefined && normaliseAnswer(given) === normaliseAnswer(option.matchText ?? "");
    }).length;
    return {
      isCorrect: options.length > 0 && right === options.length,
      score: options.length ? right / options.length : 0,
    };
  },
  rightAnswer: (question) =>
    inPositionOrder(question.options)
      .map((o) => `${o.text} → ${o.matchText ?? ""}`)
      .join("; "),
  describe: (answer, options) =>
    inPositionOrder(options)
      .map((o, i) => `${o.text} → ${answer.matches[i] ?? "?"}`)
      .join("; "),
});
