// A sentence with a blank to type: any writing of the answer or of an alias counts, with small
// typos forgiven (the generator caps the tolerance so no other candidate is within reach), and
// any writing a teacher added as an option marked right.
import { defineKind } from "@/lib/questions/kinds/kind";
import { noChoices, typedAnswerSchema } from "@/lib/questions/kinds/typed";
import { matchesTypedAnswer } from "@/lib/questions/typed-answer";

export const fillBlank = defineKind<{ type: "FILL_BLANK"; text: string }>({
  type: "FILL_BLANK",
  label: "Fill in the blank",
  shortLabel: "Fill in",
  typed: true,
  answerSchema: typedAnswerSchema("FILL_BLANK"),
  view: noChoices,
  // A typed answer may be any writing of a tested fact's answer (its aliases).
  acceptedAnswers: (facts) => facts.flatMap((fact) => fact.aliases),
  rightAnswer: (question) => question.answerText ?? question.acceptedAnswers[0] ?? "",
  grade(question, answer) {
    // Options marked right are other writings a teacher accepts; the others are writings refused.
    const alternatives = question.options.filter((o) => o.isCorrect).map((o) => o.text);
    const accepted = [question.answerText ?? "", ...alternatives, ...question.acceptedAnswers].filter(Boolean);
    const rejected = question.options.filter((o) => !o.isCorrect).map((o) => o.text);
    const isCorrect = matchesTypedAnswer(
      answer.text,
      accepted,
      question.tolerance ?? Number.POSITIVE_INFINITY,
      rejected,
    );
    return { isCorrect, score: isCorrect ? 1 : 0 };
  },
  describe: (answer) => answer.text,
});
