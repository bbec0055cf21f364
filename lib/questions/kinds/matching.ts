// Pair each left-hand item (a person) with a right-hand one (their role). Part marks per pair.
import { choicesOf, defineKind, inPositionOrder } from "@/lib/questions/kinds/kind";
import type { GradableQuestion } from "@/lib/questions/types";
import { normaliseAnswer } from "@/lib/questions/normalise";

/** For each left-hand option in position order, whether the student paired it right. */
function matchedRows(options: GradableQuestion["options"], matches: string[]): boolean[] {
  return inPositionOrder(options).map((option, index) => {
    const given = matches[index];
    return given !== undefined && normaliseAnswer(given) === normaliseAnswer(option.matchText ?? "");
  });
}

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
    const rows = matchedRows(question.options, answer.matches);
    const right = rows.filter(Boolean).length;
    return {
      isCorrect: rows.length > 0 && right === rows.length,
      score: rows.length ? right / rows.length : 0,
    };
  },
  marks: (question, answer) => ({ rows: matchedRows(question.options, answer.matches) }),
  rightAnswer: (question) =>
    inPositionOrder(question.options)
      .map((o) => `${o.text} → ${o.matchText ?? ""}`)
      .join("; "),
  describe: (answer, options) =>
    inPositionOrder(options)
      .map((o, i) => `${o.text} → ${answer.matches[i] ?? "?"}`)
      .join("; "),
});
